import { accessError, type AccessOperation } from './faults.js';

/**
 * Access rights of the emulator's users. Admin may do everything. The "no project" user is an
 * internal user (base.group_user) without project rights, as in the recordings: every project.*
 * model is closed to it, and technical ir.* models are read-only.
 */
export type UserRole = 'admin' | 'no-project' | 'user';

function groupsFor(model: string, op: AccessOperation): string[] | undefined {
  if (model.startsWith('project.')) {
    if (op === 'read') return ['Project/User'];
    return model === 'project.project' || model === 'project.task.type' ? ['Project/Administrator'] : ['Project/User'];
  }
  if (model.startsWith('ir.') || model === 'base.automation' || model === 'res.users') {
    return op === 'read' ? undefined : ['Administration/Settings'];
  }
  return undefined;
}

/** Throws the recorded AccessError when `role` may not do `op` on `model`. */
export function checkAccess(role: UserRole, model: string, op: AccessOperation, label: string): void {
  if (role !== 'no-project') return;
  const groups = groupsFor(model, op);
  if (groups) throw accessError(op, label, model, groups);
}

/** check_access_rights / has_access without raising. */
export function hasAccess(role: UserRole, model: string, op: AccessOperation): boolean {
  return role !== 'no-project' || groupsFor(model, op) === undefined;
}
