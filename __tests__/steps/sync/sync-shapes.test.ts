/** Hand-kept plan shapes synced to the emulator: milestones, stages, section tags, descriptions, no-op re-sync. */
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { expectOk, runSyncStep, workspace, type Workspace } from './harness.js';
import { join } from 'node:path';

const shape = (name: string) => join(process.cwd(), '__tests__/fixtures/plans/shapes', name);

describe.each([
  { version: 17 as const, transport: 'xmlrpc' as const },
  { version: 19 as const, transport: 'json2' as const },
])('Odoo $version over $transport', ({ version, transport }) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version });
  });
  afterAll(async () => {
    await emu.close();
  });

  async function synced(file: string, ns: string, fn: (ws: Workspace) => Promise<void>): Promise<void> {
    const ws = workspace(shape(file));
    try {
      expectOk(await runSyncStep(emu, ws, { transport, sections: { sync: { xmlid_namespace: ns } } }));
      await fn(ws);
    } finally {
      ws.cleanup();
    }
  }

  const s = () => emu.store;
  const task = (ns: string, id: string): Record<string, unknown> => {
    const t = s().get('project.task', s().xmlid(`${ns}.task_${id.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`)?.res_id as number);
    if (!t) throw new Error(`no task ${ns}.${id}`);
    return t;
  };
  const names = (model: string, ids: unknown) => (ids as number[]).map((i) => String(s().get(model, i)?.name)).sort();
  const m2o = (model: string, v: unknown) => String(s().get(model, Number(Array.isArray(v) ? v[0] : v))?.name);

  test('checkbox plan: section tags, details as HTML description, Files as evidence; a re-sync writes nothing', async () => {
    await synced('02-checkbox-legend-at-end.md', 'ops_bakery', async (ws) => {
      const ids = s().search('ir.model.data', [['module', '=', 'ops_bakery'], ['model', '=', 'project.task']]);
      expect(ids).toHaveLength(9);
      const imp = s().read('project.task', s().search('project.task', [['name', '=', 'Import the product list from the old shop']]))[0];
      expect(names('project.tags', imp.tag_ids)).toEqual(['1. Storefront - Phase A', '1.1 (shop-catalogue)']);
      expect(m2o('project.milestone', imp.milestone_id)).toBe('1. Storefront - Phase A');
      expect(m2o('project.task.type', imp.stage_id)).toBe('Done');
      expect(String(imp.description)).toContain('<li>breads and pastries</li>');
      const before = { ...emu.stats.byMethod };
      const again = expectOk(await runSyncStep(emu, ws, { transport, sections: { sync: { xmlid_namespace: 'ops_bakery' } } }));
      expect(again.summary).toMatch(/^9 tasks: 0 created, 0 updated, 9 unchanged/);
      expect(['load', 'create', 'write', 'unlink'].map((m) => (emu.stats.byMethod[m] ?? 0) - (before[m] ?? 0))).toEqual([0, 0, 0, 0]);
    });
  });

  test('item details: estimate in days as hours, Files lines as evidence in the description', async () => {
    await synced('03-inline-legend-item-details.md', 'ops_ocr', async () => {
      const t2 = task('ops_ocr', 'T02');
      expect(t2[version >= 17 ? 'allocated_hours' : 'planned_hours']).toBe(8);
      expect(m2o('project.task.type', t2.stage_id)).toBe('In Progress');
      expect(String(t2.description)).toContain('<strong>Evidence:</strong> <code>addons/ocr_import/models/reader.py</code>');
      expect(String(t2.description)).toContain('the three sample invoices give their totals');
      expect(m2o('project.task.type', task('ops_ocr', 'T04').stage_id)).toBe('Cancelled');
    });
  });

  test('phases and tasks at one heading level; subtask of a heading task; owners TBD / ? are no owner', async () => {
    await synced('12-same-level-phases-front-matter.md', 'ops_crane', async () => {
      const pid = s().xmlid('ops_crane.project')?.res_id as number;
      expect(s().get('project.project', pid)?.name).toBe('Harbour Crane Maintenance');
      expect(names('project.milestone', s().search('project.milestone', [['project_id', '=', pid]]))).toEqual(['Phase 1 — Foundation', 'Phase 2 — Planning']);
      expect(m2o('project.milestone', task('ops_crane', 'T2').milestone_id)).toBe('Phase 1 — Foundation');
      expect(m2o('project.milestone', task('ops_crane', 'T4').milestone_id)).toBe('Phase 2 — Planning');
      const tags = names('project.tags', s().search('project.tags', [['name', '=like', 'Owner: %']]));
      expect(tags.filter((t) => /TBD|\?|^Owner: -$/.test(t))).toEqual([]);
      const kids = s().search('project.task', [['parent_id', '=', task('ops_crane', 'T5').id]]);
      expect(kids).toHaveLength(1);
    });
  });
});
