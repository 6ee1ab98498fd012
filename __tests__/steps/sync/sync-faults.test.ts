import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator, type FaultMode } from '../../../src/odoo/emulator/index.js';
import { expectOk, runSyncStep, workspace } from './harness.js';

const NS = 'ops_odoo_ce_devops_master_plan';

/** Small seeded generator so a failing run can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function expectConverged(emu: Emulator): void {
  const s = emu.store;
  const projects = s.search('project.project', [['name', '=', 'Odoo CE DevOps Master Plan']]);
  expect(projects).toHaveLength(1);
  expect(s.search('project.task', [['project_id', '=', projects[0]]])).toHaveLength(54);
  expect(s.search('project.milestone', [['project_id', '=', projects[0]]])).toHaveLength(8);
  const own = s.read('ir.model.data', s.search('ir.model.data', [['module', '=', NS]]));
  expect(own.filter((r) => r.model === 'project.task')).toHaveLength(54);
  expect(own.filter((r) => r.model === 'project.project')).toHaveLength(1);
  // Every record of ours has its external id, and no tag name twice.
  const tags = s.read('project.tags', s.all('project.tags').map((t) => t.id)).map((t) => t.name);
  expect(new Set(tags).size).toBe(tags.length);
}

const RUNS = 30;
const random = lcg(20261122);
const plans = Array.from({ length: RUNS }, (_, i) => ({
  run: i,
  version: (i % 2 === 0 ? 17 : 19) as 17 | 19,
  transport: (i % 3 === 2 ? 'json2' : 'xmlrpc') as 'xmlrpc' | 'json2',
  // A first sync of the seed takes 16-17 requests: every N interrupts it somewhere.
  failAfter: Math.floor(random() * 16),
  mode: (['drop', 'http500', 'proxy502'] as FaultMode[])[Math.floor(random() * 3)],
  loseState: random() < 0.3,
}));

describe('fault injection: the emulator fails after N requests; re-running converges', () => {
  let interrupted = 0;
  afterAll(() => {
    expect(interrupted).toBe(RUNS);
  });
  test.each(plans.map((p) => ({ ...p, transport: p.version === 17 ? 'xmlrpc' : p.transport })))(
    'run $run: Odoo $version over $transport, $mode after $failAfter requests, lose state: $loseState',
    async ({ version, transport, failAfter, mode, loseState }) => {
      const emu = await startEmulator({ version });
      const ws = workspace();
      try {
        emu.setFaults({ failAfter: emu.stats.requests + failAfter, mode });
        // A network failure is a result the user can read, never a crash.
        const broken = await runSyncStep(emu, ws, { transport: transport as 'xmlrpc' | 'json2' });
        emu.setFaults(undefined);
        if (loseState) rmSync(join(ws.root, '.odoo-project-sync'), { recursive: true, force: true });
        if (!broken.result.ok) {
          interrupted++;
          expect(broken.result.error.hint ?? broken.result.error.message).not.toBe('');
        }
        const fixed = expectOk(await runSyncStep(emu, ws, { transport: transport as 'xmlrpc' | 'json2' }));
        expect(fixed.summary).toMatch(/^54 tasks:/);
        expectConverged(emu);
        const quiet = expectOk(await runSyncStep(emu, ws, { transport: transport as 'xmlrpc' | 'json2' }));
        expect(quiet.summary).toMatch(/0 created, 0 updated, 54 unchanged/);
      } finally {
        emu.setFaults(undefined);
        await emu.close();
        ws.cleanup();
      }
    },
  );
});
