/**
 * Steps 1-3 at scale: an emulator database with 300 Studio models and 10,000 Studio fields.
 * Prints extract time and round trips (target: <= 30 calls, < 10 s) and generation time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/odoo/emulator/index.js';
import { connect } from '../src/odoo/index.js';
import type { OdooClient } from '../src/odoo/types.js';
import { createArtifactStore } from '../src/state/artifact-store.js';
import { extractStep } from '../src/steps/extract/index.js';
import { generateStep } from '../src/steps/generate/index.js';
import type { StepContext } from '../src/steps/types.js';

const MODELS = 300;
const FIELDS = 10_000;
const TYPES = ['char', 'integer', 'float', 'boolean', 'date', 'text', 'selection', 'many2one'] as const;

type Store = { insertRaw(model: string, row: Record<string, unknown>): number; addXmlid(m: string, n: string, model: string, id: number, noupdate?: boolean): number };

export function seedStudio(store: Store): void {
  const modelIds: number[] = [];
  for (let m = 0; m < MODELS; m++) {
    const model = `x_bench_${m}`;
    const id = store.insertRaw('ir.model', {
      name: `Bench ${m}`, model, state: 'manual', transient: false, order: 'id', info: '', is_mail_thread: false, is_mail_activity: false, modules: 'studio_customization',
    });
    modelIds.push(id);
    store.addXmlid('studio_customization', `${model}_model`, 'ir.model', id, true);
    const action = store.insertRaw('ir.actions.act_window', { name: `Bench ${m}`, res_model: model, view_mode: 'tree,form', target: 'current', limit: 80, context: '{}', domain: false, help: false, xml_id: `studio_customization.${model}_action` });
    store.addXmlid('studio_customization', `${model}_action`, 'ir.actions.act_window', action, true);
    const menu = store.insertRaw('ir.ui.menu', { name: `Bench ${m}`, sequence: m, parent_id: false, action: `ir.actions.act_window,${action}`, web_icon: false });
    store.addXmlid('studio_customization', `${model}_menu`, 'ir.ui.menu', menu, true);
    const access = store.insertRaw('ir.model.access', { name: `${model} user`, model_id: [id, `Bench ${m}`], group_id: false, perm_read: true, perm_write: true, perm_create: true, perm_unlink: false, active: true });
    store.addXmlid('studio_customization', `${model}_access`, 'ir.model.access', access, true);
  }
  for (let f = 0; f < FIELDS; f++) {
    const m = f % MODELS;
    const model = `x_bench_${m}`;
    const ttype = TYPES[f % TYPES.length];
    const name = f < MODELS ? 'x_name' : `x_studio_field_${f}`;
    const id = store.insertRaw('ir.model.fields', {
      name, model, model_id: [modelIds[m], `Bench ${m}`], field_description: `Field ${f}`, ttype,
      relation: ttype === 'many2one' ? 'res.partner' : false, relation_field: false, relation_table: false, column1: false, column2: false,
      required: false, readonly: false, store: true, index: false, copied: true, translate: false, tracking: 0, on_delete: ttype === 'many2one' ? 'set null' : false,
      domain: '[]', compute: false, depends: false, related: false, help: false, size: 0, currency_field: false, groups: [], selection_ids: [], state: 'manual',
    });
    store.addXmlid('studio_customization', `${model}_field_${name}`, 'ir.model.fields', id, true);
    if (ttype === 'selection') {
      for (const [i, v] of ['a', 'b'].entries()) store.insertRaw('ir.model.fields.selection', { field_id: [id, `Field ${f}`], value: v, name: v.toUpperCase(), sequence: i });
    }
  }
}

function context(root: string, client: () => Promise<OdooClient>): StepContext {
  return {
    config: { source: 'database', addons: [], sections: {} },
    artifacts: createArtifactStore(root),
    signal: new AbortController().signal,
    progress: () => undefined,
    connect: client,
    log: () => undefined,
    ask: async (q) => q.defaultValue,
    dryRun: false,
    assumeYes: false,
  };
}

const TARGETS = [
  { version: 17, transport: 'xmlrpc' },
  { version: 19, transport: 'json2' },
] as const;

export async function run(): Promise<void> {
  for (const t of TARGETS) await runOne(t.version, t.transport);
}

async function runOne(version: 17 | 19, transport: 'xmlrpc' | 'json2'): Promise<void> {
  const emu = await startEmulator({ version });
  const root = mkdtempSync(join(tmpdir(), 'bench-extract-'));
  const label = `${transport} on ${version}`;
  try {
    seedStudio(emu.store as unknown as Store);
    let client: OdooClient | undefined;
    const secret = transport === 'json2' ? { apiKey: emu.users.admin.apiKey } : { password: emu.users.admin.password };
    const ctx = context(root, async () => {
      client = await connect({ url: emu.url, db: emu.db, user: 'admin', transport }, secret);
      return client;
    });
    let started = performance.now();
    const r = await extractStep.run(ctx);
    const extractMs = performance.now() - started;
    if (!r.ok) throw r.error;
    console.log(`bench extract: ${label}, ${MODELS} models + ${FIELDS} fields, extract time = ${(extractMs / 1000).toFixed(2)} s (target < 10 s; emulator runs in this process)`);
    console.log(`bench extract: ${label}, round trips = ${client?.stats.calls ?? 0} calls (target <= 30)`);
    started = performance.now();
    const g = await generateStep.run(ctx);
    const genMs = performance.now() - started;
    if (!g.ok) throw g.error;
    console.log(`bench extract: ${label}, generate time = ${(genMs / 1000).toFixed(2)} s for ${g.value.summary} (target < 10 s)`);
  } finally {
    await emu.close();
    if (process.env.KEEP_BENCH) console.log(root);
    else rmSync(root, { recursive: true, force: true });
  }
}
