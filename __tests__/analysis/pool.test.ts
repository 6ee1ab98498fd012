/**
 * Many modules are analysed on worker threads; the result must be the same, in the same order,
 * as on the calling thread. Workers need tsx to load TypeScript, so the pooled run is a child
 * process under tsx (jest itself always takes the in-thread path).
 */
import { cpSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { analyseAddons } from '../../src/analysis/index.js';
import { cleanup, EXAMPLES, tempDir } from '../steps/feature-map/support.js';

test('a pooled analysis equals the in-thread one', async () => {
  const root = tempDir();
  try {
    for (let i = 0; i < 30; i++) cpSync(join(EXAMPLES, i % 2 ? 'helpdesk_lite' : 'equipment_maintenance'), join(root, `m${String(i).padStart(2, '0')}`), { recursive: true });
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
  } finally {
    cleanup(root);
  }
}, 120_000);
