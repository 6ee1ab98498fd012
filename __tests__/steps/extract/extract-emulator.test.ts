import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { OdooError } from '../../../src/odoo/index.js';
import type { OdooClient } from '../../../src/odoo/types.js';
import { extractStep } from '../../../src/steps/extract/index.js';
import { parseExtract } from '../../../src/steps/extract/load.js';
import { allRecords } from '../../../src/steps/extract/schema.js';
import { checkMap } from '../../../src/steps/module-map/validate.js';
import { clientFor, makeCtx } from './helpers.js';
import { addRealXmlids, recorded, studioKeys } from './studio-xmlids.js';

const SEEDED_KINDS = [
  'action:#9300', 'menu:#9310', 'menu:#9311', 'view:#9320', 'cron:#21', 'filter:#11', 'mail_template:#41', 'report:#9500', 'sequence:#31', 'server_action:#9242', 'view:#9901', 'view:#9902',
];

const cases: [17 | 19, 'xmlrpc' | 'json2'][] = [
  [17, 'xmlrpc'],
  [19, 'xmlrpc'],
  [19, 'json2'],
];

describe.each(cases)('extract from the emulator seeded with the Odoo %s recordings over %s', (version, transport) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version });
    addRealXmlids(emu.store, version);
  });
  afterAll(() => emu.close());

  test('finds every Studio customization, leaves out analytic plan fields with the reason, and nothing else', async () => {
    let client: OdooClient | undefined;
    const ctx = makeCtx({ connect: async () => (client = await clientFor(emu, 'admin', transport)) });
    try {
      const r = await extractStep.run(ctx);
      if (!r.ok) throw r.error;
      const text = (await ctx.artifacts.read('extract.json')) as string;
      const doc = parseExtract(text);
      if (!doc.ok) throw doc.error;
      // The recorded Studio records, plus the seeded reports, filters, templates, crons and sequences
      // (kinds-emulator.test.ts checks those one by one).
      const keys = allRecords(doc.value).map((x) => x.key).sort();
      expect(keys).toEqual([...studioKeys(version), ...SEEDED_KINDS].sort());
      expect(allRecords(doc.value).filter((x) => !SEEDED_KINDS.includes(x.key)).every((x) => x.origin === 'studio')).toBe(true);
      const plans = recorded<{ model: string; name: string }>(version, 'search_read.ir.model.fields.manual.json').filter((f) => /^x_plan\d+_id$/.test(f.name));
      const excluded = doc.value.excluded.filter((x) => x.key.startsWith('field:'));
      expect(excluded.map((x) => x.key).sort()).toEqual(plans.map((f) => `field:${f.model}.${f.name}`).sort());
      expect(excluded.every((x) => /analytic plan/.test(x.reason))).toBe(true);
      expect(doc.value.source.serverVersion).toMatch(new RegExp(`^${version}`));
      expect(doc.value.profile.major).toBe(version);
      expect(doc.value.warnings).toEqual([]);
      for (const secret of [emu.users.admin.password, emu.users.admin.apiKey]) expect(text).not.toContain(`"${secret}"`);
      // A fixed number of calls whatever the database size: 30 for the Studio records, 11 for the
      // other kinds, and one per translated kind and installed language (8 kinds x French).
      expect(client?.stats.calls).toBeLessThanOrEqual(50);
      expect(ctx.progressSeen.length).toBeGreaterThan(5);
      const compute = doc.value.fields.find((f) => f.name === 'x_studio_score_label');
      expect(compute?.compute).toContain('for record in self:');
      expect(doc.value.automations[0].actionKeys).toEqual(['server_action:studio_customization.project_task_set_review_date_action']);
      const map = (await ctx.artifacts.read('module_model_map.toml')) as string;
      expect(checkMap(map, doc.value).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(map).toMatch(/\[modules\.project_custom\][\s\S]*extends = \["project\.task"\]/);
      expect(map).toMatch(/\[modules\.equipment\][\s\S]*models = \["x_equipment"\]/);
    } finally {
      ctx.cleanup();
    }
  });

  test('the same database gives the same bytes', async () => {
    const a = makeCtx({ connect: () => clientFor(emu, 'admin', transport) });
    const b = makeCtx({ connect: () => clientFor(emu, 'admin', transport) });
    try {
      await extractStep.run(a);
      await extractStep.run(b);
      expect(await b.artifacts.read('extract.json')).toBe(await a.artifacts.read('extract.json'));
      expect(await b.artifacts.read('module_model_map.toml')).toBe(await a.artifacts.read('module_model_map.toml'));
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});

describe('extract with missing rights', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 17 });
    addRealXmlids(emu.store, 17);
  });
  afterAll(() => emu.close());

  /** A real client whose server refuses ir.model.access and ir.rule, as Odoo does for non-admins. */
  function denying(client: OdooClient): OdooClient {
    return new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === 'searchRead') {
          return (model: string, ...rest: unknown[]) => {
            if (model === 'ir.model.access' || model === 'ir.rule') {
              return Promise.reject(new OdooError('access', `You are not allowed to access '${model}' records.`, { server: target.url }));
            }
            return (target.searchRead as (...a: unknown[]) => unknown).call(target, model, ...rest);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  test('gives a partial result with a note on what is missing and why, not a failure', async () => {
    const ctx = makeCtx({ connect: async () => denying(await clientFor(emu)) });
    try {
      const r = await extractStep.run(ctx);
      if (!r.ok) throw r.error;
      expect(r.value.summary).toMatch(/partial/);
      const doc = parseExtract((await ctx.artifacts.read('extract.json')) as string);
      if (!doc.ok) throw doc.error;
      expect(doc.value.access).toEqual([]);
      expect(doc.value.rules).toEqual([]);
      expect(doc.value.notes.join('\n')).toMatch(/access rights \(ir\.model\.access\): not read, this user has no read access/);
      expect(doc.value.notes.join('\n')).toMatch(/record rules \(ir\.rule\)/);
      expect(doc.value.models.map((m) => m.model)).toEqual(['x_equipment']);
      expect(await ctx.artifacts.read('module_model_map.toml')).toMatch(/^# Partial extract: access rights \(ir\.model\.access\): not read/m);
    } finally {
      ctx.cleanup();
    }
  });

  test('a wrong password fails with the server named', async () => {
    const ctx = makeCtx({
      connect: () => clientFor({ ...emu, users: { admin: { ...emu.users.admin, password: 'wrong' } } } as never),
    });
    try {
      const r = await extractStep.run(ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.where?.field ?? '').toContain(emu.url.replace('http://', ''));
    } finally {
      ctx.cleanup();
    }
  });
});

describe('round trips of an extract', () => {
  /** Calls one extract makes on an emulator with `extra` more custom models (each with a field and no record). */
  async function callsWith(extra: number): Promise<number> {
    const emu = await startEmulator({ version: 17 });
    const ctx = makeCtx({ connect: async () => (client = await clientFor(emu)) });
    let client: OdooClient | undefined;
    try {
      for (let m = 0; m < extra; m++) {
        const model = `x_more_${m}`;
        const id = emu.store.insertRaw('ir.model', { name: `More ${m}`, model, state: 'manual', transient: false, order: 'id', info: '', modules: '' });
        emu.store.insertRaw('ir.model.fields', {
          name: 'x_name', model, model_id: id, field_description: 'Name', ttype: 'char', state: 'manual', store: true, required: false, readonly: false,
        });
      }
      const r = await extractStep.run(ctx);
      if (!r.ok) throw r.error;
      const doc = JSON.parse((await ctx.artifacts.read('extract.json')) ?? '{}') as { models: { model: string }[] };
      expect(doc.models.filter((m) => m.model.startsWith('x_more_'))).toHaveLength(extra);
      return client?.stats.calls ?? 0;
    } finally {
      emu.close();
      ctx.cleanup();
    }
  }

  test('do not grow with the number of custom models: their records are counted in the read of the models', async () => {
    const base = await callsWith(0);
    expect(await callsWith(40)).toBe(base);
  });
});
