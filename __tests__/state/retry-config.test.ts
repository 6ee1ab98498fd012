import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok } from '../../src/core/result.js';
import { UserError } from '../../src/core/user-error.js';
import type { Runner } from '../../src/state/runner.js';
import type { StepEngine } from '../../src/steps/types.js';
import { openTestRunner, SOURCE_CONFIG, tempDir, registryWith } from './helpers.js';

/** An engine that needs `[sync] project_name = "Ready"` in odoo-project-sync.toml. */
const needsSetting: StepEngine = {
  id: 'feature-map',
  inputs: [],
  async run(ctx) {
    const section = ctx.config.sections.sync as { project_name?: unknown } | undefined;
    if (section?.project_name !== 'Ready') {
      return { ok: false, error: new UserError('config', 'sync.project_name must be "Ready"', { where: { file: 'odoo-project-sync.toml', field: 'sync.project_name' } }) };
    }
    return ok({ summary: 'ran with the fixed config', outputs: {}, warnings: [] });
  },
};

describe('retrying a failed step re-reads odoo-project-sync.toml', () => {
  let t: ReturnType<typeof tempDir>;
  let r: Runner;
  beforeEach(async () => {
    t = tempDir();
    mkdirSync(join(t.dir, 'addons'));
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
    r = await openTestRunner(t.dir, registryWith({ featureMap: needsSetting }));
  });
  afterEach(async () => {
    await r.close();
    t.cleanup();
  });

  test('the user fixes the setting the error named, presses r, and the step runs', async () => {
    expect(await r.runStep('feature-map')).toMatchObject({ kind: 'failed', error: { message: 'sync.project_name must be "Ready"' } });
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), `${SOURCE_CONFIG}\n[sync]\nproject_name = "Ready"\n`);
    expect(await r.runStep('feature-map')).toMatchObject({ kind: 'done', summary: 'ran with the fixed config' });
  });

  test('a config broken since start-up fails the step with its file and line, not a crash', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), `${SOURCE_CONFIG}\n[sync\nproject_name = "Ready"\n`);
    const end = await r.runStep('feature-map');
    expect(end.kind).toBe('failed');
    expect(end.kind === 'failed' && end.error.where).toMatch(/^odoo-project-sync\.toml:\d+/);
  });
});
