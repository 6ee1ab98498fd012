/** The sync run: connect, read, plan, ask, apply, record. I/O only through the step's ports. */
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import type { OdooClient } from '../../odoo/types.js';
import { ARTIFACTS, type StepContext, type StepOutcome } from '../types.js';
import { applyPlan } from './apply.js';
import { checkNamespace, defaultNamespace } from './config.js';
import { CONFIG_FILE } from '../types.js';
import { buildDesired, type ArticleTarget, type DesiredInput, type DesiredRecord } from './desired.js';
import type { SyncInputs } from './inputs.js';
import { allTasks } from './parse/types.js';
import { changeCount } from './plan-types.js';
import { idMapOf, planSync } from './plan.js';
import { knownOwners, matchOwners, readExisting, readOwnXmlids, readRecordedWriteDates, taskFields } from './read-existing.js';
import { renderPlan } from './render-plan.js';
import { renderReview, renderWarnings } from './render-review.js';
import { buildReview } from './review.js';
import { xmlidOf } from './records.js';
import type { TaskPlan } from './parse/types.js';
import { loadStateFile, previousNamespace, readState, writeState } from './state.js';
import { describeOutcome, outcomeOf, recordUnchanged, resolveConflicts } from './run-helpers.js';
import { digestOfXmlids, keepUnchanged, VERSION, type Prefetched } from './unchanged.js';
import { createHash } from 'node:crypto';

export async function runSync(ctx: StepContext, inputs: SyncInputs, check: { key?: string; prefetched?: Prefetched } = {}): Promise<Result<StepOutcome, UserError>> {
  const { config, plan, features } = inputs;
  const projectName = config.projectName ?? plan.title ?? 'Odoo project';
  const project = { name: projectName, from: config.projectName ? 'config' : plan.title ? 'plan' : 'default' } as const;
  const planWarnings = buildReview({ plan, planFile: inputs.planFile, project, users: new Map(), actions: new Map() }).warnings;
  if (ctx.strict && planWarnings.length > 0) return err(strictFailure(inputs.planFile, plan, planWarnings));
  if (config.xmlidNamespace) {
    const nsFormat = checkNamespace(config.xmlidNamespace, new Set());
    if (!nsFormat.ok) return nsFormat;
  }
  const signal = ctx.signal;
  ctx.progress({ activity: 'connecting to Odoo' });
  const client = await ctx.connect();
  const calls0 = client.stats.calls;
  const stateFile = await loadStateFile(ctx.artifacts);
  const ns = config.xmlidNamespace ?? (await previousNamespace(ctx.artifacts, client.url, client.db, stateFile)) ?? defaultNamespace(projectName);
  const { state, notice } = await readState(ctx.artifacts, client.url, client.db, ns, stateFile);
  const warnings: string[] = notice ? [notice] : [];
  warnings.push(...planWarnings);

  const articleTarget = state.articleTarget ?? (await articleTargetOf(client, signal));
  state.articleTarget = articleTarget;
  if (!state.namespaceChecked) {
    const taken = await client.searchCount('ir.module.module', [['name', '=', ns]], { signal });
    const checked = checkNamespace(ns, new Set(taken > 0 ? [ns] : []));
    if (!checked.ok) return checked;
    state.namespaceChecked = true;
  }

  ctx.progress({ activity: 'reading what exists in Odoo' });
  const owners = allTasks(plan).flatMap((t) => (t.owner ? [t.owner] : []));
  const asked = knownOwners(owners, state.users).ask;
  const reuse = check.prefetched && check.prefetched.namespace === ns && sameSet(check.prefetched.asked, asked) ? check.prefetched : undefined;
  // Three reads that need nothing from each other: together, one round trip of waiting (one read,
  // when the check of the last run's result made the other two).
  const [users, xmlids, writeDates] = await Promise.all([
    reuse ? new Map([...knownOwners(owners, state.users).out, ...reuse.users]) : matchOwners(client, owners, state.users, signal),
    readOwnXmlids(client, ns, signal),
    reuse ? reuse.writeDates : readRecordedWriteDates(client, state, signal),
  ]);
  const xmlidsRead = digestOfXmlids(new Map([...xmlids].filter(([, r]) => r.model !== 'project.task')));
  const taskXmlids = [...xmlids.values()].filter((r) => r.model === 'project.task').length;
  const stateBefore = stateFile.text === undefined ? undefined : sha256(stateFile.text);
  state.users = Object.fromEntries([...users].sort(([a], [b]) => a.localeCompare(b)));
  const milestones = client.profile.hasMilestones;
  const base: Omit<DesiredInput, 'ids'> = { plan, features, namespace: ns, projectName, profile: client.profile, milestones, articles: articleTarget, users };
  const firstIds = new Map([...xmlids].map(([x, r]) => [x, r.id]));
  const first = buildDesired({ ...base, ids: firstIds });
  const existing = await readExisting(client, xmlids, first.records, taskFields(client.profile, milestones), state, writeDates, signal);
  const ids = idMapOf(first.records, existing);
  // Built again only when reading Odoo changed the ids (adopted tags or stages, deleted tasks).
  const desired = sameIds(ids, firstIds) ? first : buildDesired({ ...base, ids });
  const clash = sameXmlid(desired.records);
  if (clash) return err(clash);
  warnings.push(...desired.warnings);
  let syncPlan = planSync({
    desired: desired.records,
    existing,
    state,
    namespace: ns,
    project: projectName,
    articleTarget,
    archiveRemoved: config.archiveRemoved,
    warnings,
  });
  // The user's answer is no input the next run could compare: a run that asked is never kept.
  const conflicts = syncPlan.entries.some((e) => e.action === 'conflict');
  syncPlan = await resolveConflicts(ctx, syncPlan);
  const actions = new Map(syncPlan.entries.filter((e) => e.model === 'project.task').map((e) => [e.xmlid, e.action]));
  const review = buildReview({ plan, planFile: inputs.planFile, project, users, actions: new Map(allTasks(plan).map((t) => [t.id, actions.get(xmlidOf.task(ns, t.id)) ?? 'create'])) });
  syncPlan = { ...syncPlan, review };
  const outputs: Record<string, string> = {};
  outputs[ARTIFACTS.syncPlan] = await ctx.artifacts.write(ARTIFACTS.syncPlan, `${JSON.stringify(syncPlan, null, 2)}\n`);
  const text = `${renderReview(review)}\n\n${renderPlan(syncPlan)}`;
  const changes = changeCount(syncPlan);

  if (ctx.dryRun) {
    ctx.log(text);
    return ok(outcomeOf(syncPlan, undefined, outputs, client.stats.calls - calls0, text));
  }
  if (changes > 0) {
    ctx.progress({ activity: 'waiting for your answer: apply the plan?' });
    const answer = await ctx.ask({
      id: 'sync-apply',
      message: `Apply this plan to ${client.url} (${changes} change${changes === 1 ? '' : 's'})?`,
      choices: [
        { value: 'apply', label: 'Apply' },
        { value: 'cancel', label: 'Cancel (nothing is written)' },
      ],
      defaultValue: 'apply',
      detail: [text, renderWarnings(syncPlan.warnings)].filter(Boolean).join('\n\n'),
    });
    if (answer !== 'apply') {
      return err(new UserError('cancelled', 'Sync plan not applied.', { hint: `The plan is in ${ARTIFACTS.syncPlan}; run the step again to apply it.` }));
    }
    if (!(await client.capabilities({ signal })).canWriteProjects) return err(noRights(client));
  }
  recordUnchanged(syncPlan, state, desired.records, existing, ids);
  const send = new Set(syncPlan.entries.filter((e) => e.action === 'create' || e.action === 'update').map((e) => e.xmlid));
  const applied = await applyPlan({
    client,
    artifacts: ctx.artifacts,
    state,
    desired: (known) => buildDesired({ ...base, ids: known }).records,
    ids,
    send,
    archive: syncPlan.entries.filter((e) => e.action === 'archive'),
    batchSize: config.batchSize,
    notify: config.notify,
    signal,
    progress: ctx.progress,
  });
  if (!applied.ok) return applied;
  outputs[ARTIFACTS.syncState] = await writeState(ctx.artifacts, state);
  if (articleTarget === 'files') {
    const files = buildDesired({ ...base, ids }).articleFiles;
    for (const [path, content] of files) outputs[path] = await ctx.artifacts.write(path, content);
  }
  const fixedPoint =
    check.key !== undefined &&
    !notice &&
    !conflicts &&
    stateBefore === outputs[ARTIFACTS.syncState] &&
    syncPlan.entries.every((e) => e.action === 'unchanged' || e.action === 'kept' || e.action === 'removed');
  await keepUnchanged(
    ctx,
    fixedPoint && check.key
      ? {
          version: VERSION,
          key: check.key,
          server: { url: client.url, db: client.db, major: client.profile.major },
          namespace: ns,
          unmatched: asked.filter((o) => !users.has(o.toLowerCase())),
          xmlids: xmlidsRead,
          taskXmlids,
          tasks: [...existing.tasks.values()].map((t) => [t.id, String(t.write_date)] as [number, string]).sort(([a], [b]) => a - b),
          project: [...existing.xmlids.values()].find((r) => r.model === 'project.project')?.id,
          outputs,
          summary: describeOutcome(syncPlan, applied.value),
          warnings: syncPlan.warnings,
          report: text,
          planWarnings: planWarnings.length,
        }
      : undefined,
  );
  return ok(outcomeOf(syncPlan, applied.value, outputs, client.stats.calls - calls0, text));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((v) => x.has(v));
}

function sameIds(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Two plan items whose ids differ only in punctuation ("1.1" and "1_1") would share a record. */
function sameXmlid(records: readonly DesiredRecord[]): UserError | undefined {
  const seen = new Map<string, string>();
  for (const r of records) {
    const other = seen.get(r.xmlid);
    if (other !== undefined) {
      return new UserError('input', `"${other}" and "${r.label}" would share the external id ${r.xmlid}.`, {
        where: { field: r.xmlid },
        hint: 'Give one of them an id (or name) that differs in letters or digits, not only in punctuation.',
      });
    }
    seen.set(r.xmlid, r.label);
  }
  return undefined;
}

async function articleTargetOf(client: OdooClient, signal: AbortSignal): Promise<ArticleTarget> {
  const caps = await client.capabilities({ signal });
  if (!caps.canWriteProjects) throw noRights(client);
  return caps.knowledge ? 'knowledge.article' : caps.documentPage ? 'document.page' : 'files';
}

function noRights(client: OdooClient): UserError {
  return new UserError('odoo', 'This Odoo user may not create or change projects.', {
    where: { field: client.url },
    hint: `Give the user the Project / Administrator group (or use another login in ${CONFIG_FILE}), then run the sync again. Nothing was written.`,
  });
}

/** --strict: a plan read with warnings fails before anything is sent, naming the first one. */
function strictFailure(planFile: string, plan: TaskPlan, warnings: readonly string[]): UserError {
  const first = plan.notices.find((n) => n.level === 'warning');
  return new UserError('input', `${warnings.length} warning${warnings.length === 1 ? '' : 's'} about ${planFile} (--strict): ${warnings.join('; ')}`, {
    where: { file: planFile, line: first?.line ?? 1 },
    hint: 'Fix the plan (or add the symbols to its legend), or run without --strict to sync with the warnings. Nothing was sent to Odoo.',
  });
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
