/** One exit code per kind of user error, whether a command returns it or it reaches the CLI. */
import { exitCodeOf } from '../../src/state/exit-codes.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('the user is at fault (usage, input, config, a workspace locked by another run): 2; otherwise 1', () => {
  expect((['usage', 'input', 'config', 'workspace-locked'] as const).map(exitCodeOf)).toEqual([2, 2, 2, 2]);
  expect((['journal', 'odoo', 'cancelled'] as const).map(exitCodeOf)).toEqual([1, 1, 1]);
});

test('the CLI and the commands map user errors through the same function', () => {
  for (const f of ['src/cli.tsx', 'src/state/commands.ts']) {
    const src = readFileSync(join(process.cwd(), f), 'utf8');
    expect(src).toContain('exitCodeOf(e.code)');
    expect(src).not.toMatch(/e\.code === 'usage'/);
  }
});
