/**
 * Goal "implement": build the features for a customer. Per module: set-up, one task per user
 * story (its acceptance criteria as the checklist), the web assets, the Python outside models,
 * automated tests, and acceptance with deployment.
 */
import { drafts, evidenceLink, inlineText, type TaskDraft } from './draft.js';
import type { EstimateModel } from './estimate.js';
import type { ModuleWork } from './module-work.js';
import { assetSize, featureBuild, moduleAcceptance, moduleSetup, moduleTests, otherPython, webAssets } from './size.js';

/** Criteria may name their evidence ("... (models/x.py:12)"): those become links. */
export function criterionItem(text: string, moduleDir?: string): string {
  const refs: string[] = [];
  const plain = text.replace(/\s*\(?`?([\w./-]+\.(?:py|xml|js|scss|csv)):(\d+)`?\)?/g, (_, f: string, l: string) => {
    refs.push(`${f}:${l}`);
    return '';
  });
  const links = refs.map((r) => evidenceLink(r, moduleDir)).join(', ');
  return `${inlineText(plain)}${links ? ` (${links})` : ''}`;
}

export function planImplement(w: ModuleWork, model: EstimateModel): TaskDraft[] {
  const out: TaskDraft[] = [];
  const a = w.facts;
  const first = w.features[0];
  if (a) {
    out.push(
      ...drafts(
        {
          id: `${w.module}.setup`,
          module: w.module,
          title: `Set up ${w.title}: ${['manifest and install', ...(w.kinds.has('security') ? [] : ['security groups and access rights']), ...(w.kinds.has('app') ? [] : ['menus'])].join(', ')}`,
          work: moduleSetup(a, model, { security: w.kinds.has('security'), menus: w.kinds.has('app') }),
          checklist: [
            `Manifest with its ${w.depends.length} dependencies (${w.depends.map(inlineText).join(', ') || 'none'}) installs on a fresh database`,
            ...(a.groups && !w.kinds.has('security') ? [`${a.groups} security groups with their implied groups`] : []),
            ...(a.access && !w.kinds.has('security') ? [`${a.access} access rules`] : []),
            ...(a.rules && !w.kinds.has('security') ? [`${a.rules} record rules`] : []),
            ...(a.menus && !w.kinds.has('app') ? [`${a.menus} menus`] : []),
          ],
          checklistTitle: 'Checklist',
          evidence: [`${a.manifest.file}:${a.manifest.line}`],
          milestone: first?.milestone,
        },
        model,
      ),
    );
  }
  let build = 0;
  for (const f of w.features) {
    const criteria = f.stories.reduce((s, st) => s + st.acceptance.length, 0);
    const assets = f.kind === 'ui' && a ? assetSize(a) : undefined;
    const work = featureBuild({ kind: f.kind, metrics: f.metrics, stories: f.stories.length, criteria, assets }, model);
    build += work.likely;
    const common = { module: w.module, featureId: f.id, work, evidence: f.evidence, defaultOwner: f.owner, milestone: f.milestone };
    if (f.stories.length === 0) {
      out.push(...drafts({ ...common, id: `${f.id}.build`, title: `Build ${f.title}` }, model));
      continue;
    }
    // Each story carries a share of the feature's work: one part for the story, one per criterion.
    // A model's first story (record and follow it in its views) also carries its fields and views:
    // "look up Stages", an access right, is not half the work of maintenance.stage.
    const structure = f.kind === 'model' ? f.metrics.fields ** 0.8 + f.metrics.views ** 0.8 : 0;
    const weight = (n: number, i: number) => 1 + n + (i === 0 ? structure : 0);
    const total = f.stories.reduce((s, st, i) => s + weight(st.acceptance.length, i), 0);
    f.stories.forEach((st, i) => {
      const title = f.stories.length === 1 ? f.title : `${f.title}: story ${i + 1} of ${f.stories.length}`;
      out.push(
        ...drafts(
          {
            ...common,
            id: `${f.id}.s${i + 1}`,
            title: `Build ${title}`,
            share: weight(st.acceptance.length, i) / total,
            story: st.text,
            checklist: st.acceptance.map((c) => criterionItem(c, a?.dir)),
            checklistTitle: 'Acceptance criteria',
          },
          model,
        ),
      );
    });
  }
  if (a) {
    // A map of an older version has no web client feature: the module's assets get a task of their own.
    const assets = w.kinds.has('ui') ? undefined : webAssets(a, model);
    if (assets) {
      build += assets.likely;
      out.push(
        ...drafts(
          {
            id: `${w.module}.assets`,
            module: w.module,
            title: `Build the web assets of ${w.title} (${assetSize(a).js} lines of JS, ${assetSize(a).scss} of SCSS, ${assetSize(a).qweb} QWeb template files)`,
            work: assets,
            checklist: ['The asset bundles load without errors in the browser console', 'Each patched or new component works in the views that use it'],
            checklistTitle: 'Checklist',
            evidence: [`${a.manifest.file}:${a.manifest.line}`],
            milestone: first?.milestone,
          },
          model,
        ),
      );
    }
    const lines = a.otherPython;
    if (lines >= 60) {
      const work = otherPython(lines, model);
      build += work.likely;
      out.push(
        ...drafts(
          {
            id: `${w.module}.python`,
            module: w.module,
            title: `Build the hooks and helpers of ${w.title} (${lines} lines of Python outside models and controllers)`,
            work,
            checklist: ['Install and uninstall hooks run on a copy of the database', 'Helpers are covered by the tests of the features that call them'],
            checklistTitle: 'Checklist',
            milestone: first?.milestone,
          },
          model,
        ),
      );
    }
  }
  const last = w.features.at(-1)?.milestone;
  out.push(
    ...drafts({ id: `${w.module}.tests`, module: w.module, title: `Automated tests for ${w.title}`, work: moduleTests(build, model), milestone: last }, model),
    ...drafts(
      {
        id: `${w.module}.acceptance`,
        module: w.module,
        title: `Acceptance with the customer and deployment of ${w.title}`,
        work: moduleAcceptance(build, model),
        checklist: ['Every story above demonstrated to its users on a staging copy', 'Deployed to production; smoke test passed'],
        checklistTitle: 'Checklist',
        milestone: last,
      },
      model,
    ),
  );
  return out;
}
