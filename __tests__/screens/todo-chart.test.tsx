import { renderToString } from 'ink';
import { TodoScreen } from '../../src/screens/TodoScreen.js';
import { chartRows } from '../../src/screens/hours-chart.js';
import type { StepStatus } from '../../src/state/types.js';

// renderToString renders synchronously outside act(): see rail-and-steps.test.tsx.
const actFlag = globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean };
beforeAll(() => {
  actFlag.IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  actFlag.IS_REACT_ACT_ENVIRONMENT = true;
});

const bars = [
  { label: 'equipment_maintenance', low: 40, expected: 60, high: 100 },
  { label: 'helpdesk_lite', low: 10, expected: 15, high: 25 },
];
const done = (chart?: { title: string; unit: string; bars: typeof bars }): StepStatus => ({
  kind: 'done',
  finishedAt: 1000,
  summary: 'implement: 2 phases, 30 tasks, 75 h expected (50–125 h)',
  inputs: {},
  outputs: { 'ToDo.md': 'x' },
  warnings: [],
  ...(chart ? { chart } : {}),
});

test('the ToDo screen draws a bar of hours per phase: expected solid, up to pessimistic shaded, with the range', () => {
  const out = renderToString(<TodoScreen status={done({ title: 'Hours per phase', unit: 'h', bars })} now={2000} />, { columns: 100 });
  const lines = out.split('\n');
  expect(out).toContain('Hours per phase (█ expected, ░ up to pessimistic');
  const eq = lines.find((l) => l.startsWith('equipment_maintenance')) ?? '';
  expect(eq).toMatch(/^equipment_maintenance █{18}░{12} 60 h \(40–100\)$/);
  const hd = lines.find((l) => l.startsWith('helpdesk_lite')) ?? '';
  // Labels are padded to one column, bars are to one scale: 15 of 100 h is 5 of 30 cells.
  expect(hd).toMatch(/^helpdesk_lite {9}█{5}░{3} {22} 15 h \(10–25\)$/);
});

test('no chart before the step has run, and many phases fold into one row', () => {
  expect(renderToString(<TodoScreen status={done()} now={2000} />, { columns: 100 })).not.toContain('Hours per phase');
  const many = chartRows({ title: 't', unit: 'h', bars: Array.from({ length: 20 }, (_, i) => ({ label: `m${i}`, low: i, expected: i + 1, high: i + 2 })) }, 10);
  expect(many).toHaveLength(12);
  expect(many[0].label.trim()).toBe('m19');
  expect(many[11].label.trim()).toBe('9 more');
});
