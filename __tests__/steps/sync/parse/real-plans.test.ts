/**
 * Shapes met in real public task plans nobody here wrote (session 9: a sprint tracker, a sprint
 * task list, a heading-per-task breakdown, an Odoo TODO checklist), each reduced to the smallest
 * plan that showed the defect. Before the fixes, whole blocks of tasks vanished with no notice.
 */
import { allTasks, parseTaskPlan, type TaskPlan } from '../../../../src/steps/sync/parse/index.js';

function parsed(text: string): TaskPlan {
  const r = parseTaskPlan(text, 'plan.md');
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.value;
}
const brief = (plan: TaskPlan) =>
  allTasks(plan).map((t) => ({ title: t.title, status: t.status, ...(t.estimate !== undefined ? { estimate: t.estimate } : {}), ...(t.parentId ? { parent: t.parentId } : {}) }));

test('a sprint heading with a Status line is a phase when its sub-headings hold the task tables (23 tasks were lost)', () => {
  const plan = parsed('# Plan\n\n## Sprint 4\n**Status:** In Progress\n\n### Backend\n\n| ID | Task | Status | Est |\n|----|------|--------|-----|\n| BE-1 | Schema | Done | 8h |\n| BE-2 | API | Done | 4h |\n');
  expect(plan.phases.map((p) => p.name)).toEqual(['Sprint 4']);
  expect(brief(plan)).toEqual([
    { title: 'Schema', status: 'done', estimate: 8 },
    { title: 'API', status: 'done', estimate: 4 },
  ]);
  expect(allTasks(plan)[0].tags).toEqual(['Backend']);
});

test('a "Task 1.2:" heading with an estimate line over a checklist is a task with its steps, not a section', () => {
  const plan = parsed('# Plan\n\n## Phase 1: Foundation\n\n### Task 1.2: Testing\n**Estimated Time**: 2 hours\n\n- [x] Test creation\n- [ ] Test joining\n');
  expect(brief(plan)).toEqual([
    { title: 'Testing', status: 'pending', estimate: 2 },
    { title: 'Test creation', status: 'done', parent: '1.2' },
    { title: 'Test joining', status: 'pending', parent: '1.2' },
  ]);
});

test('a feature named "Markers, Legends, Tooltips" is work, not the legend; "❌ TODO" is to do', () => {
  const plan = parsed('# Plan\n\n## Phase 1\n\n### Feature 7: Markers, Legends, Tooltips\n\n| Task | Status |\n|------|--------|\n| Port Legend widget | ✅ DONE |\n| Port marker shapes | ❌ TODO |\n| Port tooltips | ❌ |\n');
  expect(brief(plan)).toEqual([
    { title: 'Port Legend widget', status: 'done' },
    { title: 'Port marker shapes', status: 'pending' },
    // The symbol alone keeps its common meaning.
    { title: 'Port tooltips', status: 'blocked' },
  ]);
});

test('a "### Testing" heading names work, not a status: its tasks are to do, tagged Testing', () => {
  const plan = parsed('# Plan\n\n## Sprint 1\n\n### Testing\n- [ ] Write unit tests\n- [x] Add CI job\n');
  expect(allTasks(plan).map((t) => [t.title, t.status, t.tags])).toEqual([
    ['Write unit tests', 'pending', ['Testing']],
    ['Add CI job', 'done', ['Testing']],
  ]);
});

test('"Action Item" and "Hours Est." columns are the title and the estimate', () => {
  const plan = parsed('# Plan\n\n## Phase 1\n\n| ID | Action Item | Owner | Status |\n|----|-------------|-------|--------|\n| ACT-1 | Verify email retry | QA | Not Started |\n\n| Task | Status | Hours Est. |\n|------|--------|-----------|\n| Port widget | TODO | 2h |\n');
  expect(allTasks(plan).map((t) => [t.id, t.title, t.owner, t.estimate])).toEqual([
    ['ACT-1', 'Verify email retry', 'QA', undefined],
    [expect.any(String), 'Port widget', undefined, 2],
  ]);
});

test('a Definition of Done checklist is criteria, not tasks, and says so', () => {
  const plan = parsed('# Plan\n\n## Sprint 1\n- [ ] Build login\n\n## Definition of Done (DoD) Checklist\n### Code\n- [ ] Code review approved\n- [ ] Tests green\n');
  expect(allTasks(plan).map((t) => t.title)).toEqual(['Build login']);
  expect(plan.notices).toContainEqual(expect.objectContaining({ line: 8, level: 'info', message: expect.stringContaining('Definition of Done (DoD) Checklist') }));
});

test('a number in brackets without a unit is no estimate and stays in the title; one with a unit or an "est" label is', () => {
  const plan = parsed('# Plan\n\n## Phase 1\n- [ ] Write release notes (2025)\n- [ ] Port to Odoo [17]\n- [x] Add [ProtoMember(1-12)] attributes\n- [ ] Migrate partners (3h)\n- [ ] Migrate invoices (est: 5)\n');
  expect(brief(plan)).toEqual([
    { title: 'Write release notes (2025)', status: 'pending' },
    { title: 'Port to Odoo [17]', status: 'pending' },
    { title: 'Add [ProtoMember(1-12)] attributes', status: 'done' },
    { title: 'Migrate partners', status: 'pending', estimate: 3 },
    { title: 'Migrate invoices', status: 'pending', estimate: 5 },
  ]);
});

test('a Summary heading with a "Progress: 46% complete" line is no task', () => {
  const plan = parsed('# Plan\n\n## Phase 1\n\n- [ ] Port widget\n\n### Summary\n\n| Feature | Tasks |\n|---|---|\n| A | 1 |\n\n**Progress**: 46% complete (13/28 tasks done)\n');
  expect(brief(plan)).toEqual([{ title: 'Port widget', status: 'pending' }]);
});

test('a name keeps no gap where its emoji was, and ids stay as they were', () => {
  const plan = parsed('# Plan\n\n## Phase 1 (COMPLETED ✅)\n\n### Work (IN PROGRESS 🔄)\n- [x] A\n\n### ( 🚧 ) Reports\n- [ ] B\n');
  expect(plan.phases.map((p) => p.name)).toEqual(['Phase 1 (COMPLETED)']);
  expect(allTasks(plan).map((t) => [t.id, t.tags])).toEqual([
    ['1.work.a', ['Work (IN PROGRESS)']],
    ['1.x.b', ['( ) Reports']],
  ]);
});

test('the current sprint, one level above the finished ones, is named by its sprint heading, not by its "Task Progress" sub-heading (peoplehub)', () => {
  const plan = parsed(
    '# Tracker\n\n## Current Sprint: Sprint 4 (Leave & Dashboard)\n**Status:** In Progress\n\n### Task Progress\n\n#### Backend Tasks\n\n| ID | Task | Status |\n|----|------|--------|\n| BE-030 | Schema: Leave models | Done |\n\n' +
      '## Completed Sprints\n\n### Sprint 1: Foundation\n\n| ID | Task | Status |\n|----|------|--------|\n| BE-001 | Setup | Done |\n\n### Sprint 2: Employees\n\n| ID | Task | Status |\n|----|------|--------|\n| BE-010 | Employee CRUD | Done |\n',
  );
  expect(plan.phases.map((p) => [p.key, p.name])).toEqual([
    ['4', 'Sprint 4 (Leave & Dashboard)'],
    ['1', 'Sprint 1: Foundation'],
    ['2', 'Sprint 2: Employees'],
  ]);
});

test('in a list without checkboxes, an item without a status symbol is a statement beside the marked ones, not a pending task (braven_charts)', () => {
  const plan = parsed('# Plan\n\n## Phase 1\n\n- [ ] Port widget\n\n**Impact**:\n- ✅ **Good**: Now 60fps\n- ⚠️ **Theming**: needs re-verification\n');
  expect(brief(plan)).toEqual([
    { title: 'Port widget', status: 'pending' },
    { title: 'Good: Now 60fps', status: 'done' },
  ]);
  expect(plan.notices).toContainEqual(expect.objectContaining({ line: 9, level: 'info', message: expect.stringMatching(/without a status symbol/) }));
});

test('emoji in brackets are the checkbox, read by the one-line legend: "⏳ next" is to do there, not in progress (a hackathon build log)', () => {
  const plan = parsed([
    '# Build Log',
    '',
    '_Status legend:_ ✅ done · 🟡 in build · ⏳ next · ⬜ later.',
    '',
    '## Phase 0 — Foundation',
    '- [✅] Landing page',
    '- [🟡] Command-line front door',
    '',
    '## Phase 1 — Core loop (Week 1)',
    '- [⏳] Capture and recall',
    '- [⏸️] Phone approvals',
    '- [ ] Web inbox',
    '',
    '## Checks',
    '- `npm test` ✅ passes.',
    '',
  ].join('\n'));
  expect(plan.phases.map((p) => p.name)).toEqual(['Phase 0 — Foundation', 'Phase 1 — Core loop (Week 1)']);
  expect(brief(plan)).toEqual([
    { title: 'Landing page', status: 'done' },
    { title: 'Command-line front door', status: 'in_progress' },
    { title: 'Capture and recall', status: 'pending' },
    // Not in the legend: its common meaning (a pause), with no warning that it was read as To Do.
    { title: 'Phone approvals', status: 'pending' },
    { title: 'Web inbox', status: 'pending' },
  ]);
  expect(plan.notices.filter((n) => n.level === 'warning')).toEqual([]);
});

test('a legend in a heading\'s parentheses reads that document\'s symbols and leaves the name ("Models (✓ = Done, ⏳ = Ready)", a status report)', () => {
  const plan = parsed([
    '# Final report',
    '',
    '### Models (✓ = Done, ⏳ = Ready)',
    '- [x] Employee - UPDATED',
    '- [⏳] Article - Need fillable update',
    '',
    '### Next steps',
    '1. ⏳ Add the routes',
    '',
  ].join('\n'));
  expect(plan.phases.map((p) => p.name)).toEqual(['Models', 'Next steps']);
  expect(brief(plan)).toEqual([
    { title: 'Employee - UPDATED', status: 'done' },
    // ⏳ is "Ready" here, everywhere in the document: to do, not in progress.
    { title: 'Article - Need fillable update', status: 'pending' },
    { title: 'Add the routes', status: 'pending' },
  ]);
});
