/**
 * Task descriptions and articles as HTML. Markdown from the plan or the feature map is data: raw
 * HTML in it is escaped (never passed through), then `marked` renders the Markdown.
 */
import { Marked, type Tokens } from 'marked';
import type { Feature } from './feature-map.js';
import type { PlanTask } from './parse/types.js';
import { STATUS_LABEL } from './parse/types.js';

const md = new Marked({ gfm: true, async: false });
const SAFE_HREF = /^(https?:|mailto:|\/|#|\.{0,2}\/?[\w-])/i;
md.use({
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // Links keep their text; only web, mail and relative targets keep their href.
    link({ href, text }) {
      return SAFE_HREF.test(href) && !/^\s*(javascript|data|vbscript):/i.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
    },
    image: ({ text }) => escapeHtml(text),
    // A GFM task list becomes an Odoo checklist (the editor's own markup): ticking it in Odoo works.
    list(token: Tokens.List) {
      if (!token.items.every((i) => i.task)) return false;
      const items = token.items.map((i) => {
        const body = this.parser.parse(i.tokens.filter((t) => t.type !== 'checkbox')).trim();
        return `<li${i.checked ? ' class="o_checked"' : ''}>${body}</li>`;
      });
      return `<ul class="o_checklist">${items.join('')}</ul>\n`;
    },
  },
});

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markdown (untrusted) -> HTML with every raw tag escaped. */
export function markdownToHtml(text: string): string {
  return (md.parse(text) as string).trim();
}

function inline(text: string): string {
  return (md.parseInline(text) as string).trim();
}

export interface ArticleLink {
  title: string;
  /** A link in Odoo, or a workspace file when no article app is installed. */
  href?: string;
  file?: string;
}

export function taskDescription(task: PlanTask, feature: Feature | undefined, article: ArticleLink | undefined): string {
  const parts: string[] = [];
  const facts: string[] = [`<li>Status in plan: ${escapeHtml(STATUS_LABEL[task.status])}</li>`];
  if (task.estimate !== undefined) facts.push(`<li>Estimate: ${task.estimate} h</li>`);
  if (task.complexity) facts.push(`<li>Complexity: ${escapeHtml(task.complexity)}</li>`);
  if (task.owner) facts.push(`<li>Owner in plan: ${escapeHtml(task.owner)}</li>`);
  facts.push(`<li>Plan id: <code>${escapeHtml(task.id)}</code></li>`);
  parts.push(`<ul>${facts.join('')}</ul>`);
  if (task.evidence) parts.push(`<p><strong>Evidence:</strong> ${inline(task.evidence)}</p>`);
  if (task.description) parts.push(markdownToHtml(task.description));
  // The plan's own text wins: a ToDo task that states its story and checklist is not given every
  // story of its feature again.
  if (feature && feature.stories.length > 0 && !task.description) {
    parts.push(`<h3>User stories: ${escapeHtml(feature.name)}</h3>`);
    for (const s of feature.stories) {
      parts.push(`<p>${inline(s.title)}</p>`);
      if (s.acceptance.length > 0) {
        parts.push(`<p><em>Acceptance criteria</em></p><ul>${s.acceptance.map((a) => `<li>${inline(a)}</li>`).join('')}</ul>`);
      }
    }
  }
  if (article?.href) parts.push(`<p>Feature article: <a href="${escapeHtml(article.href)}">${escapeHtml(article.title)}</a></p>`);
  else if (article?.file) parts.push(`<p>Feature article: ${escapeHtml(article.title)} (<code>${escapeHtml(article.file)}</code> in the project workspace)</p>`);
  return parts.join('\n');
}

export function featureArticleMarkdown(f: Feature, tasks: readonly PlanTask[]): string {
  const lines = [`# ${f.name}`, ''];
  if (f.summary) lines.push(f.summary, '');
  for (const s of f.stories) {
    lines.push(`## ${s.title}`, '');
    for (const a of s.acceptance) lines.push(`- ${a}`);
    if (s.acceptance.length > 0) lines.push('');
  }
  if (tasks.length > 0) {
    lines.push('## Tasks', '');
    for (const t of tasks) lines.push(`- ${t.id} ${t.title} (${STATUS_LABEL[t.status]})`);
    lines.push('');
  }
  return lines.join('\n');
}
