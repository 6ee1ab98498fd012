import { renderToString } from 'ink';
import { mixedPlan } from '../../bench/plans.js';
import { QuestionPrompt } from '../../src/screens/QuestionPrompt.js';
import { parseTaskPlan } from '../../src/steps/sync/parse/index.js';
import { renderReview } from '../../src/steps/sync/render-review.js';
import { buildReview } from '../../src/steps/sync/review.js';

const actFlag = globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean };
beforeAll(() => {
  actFlag.IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  actFlag.IS_REACT_ACT_ENVIRONMENT = true;
});

test('the Apply question pages through the review of a 200-task plan, every column in the box', () => {
  const parsed = parseTaskPlan(mixedPlan(200, 5), 'plan.md');
  if (!parsed.ok) throw parsed.error;
  const review = buildReview({ plan: parsed.value, planFile: 'plan.md', project: { name: 'Warehouse Rollout', from: 'plan' }, users: new Map([['admin', 2], ['marc demo', 6]]), actions: new Map() });
  const detail = renderReview(review);
  const out = renderToString(
    <QuestionPrompt
      pending={{ stepId: 'sync', question: { id: 'sync-apply', message: 'Apply this plan?', detail, choices: [{ value: 'apply', label: 'Apply' }, { value: 'cancel', label: 'Cancel (nothing is written)' }], defaultValue: 'apply' } }}
      onAnswer={() => undefined}
      detailRows={23}
    />,
    { columns: 86 },
  );
  expect(out).toContain('200 tasks in 5 milestones: 75 Done, 55 In Progress, 50 To Do, 20 Blocked');
  expect(out).toMatch(/Phase 1 — Area 1\s+40\s+15\s+11\s+10\s+4\s+110/);
  expect(out).toMatch(/── Phase 1 — Area 1 \(40 tasks\) ──/);
  expect(out).toMatch(/│ 1\.1\s+In Progress\s+Marc Demo\s+2\s+create\s+Configure item 1/);
  expect(out).toMatch(/│ 1\.2\s+To Do\s+Consultant \(t…\s+3\s+create/);
  expect(out).toMatch(new RegExp(`lines 1-23 of ${detail.split('\n').length} · pgup/pgdn to scroll`));
  expect(out).toMatch(/❯ Apply/);
});
