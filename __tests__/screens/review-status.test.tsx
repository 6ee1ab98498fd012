import { act } from 'react';
import { render, cleanup } from 'ink-testing-library';
import { ReviewStatus, type ReviewStatusProps } from '../../src/screens/reviewer/ReviewStatus.js';
import type { Finding } from '../../src/review/types.js';

afterEach(async () => {
  await act(async () => cleanup());
});

const warning = (line: number): Finding => ({ line, column: 1, message: `a story at line ${line} has no reason`, severity: 'warning' });
const props = (diagnostics: Finding[]): ReviewStatusProps => ({
  diagnostics, checking: false, placing: false, saving: false, dirty: false, approved: false, cursor: 0, total: 40, busy: false,
});

test('the status line counts warnings in English: 1 warning, 2 warnings', async () => {
  let one!: ReturnType<typeof render>;
  await act(async () => {
    one = render(<ReviewStatus {...props([warning(3)])} />);
  });
  expect(one.lastFrame()).toContain('✔ valid (1 warning)');
  let two!: ReturnType<typeof render>;
  await act(async () => {
    two = render(<ReviewStatus {...props([warning(3), warning(9)])} />);
  });
  expect(two.lastFrame()).toContain('✔ valid (2 warnings)');
});
