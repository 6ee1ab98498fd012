import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModules, startEmulator } from '../../../src/odoo/emulator/index.js';
import { expectOk, runSyncStep, workspace } from './harness.js';

const DIR = join(process.cwd(), '__tests__/fixtures/plans/step6');

test("step 6's ToDo.md and the feature map: stories in tasks, one article per feature, phase tags only", async () => {
  const emu = await startEmulator({ version: 19, modules: [...defaultModules(19), 'knowledge'] });
  const ws = workspace(join(DIR, 'ToDo.md'));
  copyFileSync(join(DIR, 'feature_user_story_map.toml'), join(ws.root, 'feature_user_story_map.toml'));
  try {
    const outcome = expectOk(await runSyncStep(emu, ws, { transport: 'json2', sections: { sync: { project_name: 'Custom modules', xmlid_namespace: 'ops_custom' } } }));
    expect(outcome.summary).toMatch(/^111 tasks: 111 created/);
    // Read past on purpose is no warning: it is a note in the plan review.
    expect(outcome.warnings).toEqual([]);
    expect(outcome.report).toContain('ToDo.md:267: summary table: not read as tasks');
    const s = emu.store;
    const pid = s.xmlid('ops_custom.project')?.res_id as number;
    expect(s.get('project.project', pid)?.name).toBe('Custom modules');
    const build = s.get('project.task', s.xmlid('ops_custom.task_equipment_maintenance_model_equipment_item_build')?.res_id as number);
    expect(build?.allocated_hours).toBe(14.5);
    expect(String(build?.description)).toContain('As a Maintenance Manager, I want to record and follow Equipment');
    expect(String(build?.description)).toMatch(/Feature article: <a href="\/knowledge\/article\/\d+">Equipment \(equipment.item\)<\/a>/);
    const own = s.read('ir.model.data', s.search('ir.model.data', [['module', '=', 'ops_custom']]));
    expect(own.filter((r) => r.model === 'knowledge.article')).toHaveLength(2 + 37);
    expect(own.filter((r) => r.model === 'project.tags').length).toBe(3);
    const again = expectOk(await runSyncStep(emu, ws, { transport: 'json2', sections: { sync: { project_name: 'Custom modules', xmlid_namespace: 'ops_custom' } } }));
    expect(again.summary).toMatch(/0 created, 0 updated, 111 unchanged/);
  } finally {
    await emu.close();
    ws.cleanup();
  }
}, 30_000); // an emulator with Knowledge and 111 tasks: over 5 s on a loaded 2-core machine
