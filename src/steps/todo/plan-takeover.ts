/**
 * Goal "takeover": customizations that live in a database (Studio, manual fields) become
 * maintained code. Per module: review the generated code, install it on a copy, check the data,
 * switch production over, and clean up what the module replaces.
 */
import { drafts, inlineText, type TaskDraft } from './draft.js';
import type { EstimateModel } from './estimate.js';
import type { ModuleWork } from './module-work.js';
import { assetSize, featureBuild } from './size.js';
import { sumWork } from './three-point.js';

export function planTakeover(w: ModuleWork, model: EstimateModel): TaskDraft[] {
  const t = model.takeover;
  const build = w.features.reduce((s, f) => {
    const criteria = f.stories.reduce((n, st) => n + st.acceptance.length, 0);
    const assets = f.kind === 'ui' && w.facts ? assetSize(w.facts) : undefined;
    return s + featureBuild({ kind: f.kind, metrics: f.metrics, stories: f.stories.length, criteria, assets }, model).likely;
  }, 0);
  const models = w.facts?.models ?? [];
  const fields = models.reduce((s, [, n]) => s + n, 0);
  const views = w.facts?.views ?? 0;
  const manifest = w.facts ? [`${w.facts.manifest.file}:${w.facts.manifest.line}`] : [];
  const buildText = `${Math.round(build * 10) / 10} h to build it`;
  const first = w.features[0]?.milestone;
  const at = { module: w.module, milestone: first, evidence: manifest };
  return [
    ...drafts(
      {
        ...at,
        id: `${w.module}.takeover.review`,
        title: `Review the code of ${w.title} against the customizations it replaces`,
        work: { likely: t.review_base + t.review_factor * build, how: `${t.review_base} base + ${t.review_factor} × ${buildText}`, widen: 0 },
        checklist: w.features.map((f) => `${inlineText(f.title)} matches what the database does today`),
        checklistTitle: 'Checklist',
      },
      model,
    ),
    ...drafts(
      {
        ...at,
        id: `${w.module}.takeover.install`,
        title: `Install ${w.title} on a copy of the production database`,
        work: { likely: t.install_base + t.install_factor * build, how: `${t.install_base} base + ${t.install_factor} × ${buildText}`, widen: 0 },
        checklist: [
          'A fresh copy of production, with its filestore',
          'The module installs without errors or warnings in the log',
          'The customized models and fields are taken over, not duplicated',
        ],
        checklistTitle: 'Checklist',
      },
      model,
    ),
    ...drafts(
      {
        ...at,
        id: `${w.module}.takeover.data-check`,
        title: `Check the data of ${w.title} on the copy`,
        work: sumWork(0, '', [
          { count: models.length, name: 'models', rate: t.data_check_model },
          { count: fields, name: 'fields', rate: t.data_check_field },
        ], model),
        checklist: models.map(([m, n]) => `\`${m}\`: record count${n ? ` and the values of its ${n} fields` : ''} match production`),
        checklistTitle: 'Checklist',
      },
      model,
    ),
    ...drafts(
      {
        ...at,
        id: `${w.module}.takeover.switch`,
        title: `Switch production over to ${w.title}`,
        work: sumWork(t.switch_base, 'base (backup, window, install, verify)', [{ count: models.length, name: 'models', rate: t.switch_model }], model),
        checklist: ['Backup taken and restore tested', 'Users told about the maintenance window', 'Installed in production; the data check repeated on the models above', 'Rollback plan ready'],
        checklistTitle: 'Checklist',
      },
      model,
    ),
    ...drafts(
      {
        ...at,
        id: `${w.module}.takeover.cleanup`,
        title: `Clean up what ${w.title} replaces`,
        work: sumWork(t.cleanup_base, 'base', [{ count: views + fields, name: 'views and fields', rate: t.cleanup_item }], model),
        checklist: [
          'Studio views ("Odoo Studio: ... customization") the module now provides are removed',
          'Manual fields and automated actions it replaces are removed or archived',
          'No record points at studio_customization for what the module owns',
        ],
        checklistTitle: 'Checklist',
      },
      model,
    ),
  ];
}
