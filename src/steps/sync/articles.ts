/** Articles: a root, an overview and one per feature, as Odoo records or as files. */
import { featureOfTask } from './feature-map.js';
import { featureArticleMarkdown, markdownToHtml, type ArticleLink } from './html.js';
import { overviewMarkdown } from './overview.js';
import type { PlanTask } from './parse/types.js';
import { idPart } from './parse/text.js';
import { plain, ref, xmlidOf, type DesiredInput, type DesiredRecord, type Value } from './records.js';

/** Adds the article records (or files) and returns feature id -> link for task descriptions. */
export function articles(
  input: DesiredInput,
  tasks: readonly PlanTask[],
  records: DesiredRecord[],
  files: Map<string, string>,
): Map<string, ArticleLink> {
  const { namespace: ns, articles: target } = input;
  const byFeature = new Map<string, PlanTask[]>();
  for (const t of tasks) {
    const f = featureOfTask(t.id, input.features);
    if (f) byFeature.set(f.id, [...(byFeature.get(f.id) ?? []), t]);
  }
  const features = [...input.features.values()].sort((a, b) => a.id.localeCompare(b.id));
  const overview = overviewMarkdown(input.projectName, input.plan, features);
  const links = new Map<string, ArticleLink>();
  if (target === 'files') {
    files.set('articles/overview.md', overview);
    for (const f of features) {
      const file = `articles/${idPart(f.id, 200)}.md`;
      files.set(file, featureArticleMarkdown(f, byFeature.get(f.id) ?? []));
      links.set(f.id, { title: f.name, file });
    }
    return links;
  }
  const bodyField = target === 'knowledge.article' ? 'body' : 'content';
  const rootX = xmlidOf.article(ns, 'root');
  const extra = (root: boolean): Record<string, Value> =>
    target === 'knowledge.article'
      ? root
        ? { internal_permission: plain('write') }
        : {}
      : { type: plain(root ? 'category' : 'content') };
  records.push({
    model: target,
    xmlid: rootX,
    label: input.projectName,
    values: { name: plain(input.projectName), [bodyField]: plain(markdownToHtml(`Articles synced from the plan of ${input.projectName}.`)), ...extra(true) },
    pass: 1,
  });
  records.push({
    model: target,
    xmlid: xmlidOf.article(ns, 'overview'),
    label: 'Overview',
    values: { name: plain('Overview'), [bodyField]: plain(markdownToHtml(overview)), parent_id: ref(rootX), ...extra(false) },
    pass: 2,
  });
  for (const f of features) {
    const x = xmlidOf.article(ns, `feature_${f.id}`);
    records.push({
      model: target,
      xmlid: x,
      label: f.name,
      values: { name: plain(f.name), [bodyField]: plain(markdownToHtml(featureArticleMarkdown(f, byFeature.get(f.id) ?? []))), parent_id: ref(rootX), ...extra(false) },
      pass: 2,
    });
    const id = input.ids.get(x);
    if (id !== undefined) {
      const href = target === 'knowledge.article' ? `/knowledge/article/${id}` : `/web#id=${id}&model=document.page&view_type=form`;
      links.set(f.id, { title: f.name, href });
    }
  }
  return links;
}
