/**
 * The estimate model: hours per unit of work found in the sources, read from the [estimate]
 * table of odoo-project-sync.toml. Every estimate comes with the sum that produced it.
 */
import { z } from 'zod';
import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { assertNever } from '../../core/assert-never.js';
import type { FeatureMetrics } from '../feature-map/types.js';

const hours = z.number({ error: 'must be a number of hours' }).min(0, 'cannot be negative').max(1000, 'looks too large (hours)');
const ratio = z.number({ error: 'must be a number' }).min(0, 'cannot be negative').max(10, 'looks too large');

export const EstimateSchema = z.strictObject({
  base: hours.default(1),
  field: hours.default(0.25),
  view: hours.default(0.75),
  xpath: hours.default(0.25),
  report: hours.default(2),
  loc: hours.default(0.02),
  method: hours.default(0.5),
  dependency: hours.default(0.25),
  complexity_multiplier: ratio.default(0.05),
  migrate_factor: ratio.default(0.6),
  test_factor: ratio.default(0.4),
  doc_factor: ratio.default(0.15),
  minimum: hours.default(0.5),
  round_to: z.number({ error: 'must be a number of hours' }).positive('must be above 0').max(8).default(0.5),
});

export type EstimateModel = z.infer<typeof EstimateSchema>;
export const DEFAULT_ESTIMATE: EstimateModel = EstimateSchema.parse({});

export { DEFAULT_ESTIMATE_TOML } from './estimate-toml.js';

/** Reads config.sections.estimate; errors name the key in odoo-project-sync.toml. */
export function readEstimateModel(section: unknown): Result<EstimateModel> {
  if (section === undefined) return ok(DEFAULT_ESTIMATE);
  const r = EstimateSchema.safeParse(section);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  const key =
    issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.length ? issue.path.map(String).join('.') : undefined;
  const known = Object.keys(DEFAULT_ESTIMATE).join(', ');
  return err(
    new UserError('config', key ? `[estimate] ${key}: ${issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message}` : `[estimate] ${issue.message}`, {
      where: { file: 'odoo-project-sync.toml', field: key ? `estimate.${key}` : 'estimate' },
      hint: issue.code === 'unrecognized_keys' ? `the keys are: ${known}` : 'fix the value in odoo-project-sync.toml, or delete the key to use the default',
    }),
  );
}

export type WorkKind = 'build' | 'migrate' | 'test' | 'doc';

export interface Estimate {
  hours: number;
  /** How it was computed, e.g. "1 base + 13 fields × 0.25 + ... = 9.3 h × 1.35 (CC) = 12.6 → 13.0 h". */
  explain: string;
}

export const fmt = (n: number): string => String(Math.round(n * 100) / 100);
export const hoursText = (h: number): string => `${h.toFixed(1)} h`;

/** Hours to build a feature, unrounded, with the sum that produced it. */
export function buildWork(m: FeatureMetrics, model: EstimateModel): { hours: number; explain: string } {
  const terms: [number, string, number][] = [
    [m.fields, 'fields', model.field],
    [m.views, 'views', model.view],
    [m.xpaths, 'xpaths', model.xpath],
    [m.reports, 'reports', model.report],
    [m.loc, 'LOC', model.loc],
    [m.methods, 'methods', model.method],
    [m.dependencies, 'deps', model.dependency],
  ];
  const used = terms.filter(([n]) => n > 0);
  const work = model.base + used.reduce((s, [n, , h]) => s + n * h, 0);
  const extra = Math.max(0, m.complexity - m.methods);
  const factor = 1 + model.complexity_multiplier * extra;
  const sum = [`${fmt(model.base)} base`, ...used.map(([n, name, h]) => `${n} ${name} × ${fmt(h)}`)].join(' + ');
  const cc = extra > 0 ? ` = ${fmt(work)} h × ${fmt(factor)} (CC ${m.complexity}: ${extra} extra decision points × ${fmt(model.complexity_multiplier)})` : '';
  return { hours: work * factor, explain: `${sum}${cc}` };
}

const roundUp = (h: number, model: EstimateModel) => Math.max(model.minimum, Math.ceil(h / model.round_to - 1e-9) * model.round_to);

export function estimate(kind: WorkKind, m: FeatureMetrics, model: EstimateModel): Estimate {
  const build = buildWork(m, model);
  const done = (raw: number, how: string): Estimate => {
    const hours = roundUp(raw, model);
    return { hours, explain: `${how} = ${fmt(raw)} h → ${hoursText(hours)}` };
  };
  switch (kind) {
    case 'build':
      return done(build.hours, build.explain);
    case 'migrate':
      return done(build.hours * model.migrate_factor, `(${build.explain}) × ${fmt(model.migrate_factor)} migrate factor`);
    case 'test':
      return done(build.hours * model.test_factor, `build ${fmt(build.hours)} h × ${fmt(model.test_factor)} test factor`);
    case 'doc':
      return done(build.hours * model.doc_factor, `build ${fmt(build.hours)} h × ${fmt(model.doc_factor)} doc factor`);
    default:
      return assertNever(kind);
  }
}
