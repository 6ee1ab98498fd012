/**
 * Goal "upgrade": the version changes that hit the code a module really has, each task with the
 * file:line of every line to change. Per module: port the manifest and install on the target,
 * one task per change found (split by file order at the cap), then test the features there.
 */
import type { LineHit } from '../../analysis/line-scan.js';
import { drafts, evidenceLink, inlineText, type TaskDraft } from './draft.js';
import type { EstimateModel } from './estimate.js';
import type { ModuleWork } from './module-work.js';
import { sumWork } from './three-point.js';
import { moduleMajor, rulesFor, UPGRADE_RULES, type UpgradeRule } from './upgrade-rules.js';

export interface UpgradeTarget {
  target: number;
  /** [todo] from: the version the modules are on, when their manifests do not say. */
  from?: number;
}

/** The rules to look for in a module: above its version (manifest, else [todo] from), up to the target. */
export function moduleRules(w: ModuleWork, goal: UpgradeTarget): UpgradeRule[] {
  const from = moduleMajor(w.facts?.manifest.version) ?? goal.from;
  return rulesFor(from, goal.target, w.depends);
}

const quote = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** The line as it is, and as it should read when the change is mechanical. */
function lineItem(h: LineHit, rule: UpgradeRule, dir: string | undefined): string {
  const to = rule.rewrite?.(h.text);
  const change = to === undefined || to === h.text ? '' : to === '' ? ' → delete the line' : ` → ${quote(to)}`;
  return `${evidenceLink(`${h.file}:${h.line}`, dir)}: ${quote(h.text)}${change}`;
}

export function planUpgrade(w: ModuleWork, goal: UpgradeTarget, hits: readonly LineHit[], model: EstimateModel): TaskDraft[] {
  const u = model.upgrade;
  const from = moduleMajor(w.facts?.manifest.version) ?? goal.from;
  const dir = w.facts?.dir;
  const manifest = w.facts ? [`${w.facts.manifest.file}:${w.facts.manifest.line}`] : [];
  const first = w.features[0]?.milestone;
  const out: TaskDraft[] = [];
  const size = (w.facts?.python ?? 0) + (w.facts?.xml ?? 0);
  out.push(
    ...drafts(
      {
        id: `${w.module}.upgrade.port`,
        module: w.module,
        title: `Port ${w.title} to ${goal.target}.0: manifest, dependencies, install`,
        work: { likely: u.port_base + u.port_factor * Math.sqrt(size), how: `${u.port_base} base + ${u.port_factor} × √${size} lines of Python and XML`, widen: 0 },
        checklist: [
          `Manifest version starts with ${goal.target}.0${from ? ` (was ${from}.0)` : ''}`,
          `Every dependency exists in ${goal.target}.0 (renamed or merged modules replaced)`,
          `Installs on an empty ${goal.target}.0 database without errors or deprecation warnings`,
        ],
        checklistTitle: 'Checklist',
        evidence: manifest,
        milestone: first,
        note: from ? undefined : `The manifest does not say which version the module is on: every change up to ${goal.target}.0 was looked for.`,
      },
      model,
    ),
  );
  for (const rule of UPGRADE_RULES) {
    const found = hits.filter((h) => h.id === rule.id);
    if (found.length === 0) continue;
    const rate = rule.effort === 'rewrite' ? u.rewrite : u.edit;
    const files = new Set(found.map((h) => h.file)).size;
    out.push(
      ...drafts(
        {
          id: `${w.module}.upgrade.${rule.id}`,
          module: w.module,
          // The version goes last: a heading that starts with "18.0" reads as a task number.
          title: `${rule.title} in ${rule.version}.0 (${found.length} line${found.length > 1 ? 's' : ''} in ${files} file${files > 1 ? 's' : ''})`,
          work: sumWork(u.change_base, 'base', [{ count: found.length, name: `lines to ${rule.effort}`, rate }], model),
          checklist: found.map((h) => lineItem(h, rule, dir)),
          checklistTitle: 'Lines to change',
          evidence: found.map((h) => `${h.file}:${h.line}`),
          note: `What to do: ${inlineText(rule.fix)}.`,
          milestone: first,
        },
        model,
      ),
    );
  }
  out.push(
    ...drafts(
      {
        id: `${w.module}.upgrade.test`,
        module: w.module,
        title: `Test ${w.title} on ${goal.target}.0 with a migrated copy of the data`,
        work: sumWork(u.test_base, 'base (migrated copy, run the tests)', [{ count: w.features.length, name: 'features', rate: u.test_feature }], model),
        checklist: w.features.map((f) => `${inlineText(f.title)} works as before`),
        checklistTitle: 'Checklist',
        milestone: w.features.at(-1)?.milestone,
      },
      model,
    ),
  );
  return out;
}
