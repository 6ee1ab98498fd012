import { ARTIFACTS } from '../types.js';

/**
 * The task plan sync reads: `[sync] plan_file` when it is set, ToDo.md otherwise. One answer for
 * the engine, the runner's order check and the staleness inputs. Invalid values are refused by
 * readSyncConfig; here they fall back to ToDo.md so nothing reads a path that is not a string.
 */
export function planFileOf(sections: Readonly<Record<string, unknown>>): string {
  const sync = sections.sync as { plan_file?: unknown } | undefined;
  return typeof sync?.plan_file === 'string' && sync.plan_file.length > 0 ? sync.plan_file : ARTIFACTS.todo;
}
