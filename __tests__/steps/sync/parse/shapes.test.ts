/**
 * Plan shapes found in public repositories, rewritten in our own words (fixtures/plans/shapes).
 * The expected rows were written by hand from reading each file, before running the parser.
 */
import { allTasks } from '../../../../src/steps/sync/parse/index.js';
import { parsed, readFixture, rows, type Row } from './plan-rows.js';

const shape = (name: string) => parsed(readFixture(`plans/shapes/${name}`), name);

test('01 legend "🟡 WORD — description", tables per phase / wave / batch', () => {
  const plan = shape('01-legend-word-description.md');
  expect(plan.title).toBe('Greenhouse Monitor — Work Index');
  expect(rows(plan)).toEqual<Row[]>([
    ['Phase 0: Groundwork', 'INF-001', 'done'],
    ['Phase 0: Groundwork', 'INF-002', 'done'],
    ['Wave 1: Readings', 'GH-010', 'done'],
    ['Wave 1: Readings', 'GH-011', 'in_progress'],
    ['Wave 1: Readings', 'GH-012', 'review'],
    ['Batch 2: Alerts', 'GH-020', 'pending'],
    ['Batch 2: Alerts', 'GH-021', 'blocked'],
    ['Batch 2: Alerts', 'GH-022', 'pending'],
  ]);
  // 🟠 is "in progress" to a reader without the legend; this legend says QUEUED.
  expect(allTasks(plan).every((t) => t.statusFrom === 'legend')).toBe(true);
});

test('02 checkbox legend at the end, one marker meaning three things; status headings are tags', () => {
  const plan = shape('02-checkbox-legend-at-end.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['0. Housekeeping', 'Write this file', 'done'],
    ['0. Housekeeping', 'Agree on the branch naming', 'pending'],
    ['1. Storefront - Phase A', 'Import the product list from the old shop', 'done'],
    ['1. Storefront - Phase A', 'Add product photos', 'done'],
    ['1. Storefront - Phase A', 'Card payment with the new provider', 'pending'],
    ['1. Storefront - Phase A', 'Pickup time slots', 'pending'],
    ['1. Storefront - Phase A', 'Ping the owner for the wording (@Mara-Owner will answer by mail)', 'pending'],
    ['2. Back office', 'Daily order sheet as PDF', 'pending'],
    ['2. Back office', 'Mark an order as picked up', 'pending'],
  ]);
  const tasks = allTasks(plan);
  expect(tasks[2].tags).toEqual(['1.1 (shop-catalogue)']);
  expect(tasks[2].description).toBe('- breads and pastries\n- seasonal cakes');
  expect(plan.notices.filter((n) => n.level === 'warning').map((n) => n.message)).toEqual([
    'the legend gives [x] more than one meaning (WORKING, MERGED, APPROVED): read as Done',
  ]);
  expect(plan.notices).toContainEqual({ line: 38, level: 'info', message: 'table without a task or id column: not read as tasks' });
});

test('03 one-line legend in a quote; items with Files / Acceptance / Estimate details', () => {
  const plan = shape('03-inline-legend-item-details.md');
  expect(plan.title).toBe('41 — Invoice OCR import');
  expect(rows(plan)).toEqual<Row[]>([
    ['Phase 41 — Reader', 'T01', 'done'],
    ['Phase 41 — Reader', 'T02', 'in_progress'],
    ['Phase 41 — Matching', 'T03', 'pending'],
    ['Phase 41 — Matching', 'T04', 'cancelled'],
  ]);
  const [t1, t2, t3] = allTasks(plan);
  expect(plan.phases.map((p) => p.key)).toEqual(['41', '41_2']);
  expect([t1.estimate, t2.estimate, t3.estimate]).toEqual([4, 8, 3]);
  expect(t1.evidence).toBe('`addons/ocr_import/__manifest__.py`, `addons/ocr_import/__init__.py`');
  expect(t2.description).toBe('- **Files:** `addons/ocr_import/models/reader.py`\n- **Acceptance:** the three sample invoices give their totals\n  and their VAT lines, also for scanned pages.');
  expect(t2.description).not.toContain('Estimate');
});

test('04 phase headings that are tasks, with "Status: `word`" lines and a legend of words only', () => {
  const plan = shape('04-phase-headings-with-status-lines.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['Migration Stages', 'Stage 1 - Master data', 'done'],
    ['Migration Stages', 'Stage 2 - Open orders', 'in_progress'],
    ['Migration Stages', 'Stage 3 - Stock', 'blocked'],
  ]);
  expect(allTasks(plan)[0].description).toContain('- customers and vendors moved');
});

test('05 heading tasks with a "— DONE" suffix, free-text Status lines and Evidence lines', () => {
  const plan = shape('05-heading-tasks-status-suffix.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['P0 — Go-live blockers', 'TODO-101', 'done'],
    ['P0 — Go-live blockers', 'TODO-102', 'pending'],
    ['P1 — First month', 'TODO-103', 'in_progress'],
    ['P1 — First month', 'TODO-104', 'done'],
  ]);
  const tasks = allTasks(plan);
  expect(tasks[0].title).toBe('Load the opening balances');
  expect(tasks[0].evidence).toBe('`exports/opening_balance.csv` reconciled on 2 March.');
  expect(tasks[1].statusFrom).toBe('none');
});

test('06 register: an open table with statuses, a closed table whose heading gives the status', () => {
  const plan = shape('06-register-tables.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['Open Points Register', 'OP-001', 'pending'],
    ['Open Points Register', 'OP-002', 'pending'],
    ['Open Points Register', 'OP-004', 'pending'],
    ['Open Points Register', 'OP-003', 'done'],
    ['Open Points Register', 'OP-005', 'done'],
  ]);
  expect(allTasks(plan)[0].description).toBe('**Priority:** P2\n\n**Raised in:** Workshop 1');
});

test('07 id headings with no status at all (Japanese): pending, no warning', () => {
  const plan = shape('07-id-headings-no-status-ja.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['在庫連携 — 倉庫アプリ', 'T1', 'pending'],
    ['在庫連携 — 倉庫アプリ', 'T2', 'pending'],
    ['在庫連携 — 倉庫アプリ', 'T3', 'pending'],
  ]);
  expect(allTasks(plan).map((t) => t.title)).toEqual(['設定画面', '在庫の取得', '差分の送信']);
  expect(plan.notices.filter((n) => n.level === 'warning')).toEqual([]);
});

test('08 id headings holding checkbox steps (Korean): the headings are the milestones', () => {
  const plan = shape('08-id-headings-with-steps-ko.md');
  const m1 = 'T1 알림 발송 재시도 (N01/N02)';
  const m2 = 'T2 수신 거부 처리 (N03)';
  expect(rows(plan)).toEqual<Row[]>([
    [m1, '실패한 발송을 재현하는 시험을 작성한다.', 'done'],
    [m1, '최대 3회, 지수 대기로 재시도한다.', 'done'],
    [m1, '재시도 횟수를 관리 화면에 보여 준다.', 'pending'],
    [m2, '수신 거부 목록을 먼저 확인한다.', 'done'],
    [m2, '거부된 번호는 로그에 남기지 않는다.', 'pending'],
  ]);
  expect(plan.phases.map((p) => p.key)).toEqual(['t1', 't2']);
  const ids = allTasks(plan).map((t) => t.id);
  expect(new Set(ids).size).toBe(5);
  expect(ids.every((id) => /^t[12]\.h[0-9a-f]{8}$/.test(id))).toBe(true);
});

test('09 kanban headings are status groups; phases below them; "- Completed <date>" suffixes', () => {
  const plan = shape('09-kanban-status-groups.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['Current Work', 'Barcode scanner in the picking screen', 'in_progress'],
    ['Phase 2: Routes (Sprint 2)', 'Write the route planner tests - 12 tests', 'done'],
    ['Phase 2: Routes (Sprint 2)', 'Implement the route planner - nearest-neighbour first', 'done'],
    ['Phase 1: Depots', 'Depot model and views', 'done'],
    ['Phase 1: Depots', 'Import the depot list', 'done'],
  ]);
  expect(allTasks(plan)[3].evidence).toBe('`addons/depots/models/depot.py`, `addons/depots/views/depot.xml`');
});

test('10 item/status tables with free-text statuses and mojibake; one cell that is no status', () => {
  const plan = shape('10-item-status-roadmap-mojibake.md');
  // The heading's "â€”" (an em dash read as Windows-1252) reads back as the dash it was.
  const p0 = 'Phase 0 — Preparation';
  expect(rows(plan)).toEqual<Row[]>([
    [p0, 'Chart of accounts mapping', 'done'],
    [p0, 'Tax table review', 'done'],
    [p0, 'Opening stock count', 'in_progress'],
    [p0, 'Q12: Keep the old item codes?', 'done'],
    [p0, 'Q14: Loyalty card migration', 'blocked'],
    [p0, 'Printer drivers for the tills', 'pending'],
    [p0, 'Store codes', 'pending'],
    ['Phase 1 — Pilot store', 'Train the cashiers', 'pending'],
    ['Phase 1 — Pilot store', 'First day on the new tills', 'pending'],
  ]);
  expect(plan.notices.filter((n) => n.level === 'warning')).toEqual([
    { line: 19, level: 'warning', message: 'status "S01, S02, S03" is no status word and the document has no legend: read as To Do' },
  ]);
});

test('11 legend tables (a priority one too), checkbox + emoji, TBD / N/A / ? owners, Est. Time', () => {
  const plan = shape('11-table-legend-checkbox-emoji.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['Sprint 1: Scheduling', '1.1', 'done', 'Ines'],
    ['Sprint 1: Scheduling', '1.2', 'in_progress'],
    ['Sprint 1: Scheduling', '1.3', 'pending'],
    ['Sprint 1: Scheduling', '1.4', 'pending'],
    ['Sprint 2: On site', 'Signature on the worksheet', 'in_progress', 'ines'],
    ['Sprint 2: On site', 'Photo upload from the phone', 'done'],
    ['Sprint 2: On site', 'Offline mode for basements', 'pending'],
    ['Sprint 2: On site', 'Spare parts used on the visit', 'pending'],
  ]);
  expect(allTasks(plan).map((t) => t.estimate)).toEqual([6, 4, 2, 8, 3, undefined, undefined, undefined]);
  expect(plan.notices.filter((n) => n.level === 'warning')).toEqual([
    { line: 24, level: 'warning', message: 'status "❓" is not in the document\'s legend and is no status word: read as To Do' },
  ]);
});

test('12 phases and tasks at one heading level, front-matter title, unclosed fence, mermaid block', () => {
  const plan = shape('12-same-level-phases-front-matter.md');
  expect(plan.title).toBe('Harbour Crane Maintenance');
  expect(rows(plan)).toEqual<Row[]>([
    ['Phase 1 — Foundation', 'T1', 'done', 'Lea'],
    ['Phase 1 — Foundation', 'T2', 'in_progress'],
    ['Phase 2 — Planning', 'T3', 'pending'],
    ['Phase 2 — Planning', 'T4', 'blocked'],
    ['Phase 2 — Planning', 'T5', 'pending', 'Lea'],
    ['Phase 2 — Planning', 'Check the offline sync (a subtask of T5)', 'pending'],
  ]);
  const tasks = allTasks(plan);
  expect(tasks.map((t) => t.estimate)).toEqual([3, 12, 6, undefined, undefined, undefined]);
  expect(tasks[5].parentId).toBe('T5');
  expect(tasks[1].description).toContain('```mermaid');
  expect(plan.notices).toContainEqual({ line: 40, level: 'warning', message: 'code fence is never closed: ended before the next heading (line 43)' });
});

test('13 priority sections of tables whose emoji and dashes went through Windows-1252, status cells with a remark, an item table without a task header', () => {
  // A real build task list read like this: phases named "ðŸ”´ PRIORITY 1 â€” CRITICAL", tasks "Build ... â€” recording player".
  const plan = shape('13-priority-tables-mojibake.md');
  expect(plan.title).toBe('Clinic portal — Build Task List');
  expect(rows(plan)).toEqual<Row[]>([
    ['PRIORITY 1 — SECURITY (blocks the release)', 'S-1', 'done'],
    ['PRIORITY 1 — SECURITY (blocks the release)', 'S-2', 'in_progress'],
    ['PRIORITY 1 — SECURITY (blocks the release)', 'S-3', 'done'],
    ['PRIORITY 2 — BOOKING FLOW', 'B-1', 'pending'],
    ['EXTERNAL REQUIREMENTS (things we need from you)', 'E-1', 'pending'],
  ]);
  // Keys (external ids of the milestones) come from the text as written: a plan synced before keeps them.
  expect(plan.phases.map((p) => p.key)).toEqual(['y_priority_1_a_security_blocks_t', 'yy_priority_2_a_booking_flow', 'as_i_external_requirements_thing']);
  const tasks = allTasks(plan);
  expect(tasks.map((t) => t.title)).toEqual([
    'Escape the patient name in the booking mail',
    'Rate-limit the login form',
    'Rotate the API keys',
    'Slot picker — week view + waiting list',
    // "| # | What We Need | Why | Blocks |": the first column no header word claims names the task.
    'Confirm the SMS gateway account',
  ]);
  expect(tasks[0].description).toBe('**Status:** ✅ Done — escaped with the template helper');
  expect(tasks[2].description).toBeUndefined();
  expect(tasks[3].description).toBe('**External Need:** ⚠️ Needs S-2 done first');
  expect(tasks[4].description).toBe('**Why:** Reminders cannot be sent otherwise\n\n**Blocks:** B-1');
  expect(plan.notices.filter((n) => n.level === 'warning')).toEqual([]);
});

test('14 status emoji in phase headings, checkboxes whose line ends in " — `path`", a numbered list in a blockquote that is no task', () => {
  // A Korean infrastructure roadmap read like this: "Remote state 백엔드 (S3 + DynamoDB 잠금) — terraform/bootstrap/" as a name.
  const plan = shape('14-phase-check-heading-code-after-dash.md');
  expect(rows(plan)).toEqual<Row[]>([
    ['Phase 1 — 기반 구성 (검증 완료)', '상태 저장소 (S3 + 잠금)', 'done'],
    ['Phase 1 — 기반 구성 (검증 완료)', '네트워크 모듈 — 서브넷 두 개', 'done'],
    ['Phase 1 — 기반 구성 (검증 완료)', '배포 파이프라인', 'pending'],
    ['Phase 2 — 관측성 (코드 완료 · 검증 전)', '대시보드', 'done'],
  ]);
  expect(plan.phases.map((p) => p.key)).toEqual(['1', '2']);
  const tasks = allTasks(plan);
  expect(tasks.map((t) => t.evidence)).toEqual(['`infra/bootstrap/`', undefined, '`ci/deploy.yml` (수동 승인)', '`observability/dashboards/`']);
  // The ids a plan synced before has keep coming from the whole line.
  expect(tasks[0].id).toBe('1.s3_infra_bootstrap');
});
