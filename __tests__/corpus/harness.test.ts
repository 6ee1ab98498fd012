/** The corpus harness itself: it must catch what it promises to catch. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCases } from './case.js';
import { judge } from './judge.js';
import { buildUserFolder, changedEntries, fingerprint } from './user-folder.js';

const id = (s: string) => s;
const failed = { args: ['run', 'todo'], exit: 2, where: 'plan.md:3' };

test('a run is judged on exit code, the one-line message with where and next step, and stack traces', () => {
  const good = { exitCode: 2, stdout: '', stderr: '[todo] reading\nplan.md:3: bad row\n  -> fix it\n' };
  expect(judge(failed, good, '/nonexistent', id)).toEqual([]);
  const problems = (r: { exitCode: number; stdout: string; stderr: string }) => judge(failed, r, '/nonexistent', id).slice(0, -1);
  expect(problems({ ...good, exitCode: 1 })).toEqual(['exit code 1, expected 2']);
  expect(problems({ ...good, stderr: 'plan.md:3: bad row\n' })).toEqual(['no one-line message followed by "  -> <next step>" on stderr']);
  expect(problems({ ...good, stderr: 'plan.md: bad row\n  -> fix it\n' })[0]).toMatch(/does not name "plan.md:3"/);
  expect(problems({ ...good, stderr: `${good.stderr}TypeError: x is undefined\n    at main (cli.js:1:2)\n` })).toHaveLength(2);
  expect(problems({ ...good, stderr: 'internal error (a bug in odoo-project-sync): boom\n  -> report it\n' })[0]).toMatch(/internal error/);
});

test('the fingerprint notices a changed byte, a removed file and a retargeted link', () => {
  const root = mkdtempSync(join(tmpdir(), 'ops-corpus-meta-'));
  try {
    buildUserFolder(root, undefined, [
      { write: 'a/one.txt', text: 'one' },
      { write: 'two.bin', base64: 'AAE=' },
      { symlink: 'a/link', target: '../two.bin' },
    ], id);
    const before = fingerprint(root);
    writeFileSync(join(root, 'new-output.txt'), 'the tool may add files');
    expect(changedEntries(before, fingerprint(root))).toEqual([]);
    writeFileSync(join(root, 'a', 'one.txt'), 'onE');
    rmSync(join(root, 'two.bin'));
    rmSync(join(root, 'a', 'link'));
    buildUserFolder(root, undefined, [{ symlink: 'a/link', target: 'one.txt' }], id);
    expect(changedEntries(before, fingerprint(root)).map((c) => c.split(':')[0])).toEqual(['"a/link"', '"a/one.txt"', '"two.bin"']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('every case in the corpus loads (unknown keys are refused)', () => {
  expect(loadCases().length).toBeGreaterThanOrEqual(10);
});
