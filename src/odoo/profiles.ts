import type { TaskStatusKind, VersionProfile } from './types.js';

type StateValues = Readonly<Record<TaskStatusKind, string | undefined>>;

/** <=16: kanban_state is a traffic light next to the stage; "done" and "cancelled" are stages. */
const KANBAN_STATES: StateValues = {
  pending: 'normal',
  in_progress: 'normal',
  review: 'normal',
  blocked: 'blocked',
  approved: 'done',
  changes_requested: undefined,
  done: undefined,
  cancelled: undefined,
};

/** 17+: a required task `state` (recorded from 17.0 and 19.0 fields_get). */
const TASK_STATES: StateValues = {
  pending: '01_in_progress',
  in_progress: '01_in_progress',
  // Work finished, waiting for a reviewer: still open from the task's side; the stage says "In Review".
  review: '01_in_progress',
  blocked: '04_waiting_normal',
  changes_requested: '02_changes_requested',
  approved: '03_approved',
  done: '1_done',
  cancelled: '1_canceled',
};

/**
 * The one table of everything that differs across Odoo versions (ODOO.md, "Fields that differ
 * by version"). Versions before 16 get the 16 shape without milestones; versions after 19 get 19's.
 */
export function profileFor(major: number): VersionProfile {
  if (!Number.isInteger(major) || major < 1) throw new Error(`profileFor: not an Odoo major version: ${major}`);
  const v17 = major >= 17;
  const v18 = major >= 18;
  const v19 = major >= 19;
  return Object.freeze({
    major,
    series: `${major}.0`,
    taskHoursField: v17 ? 'allocated_hours' : 'planned_hours',
    taskStateField: v17 ? 'state' : 'kanban_state',
    taskStateValues: v17 ? TASK_STATES : KANBAN_STATES,
    listViewType: v18 ? 'list' : 'tree',
    userGroupsField: v19 ? 'group_ids' : 'groups_id',
    groupCategoryField: v19 ? 'privilege_id' : 'category_id',
    automationActionField: v17 ? 'action_server_ids' : 'action_server_id',
    taskPriorityKeys: v19 ? ['0', '1', '2', '3'] : ['0', '1'],
    hasMilestones: major >= 16,
    viewAttrsAllowed: !v17,
    hasJson2: v19,
    projectAnalyticField: v18 ? 'account_id' : 'analytic_account_id',
    taskDeadlineType: v17 ? 'datetime' : 'date',
    accessCheck: v18 ? 'has_access' : 'check_access_rights',
    filterUsersField: v19 ? 'user_ids' : 'user_id',
    cronHasNumbercall: !v18,
    mailTemplateReportField: v17 ? 'report_template_ids' : 'report_template',
  } satisfies VersionProfile);
}

/** Maps a task priority key of one version to the nearest key of another ("1" = high on <=18 is "2" on 19). */
export function convertPriority(key: string, from: VersionProfile, to: VersionProfile): string {
  if (from.taskPriorityKeys.length === to.taskPriorityKeys.length) return key;
  const fromIdx = from.taskPriorityKeys.indexOf(key);
  if (fromIdx < 0) return to.taskPriorityKeys[0] ?? '0';
  if (from.taskPriorityKeys.length < to.taskPriorityKeys.length) {
    // Two-level high ("1") is the four-level "2" (High), not "1" (Medium).
    return fromIdx === 0 ? '0' : (to.taskPriorityKeys[2] ?? key);
  }
  // Four-level down to two-level: Medium and above count as high.
  return fromIdx === 0 ? '0' : (to.taskPriorityKeys[1] ?? key);
}

/** Parses "17.0", "saas~18.3", "19.0+e" into the major series number. */
export function majorOf(serverVersion: string, info?: readonly (number | string)[]): number | undefined {
  const first = info?.[0];
  if (typeof first === 'number' && first > 0) return first;
  if (typeof first === 'string') {
    const m = /(\d+)/.exec(first);
    if (m) return Number(m[1]);
  }
  const m = /(\d+)(?:\.\d+)?/.exec(serverVersion);
  return m ? Number(m[1]) : undefined;
}
