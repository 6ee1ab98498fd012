/**
 * The estimate model: what one unit of work costs (likely hours), how counts are damped, how
 * wide the three-point range is and the largest task. Read from the [estimate] table of
 * odoo-project-sync.toml (and its [estimate.takeover] / [estimate.upgrade] tables).
 */
import { z } from 'zod';
import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';

const hours = z.number({ error: 'must be a number of hours' }).min(0, 'cannot be negative').max(1000, 'looks too large (hours)');
const ratio = z.number({ error: 'must be a number' }).min(0, 'cannot be negative').max(10, 'looks too large');

const TakeoverSchema = z.strictObject({
  review_base: hours.default(1),
  review_factor: ratio.default(0.12),
  install_base: hours.default(1.5),
  install_factor: ratio.default(0.04),
  data_check_model: hours.default(0.75),
  data_check_field: hours.default(0.05),
  switch_base: hours.default(2),
  switch_model: hours.default(0.25),
  cleanup_base: hours.default(1),
  cleanup_item: hours.default(0.1),
});

const UpgradeSchema = z.strictObject({
  edit: hours.default(0.1),
  rewrite: hours.default(0.3),
  change_base: hours.default(0.5),
  port_base: hours.default(1.5),
  port_factor: ratio.default(0.03),
  test_base: hours.default(1.5),
  test_feature: hours.default(0.25),
});

export const EstimateSchema = z.strictObject({
  feature_base: hours.default(0.5),
  story: hours.default(0.25),
  criterion: hours.default(0.15),
  field: hours.default(0.2),
  view: hours.default(0.5),
  xpath: hours.default(0.25),
  report: hours.default(2),
  python_line: hours.default(0.05),
  method: hours.default(0.05),
  dependency: hours.default(0.1),
  js_line: hours.default(0.04),
  scss_line: hours.default(0.012),
  qweb_file: hours.default(0.5),
  setup_base: hours.default(1),
  access_rule: hours.default(0.1),
  group: hours.default(0.5),
  menu: hours.default(0.1),
  scale: z.number({ error: 'must be a number' }).min(0.3, 'below 0.3 flattens every size').max(1, 'above 1 grows faster than linear').default(0.8),
  code_scale: z.number({ error: 'must be a number' }).min(0.3, 'below 0.3 flattens every size').max(1, 'above 1 grows faster than linear').default(0.95),
  complexity_weight: ratio.default(0.1),
  complexity_cap: z.number({ error: 'must be a number' }).min(1, 'must be at least 1').max(3, 'looks too large').default(1.3),
  test_factor: ratio.default(0.15),
  acceptance_base: hours.default(1.5),
  acceptance_factor: ratio.default(0.05),
  optimistic: z.number({ error: 'must be a number' }).positive('must be above 0').max(1, 'must be at most 1 (a share of likely)').default(0.7),
  pessimistic: z.number({ error: 'must be a number' }).min(1, 'must be at least 1 (a multiple of likely)').max(5, 'looks too large').default(1.8),
  task_cap: z.number({ error: 'must be a number of hours' }).min(2, 'must be at least 2 hours').max(200, 'looks too large').default(16),
  minimum: hours.default(0.5),
  round_to: z.number({ error: 'must be a number of hours' }).positive('must be above 0').max(8).default(0.5),
  takeover: TakeoverSchema.default(TakeoverSchema.parse({})),
  upgrade: UpgradeSchema.default(UpgradeSchema.parse({})),
});

export type EstimateModel = z.infer<typeof EstimateSchema>;
export const DEFAULT_ESTIMATE: EstimateModel = EstimateSchema.parse({});

/** Keys an older version wrote into [estimate]: ignored with a warning, never an error. */
const LEGACY = ['base', 'loc', 'complexity_multiplier', 'migrate_factor', 'doc_factor'];

export { DEFAULT_ESTIMATE_TOML } from './estimate-toml.js';

/** Reads config.sections.estimate; errors name the key in odoo-project-sync.toml. */
export function readEstimateModel(section: unknown): Result<{ model: EstimateModel; warnings: string[] }> {
  if (section === undefined) return ok({ model: DEFAULT_ESTIMATE, warnings: [] });
  const warnings: string[] = [];
  let input = section;
  if (section && typeof section === 'object' && !Array.isArray(section)) {
    const legacy = Object.keys(section).filter((k) => LEGACY.includes(k));
    if (legacy.length) {
      warnings.push(
        `odoo-project-sync.toml [estimate]: ${legacy.join(', ')} ${legacy.length > 1 ? 'are' : 'is'} no longer used (the model is three-point now): ` +
          'delete them; see the [estimate] table a new workspace gets',
      );
      input = Object.fromEntries(Object.entries(section).filter(([k]) => !LEGACY.includes(k)));
    }
  }
  const r = EstimateSchema.safeParse(input);
  if (r.success) return ok({ model: r.data, warnings });
  const issue = r.error.issues[0];
  const unknown = issue.code === 'unrecognized_keys';
  const path = [...issue.path.map(String), ...(unknown ? [issue.keys[0]] : [])];
  const key = path.join('.');
  const table = path.length > 1 ? `estimate.${path[0]}` : 'estimate';
  const known = Object.keys(path.length > 1 ? (DEFAULT_ESTIMATE[path[0] as 'takeover' | 'upgrade'] ?? {}) : DEFAULT_ESTIMATE).join(', ');
  return err(
    new UserError('config', key ? `[${table}] ${path.at(-1)}: ${unknown ? 'unknown key' : issue.message}` : `[estimate] ${issue.message}`, {
      where: { file: 'odoo-project-sync.toml', field: key ? `estimate.${key}` : 'estimate' },
      hint: unknown ? `the keys of [${table}] are: ${known}` : 'fix the value in odoo-project-sync.toml, or delete the key to use the default',
    }),
  );
}

export const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);
export const hoursText = (h: number): string => `${fmt(h)} h`;
