/**
 * The bad-input corpus: every case in __tests__/fixtures/corpus runs the built CLI on a folder of
 * hostile files (and, for some, a hostile server) and holds it to the contract: the exact exit
 * code; a failure says where (file:line or the server) on one line with the next step below it;
 * never a stack trace or an "internal error"; and every file the user had is byte-identical
 * afterwards. How to add a case: __tests__/fixtures/corpus/README.md.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { execa } from 'execa';
import { CORPUS_DIR, loadCases, type CorpusCase } from './case.js';
import { judge } from './judge.js';
import { filler, startCaseServer, type CaseServer } from './servers.js';
import { buildUserFolder, changedEntries, chownTree, fingerprint, opTarget, unlock } from './user-folder.js';

const repo = process.cwd();
const cases = loadCases();
/** As root, permissions do not stop reads: cases with chmod ops run the CLI as nobody. */
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
let dist: string;

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: repo });
  // A private copy: other test files rebuild dist/ while these cases run.
  dist = mkdtempSync(join(tmpdir(), 'ops-corpus-dist-'));
  cpSync(join(repo, 'dist'), dist, { recursive: true, filter: (src) => !src.endsWith('.map') });
  chmodSync(dist, 0o755);
}, 180_000);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const clean = { ...process.env, ODOO_URL: '', ODOO_DB: '', ODOO_USER: '', ODOO_PASSWORD: '', ODOO_API_KEY: '' };
async function runCase(c: CorpusCase): Promise<void> {
  let server: CaseServer | undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'ops-corpus-'));
  const user = join(tmp, 'user');
  mkdirSync(user);
  let locked: string[] = [];
  try {
    server = c.server ? await startCaseServer(c.server) : undefined;
    const fill = filler(server?.vars ?? {});
    locked = buildUserFolder(user, join(CORPUS_DIR, c.name), c.setup, fill);
    const asNobody = isRoot && [c.setup, ...c.runs.map((r) => r.before ?? [])].flat().some((op) => 'chmod' in op);
    if (asNobody) {
      chmodSync(tmp, 0o755);
      chownTree(user, NOBODY, NOBODY);
    }
    const before = fingerprint(user);
    const problems: string[] = [];
    for (const [i, run] of c.runs.entries()) {
      if (run.before?.length) {
        locked.push(...buildUserFolder(user, undefined, run.before, fill));
        if (asNobody) chownTree(user, NOBODY, NOBODY);
        const now = fingerprint(user);
        const targets = run.before.map((op) => normalize(opTarget(op)));
        for (const [rel, v] of now) if (targets.some((t) => rel === t || rel.startsWith(t + sep))) before.set(rel, v);
      }
      const env: NodeJS.ProcessEnv = { ...clean, ...Object.fromEntries(Object.entries(run.env ?? {}).map(([k, v]) => [k, fill(v)])) };
      if (asNobody) env.ODOO_PROJECT_SYNC_CACHE = '0';
      const r = await execa('node', [join(dist, 'cli.js'), ...run.args.map(fill)], {
        cwd: join(user, run.cwd ?? '.'),
        env,
        reject: false,
        stdin: 'ignore',
        timeout: 90_000,
        ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      problems.push(...judge(run, r, user, fill).map((p) => `run ${i + 1} (${run.args.join(' ')}): ${p}`));
    }
    const changed = changedEntries(before, fingerprint(user));
    if (changed.length) problems.push(`user files changed:\n${changed.join('\n')}`);
    expect(problems).toEqual([]);
  } finally {
    unlock(user, locked);
    rmSync(tmp, { recursive: true, force: true });
    await server?.close();
  }
}

describe('bad-input corpus', () => {
  test('holds at least one case', () => expect(cases.length).toBeGreaterThan(0));
  test.each(cases.map((c) => [`${c.class}: ${c.name}`, c] as const))('%s', (_, c) => runCase(c), 180_000);
});
