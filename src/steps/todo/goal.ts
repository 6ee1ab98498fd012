/**
 * The project goal from the [todo] table of odoo-project-sync.toml: what the ToDo plans for.
 * Without one, it follows the source: a database means taking over its customizations, source
 * code means implementing the features.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import type { SourceKind } from '../types.js';
import { GOALS, type Goal } from './model.js';
import { majorOf } from './upgrade-rules.js';

const version = z.union([z.string(), z.number()], { error: 'must be an Odoo version such as "18.0"' });

const TodoSchema = z.strictObject({
  goal: z.enum(GOALS, { error: `must be one of ${GOALS.map((g) => `"${g}"`).join(', ')}` }).optional(),
  target: version.optional(),
  from: version.optional(),
});

export interface GoalConfig {
  goal: Goal;
  /** Upgrade: the target major version. */
  target?: number;
  /** Upgrade: the version the modules are on when their manifests do not say. */
  from?: number;
  /** True when [todo] goal is not set and the source decided. */
  defaulted: boolean;
}

const where = (key: string) => ({ file: 'odoo-project-sync.toml', field: `todo.${key}` });

export function readGoal(section: unknown, source: SourceKind): Result<GoalConfig> {
  const r = TodoSchema.safeParse(section ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.map(String).join('.');
    return err(
      new UserError('config', `[todo] ${key ? `${key}: ` : ''}${issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message}`, {
        where: where(key || 'goal'),
        hint: issue.code === 'unrecognized_keys' ? 'the keys of [todo] are: goal, target, from' : 'e.g. goal = "upgrade" and target = "18.0"',
      }),
    );
  }
  const goal = r.data.goal ?? (source === 'database' ? 'takeover' : 'implement');
  const read = (key: 'target' | 'from'): Result<number | undefined> => {
    const v = r.data[key];
    if (v === undefined) return ok(undefined);
    const major = majorOf(String(v));
    return major === undefined
      ? err(new UserError('config', `[todo] ${key}: "${v}" is not an Odoo version`, { where: where(key), hint: 'write the major version, e.g. "18.0"' }))
      : ok(major);
  };
  const target = read('target');
  if (!target.ok) return target;
  const from = read('from');
  if (!from.ok) return from;
  if (goal === 'upgrade' && target.value === undefined) {
    return err(new UserError('config', '[todo] goal "upgrade" needs a target version', { where: where('target'), hint: 'add target = "18.0" (the version to upgrade to) under [todo]' }));
  }
  if (goal === 'upgrade' && from.value !== undefined && target.value !== undefined && from.value >= target.value) {
    return err(new UserError('config', `[todo] from ${from.value}.0 is not below target ${target.value}.0`, { where: where('from'), hint: 'from is the version the modules are on now' }));
  }
  return ok({ goal, target: target.value, from: from.value, defaulted: r.data.goal === undefined });
}

export function goalText(g: GoalConfig): string {
  switch (g.goal) {
    case 'implement':
      return 'implement: build the features for a customer, one task per user story';
    case 'takeover':
      return 'takeover: turn the database customizations into maintained modules (review, install on a copy, data check, switch-over, clean-up)';
    case 'upgrade':
      return `upgrade to ${g.target}.0: the version changes that hit this code, with the lines to change`;
  }
}
