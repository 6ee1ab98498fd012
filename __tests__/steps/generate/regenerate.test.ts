import { renderExtract } from '../../../src/steps/extract/load.js';
import { generateStep } from '../../../src/steps/generate/index.js';
import { recordedExtract, workspace } from './fixture-ctx.js';

const MODEL = 'modules/project_custom/models/project_task.py';
const README = 'modules/project_custom/README.md';

async function setup(answer?: string) {
  const doc = recordedExtract(17);
  const ctx = await workspace(doc, undefined, answer ? { answer: () => answer } : {});
  const first = await generateStep.run(ctx);
  if (!first.ok) throw first.error;
  const mine = `${(await ctx.artifacts.read(MODEL)) as string}\n# my hand edit\n`;
  await ctx.artifacts.write(MODEL, mine);
  // The database changed: a label is different, so the generator has something new for the file.
  const changed = { ...doc, fields: doc.fields.map((f) => (f.name === 'x_studio_customer_ref' ? { ...f, label: 'Client Reference' } : f)) };
  await ctx.artifacts.write('extract.json', renderExtract(changed));
  return { ctx, mine };
}

describe('regenerating over hand edits', () => {
  test('headless default keeps the edited file and writes the new one beside it, after showing the diff', async () => {
    const { ctx, mine } = await setup();
    try {
      const r = await generateStep.run(ctx);
      if (!r.ok) throw r.error;
      expect(ctx.questions.map((q) => q.message)).toEqual([`${MODEL} was changed by hand. Overwrite it with the newly generated file?`]);
      expect(ctx.questions[0].detail).toMatch(/^-# my hand edit$/m);
      expect(ctx.questions[0].detail).toMatch(/^\+ {8}string='Client Reference',$/m);
      expect(await ctx.artifacts.read(MODEL)).toBe(mine);
      expect(await ctx.artifacts.read(`${MODEL}.generated`)).toContain("string='Client Reference'");
      expect(r.value.warnings.join('\n')).toContain(`${MODEL}: changed by hand, kept`);
      // Files nobody edited are simply rewritten.
      expect(await ctx.artifacts.read(README)).toBeDefined();
      // Asking again with nothing new: the edited file is kept quietly.
      const again = await generateStep.run(ctx);
      if (!again.ok) throw again.error;
      expect(ctx.questions).toHaveLength(1);
      expect(await ctx.artifacts.read(MODEL)).toBe(mine);
    } finally {
      ctx.cleanup();
    }
  });

  test('answering overwrite replaces the edited file', async () => {
    const { ctx } = await setup('overwrite');
    try {
      const r = await generateStep.run(ctx);
      if (!r.ok) throw r.error;
      expect(ctx.questions).toHaveLength(1);
      const now = (await ctx.artifacts.read(MODEL)) as string;
      expect(now).not.toContain('# my hand edit');
      expect(now).toContain("string='Client Reference'");
      expect(await ctx.artifacts.exists(`${MODEL}.generated`)).toBe(false);
    } finally {
      ctx.cleanup();
    }
  });

  test('an unedited workspace regenerates without a question and without changing a byte', async () => {
    const ctx = await workspace(recordedExtract(19));
    try {
      const a = await generateStep.run(ctx);
      const b = await generateStep.run(ctx);
      if (!a.ok || !b.ok) throw new Error('generate failed');
      expect(ctx.questions).toEqual([]);
      expect(b.value.outputs).toEqual(a.value.outputs);
      expect(b.value.summary).toMatch(/0 written/);
    } finally {
      ctx.cleanup();
    }
  });
});

describe('cancelling generate', () => {
  test('files a cancelled run never wrote are not recorded as written: the next run writes them, with no "changed by hand"', async () => {
    const doc = recordedExtract(17);
    const ctx = await workspace(doc);
    try {
      const first = await generateStep.run(ctx);
      if (!first.ok) throw first.error;
      const changed = { ...doc, fields: doc.fields.map((f) => (f.name === 'x_studio_customer_ref' ? { ...f, label: 'Client Reference' } : f)) };
      await ctx.artifacts.write('extract.json', renderExtract(changed));
      // Cancel as soon as the step starts comparing: nothing new reaches the disk.
      const ac = new AbortController();
      const cancelled = await generateStep.run({ ...ctx, signal: ac.signal, progress: (p) => p.activity.startsWith('comparing') && ac.abort() });
      expect(cancelled.ok).toBe(false);
      expect(await ctx.artifacts.read(MODEL)).not.toContain('Client Reference');
      const next = await generateStep.run(ctx);
      if (!next.ok) throw next.error;
      expect(await ctx.artifacts.read(MODEL)).toContain("string='Client Reference'");
      expect(next.value.warnings.join('\n')).not.toContain('changed by hand');
      expect(ctx.questions).toEqual([]);
    } finally {
      ctx.cleanup();
    }
  });
});

describe('an unreadable generated.json', () => {
  test('is kept aside, not overwritten, and the run goes on treating existing files as edited', async () => {
    const ctx = await workspace(recordedExtract(17));
    try {
      const first = await generateStep.run(ctx);
      if (!first.ok) throw first.error;
      await ctx.artifacts.write('.odoo-project-sync/generated.json', '{"schemaVersion": 1, "files": {"modu');
      const again = await generateStep.run(ctx);
      if (!again.ok) throw again.error;
      expect(await ctx.artifacts.read('.odoo-project-sync/generated.unreadable.json')).toBe('{"schemaVersion": 1, "files": {"modu');
      expect(JSON.parse((await ctx.artifacts.read('.odoo-project-sync/generated.json')) ?? '')).toMatchObject({ schemaVersion: 1 });
    } finally {
      ctx.cleanup();
    }
  });
});

describe('files the generator no longer writes', () => {
  test('switching keep -> clean removes the old unchanged output and keeps a file changed by hand', async () => {
    const doc = recordedExtract(17);
    const { renderMap } = await import('../../../src/steps/module-map/proposal.js');
    const ctx = await workspace(doc, renderMap(doc).replace(/^naming = "\w+"/m, 'naming = "keep"'));
    try {
      const first = await generateStep.run(ctx);
      if (!first.ok) throw first.error;
      const oldModel = 'modules/equipment/models/x_equipment.py';
      const oldViews = 'modules/equipment/views/x_equipment_views.xml';
      expect(await ctx.artifacts.exists(oldModel)).toBe(true);
      const edited = `${(await ctx.artifacts.read(oldViews)) as string}<!-- mine -->\n`;
      await ctx.artifacts.write(oldViews, edited);
      await ctx.artifacts.write('module_model_map.toml', renderMap(doc).replace(/^naming = "\w+"/m, 'naming = "clean"'));
      const second = await generateStep.run(ctx);
      if (!second.ok) throw second.error;
      expect(await ctx.artifacts.exists('modules/equipment/models/equipment.py')).toBe(true);
      expect(await ctx.artifacts.exists(oldModel)).toBe(false);
      expect(second.value.summary).toMatch(/\d+ old files removed/);
      // The user's edit survives, with a warning naming it.
      expect(await ctx.artifacts.read(oldViews)).toBe(edited);
      expect(second.value.warnings.join('\n')).toContain(`${oldViews}: no longer generated, but changed by hand, so kept`);
    } finally {
      ctx.cleanup();
    }
  });
});
