/**
 * Many modules are analysed on worker threads; the result must be the same, in the same order,
 * as on the calling thread. Workers need tsx to load TypeScript, so the pooled run is a child
 * process under tsx (jest itself always takes the in-thread path).
 */
import { cpSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { analyseAddons } from '../../src/analysis/index.js';
import { analyseModules, largestFirst, lastRun, moduleWeight } from '../../src/analysis/pool.js';
import { cleanup, EXAMPLES, tempDir } from '../steps/feature-map/support.js';

/** 30 modules of two sizes, one with a Python syntax error and one with a file that is not UTF-8. */
function modules(root: string): void {
  for (let i = 0; i < 30; i++) cpSync(join(EXAMPLES, i % 2 ? 'helpdesk_lite' : 'equipment_maintenance'), join(root, `m${String(i).padStart(2, '0')}`), { recursive: true });
  writeFileSync(join(root, 'm03/models/broken.py'), 'from odoo import models\n\nclass Broken(models.Model):\n    _name = "x.broken"\n    def f(self:\n        pass\n');
  writeFileSync(join(root, 'm04/models/latin1.py'), Buffer.from('# caf\xe9\n', 'latin1'));
}

test('a pooled analysis equals the in-thread one, bad files reported the same (file:line)', async () => {
  const root = tempDir();
  try {
    modules(root);
    const script = `
      const { analyseAddons } = await import(${JSON.stringify(join(process.cwd(), 'src/analysis/index.ts'))});
      const { lastRun } = await import(${JSON.stringify(join(process.cwd(), 'src/analysis/pool.ts'))});
      const r = await analyseAddons(['.'], { base: ${JSON.stringify(root)} });
      process.stdout.write(JSON.stringify({ threads: lastRun.threads, r }));`;
    const child = await execa('node', ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() });
    const pooled = JSON.parse(child.stdout) as { threads: number; r: unknown };
    const inThread = await analyseAddons(['.'], { base: root });
    if (availableParallelism() > 1) expect(pooled.threads).toBeGreaterThan(1);
    expect(pooled.r).toEqual(JSON.parse(JSON.stringify(inThread)));
    const where = inThread.problems.map((p) => `${p.file}:${p.line ?? ''}`);
    expect(where).toEqual(expect.arrayContaining(['m03/models/broken.py:5', 'm04/models/latin1.py:1']));
  } finally {
    cleanup(root);
  }
}, 120_000);

test('the heaviest modules are handed out first, so none is left running alone at the end', () => {
  const root = tempDir();
  try {
    cpSync(join(EXAMPLES, 'helpdesk_lite'), join(root, 'a_small'), { recursive: true });
    cpSync(join(EXAMPLES, 'equipment_maintenance'), join(root, 'b_big'), { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(root, `b_big/models/extra${i}.py`), 'x = 1\n');
    expect(largestFirst([join(root, 'a_small'), join(root, 'b_big')].map(moduleWeight))).toEqual([1, 0]);
  } finally {
    cleanup(root);
  }
});

describe('a worker that fails does not leave the step waiting: its modules are analysed on the calling thread', () => {
  const crashing = {
    'exits without a word': 'process.exit(3);',
    'throws': "throw new Error('boom');",
    'reports an error': "parentPort.postMessage({ index: job.index, error: 'Error: boom\\n    at analyseModule (module.js:1:1)' });",
  };
  for (const [how, body] of Object.entries(crashing)) {
    test(how, async () => {
      const root = tempDir();
      try {
        modules(root);
        const script = join(root, 'crash-worker.mjs');
        writeFileSync(script, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (job) => { ${body} });\n`);
        const dirs = Array.from({ length: 30 }, (_, i) => join(root, `m${String(i).padStart(2, '0')}`));
        const done: number[] = [];
        const results = await analyseModules(dirs, root, (i) => done.push(i), undefined, pathToFileURL(script));
        expect(lastRun.threads).toBe(1);
        expect(done.sort((a, b) => a - b)).toEqual(dirs.map((_, i) => i));
        const inThread = await analyseAddons(['.'], { base: root });
        expect(results.map((r) => r.module?.name)).toEqual(dirs.map((d) => inThread.modules.find((m) => d.endsWith(m.name))?.name));
        expect(results.flatMap((r) => r.problems)).toEqual(inThread.problems);
      } finally {
        cleanup(root);
      }
    }, 60_000);
  }
});
