#!/usr/bin/env node
/**
 * Proves the generated modules on a real Odoo, the way a careful integrator would:
 *   1. installs them into a copy of the customized database and checks that no row, link, message,
 *      visible record or automation result changed (a before/after snapshot, compared by database id,
 *      so renamed models and fields are followed), and that every extracted model and field is now
 *      the module's;
 *   2. runs -u and checks it changes nothing (the snapshot and every record of the modules);
 *   3. uninstalls them and checks the customizations are Studio's again, with the data intact;
 *   4. installs them on a fresh database.
 * Prints every difference; exits 0 when there is none, 1 otherwise, 2 on bad usage.
 *
 *   node scripts/prove.mjs --odoo-bin /opt/odoo/odoo-bin --config /etc/odoo.conf --addons-path /opt/odoo/addons \
 *     --db customer_db [--workspace .] [--user demo] [--createdb createdb] [--dropdb dropdb] [--keep] [--only copy,fresh]
 *
 * --odoo-bin is the command that runs odoo-bin, without options (e.g. "docker exec -i odoo odoo"); --createdb/--dropdb the
 * PostgreSQL client commands (connection from PGHOST, PGUSER, PGPASSWORD...). Nothing here is Odoo code:
 * the snapshot is read through `odoo-bin shell` by scripts/prove-snapshot.py, and rolled back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const usage = 'usage: node scripts/prove.mjs --odoo-bin "<command>" [--config odoo.conf] --addons-path <odoo addons,...> --db <customized database> [--workspace DIR] [--user demo] [--createdb CMD] [--dropdb CMD] [--keep] [--only copy,fresh] [--fresh-template DB]';

let args;
try {
  args = parseArgs({
    options: {
      'odoo-bin': { type: 'string' }, 'addons-path': { type: 'string' }, config: { type: 'string' }, db: { type: 'string' }, workspace: { type: 'string', default: '.' },
      user: { type: 'string', default: 'demo' }, createdb: { type: 'string', default: 'createdb' }, dropdb: { type: 'string', default: 'dropdb' },
      keep: { type: 'boolean', default: false }, 'fresh-template': { type: 'string' }, only: { type: 'string', default: 'copy,fresh' }, help: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
for (const k of ['odoo-bin', 'addons-path', 'db']) {
  if (!args[k]) {
    console.error(`--${k} is missing\n${usage}`);
    process.exit(2);
  }
}
const ws = resolve(args.workspace);
const extractPath = join(ws, 'extract.json');
const modulesDir = join(ws, 'modules');
if (!existsSync(extractPath) || !existsSync(modulesDir)) {
  console.error(`${ws}: needs extract.json and modules/ (run the extract and generate steps first)`);
  process.exit(2);
}
const extract = JSON.parse(readFileSync(extractPath, 'utf8'));
const modules = readdirSync(modulesDir).filter((m) => existsSync(join(modulesDir, m, '__manifest__.py'))).sort();
const words = (s) => s.split(/\s+/).filter((w) => w !== '');
const odoo = words(args['odoo-bin']);
// Odoo takes its subcommand (shell) right after the program, before any option.
const addons = [...(args.config ? ['-c', args.config] : []), `--addons-path=${modulesDir},${args['addons-path']}`];
const differences = [];
const results = [];

function run(cmd, input) {
  const r = spawnSync(cmd[0], cmd.slice(1), { input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd[0]}: ${r.error.message}`);
  return r;
}

function odooRun(db, extra) {
  const r = run([...odoo, '-d', db, ...addons, '--no-http', '--stop-after-init', '--logfile=/dev/stderr', ...extra]);
  const log = `${r.stdout}\n${r.stderr}`;
  const errors = log.split('\n').filter((l) => / (ERROR|CRITICAL) /.test(l) || l.startsWith('Traceback'));
  return { ok: r.status === 0 && errors.length === 0, errors, log };
}

function snapshot(db, params) {
  const script = `PARAMS = ${JSON.stringify(JSON.stringify(params))}\n${readFileSync(join(here, 'prove-snapshot.py'), 'utf8')}`;
  const r = run([...odoo, 'shell', '-d', db, ...addons, '--no-http', '--logfile=/dev/stderr', '--log-level=warn'], script);
  const line = r.stdout.split('\n').find((l) => l.startsWith('PROVE-SNAPSHOT '));
  if (!line) throw new Error(`odoo-bin shell on ${db} printed no snapshot:\n${r.stderr.slice(-3000)}`);
  return JSON.parse(line.slice('PROVE-SNAPSHOT '.length));
}

const paramsFrom = (snap) => ({
  models: [], fields: [], model_ids: Object.keys(snap.models).map(Number), field_ids: Object.keys(snap.fields).map(Number),
  copy_models: [...new Set([...Object.values(snap.models).map((m) => m.model), ...extract.automations.map((a) => a.model)])],
  user: args.user, modules,
  // Studio external ids of the records extract.json holds: after install, none may be left in Studio.
  studio_ids: Object.values(extract).filter(Array.isArray).flat()
    .map((r) => (typeof r?.key === 'string' && typeof r?.xmlid === 'string' ? r.xmlid : '')).filter((x) => x.startsWith('studio_customization.')).map((x) => x.slice(x.indexOf('.') + 1)),
});

/** Compares two snapshots of the same database by id; `renamed` allows names and states to change. */
function compare(stage, a, b, { renamed, state, records }) {
  const diff = (what) => differences.push(`${stage}: ${what}`);
  const modelNow = new Map(Object.entries(a.models).map(([id, m]) => [m.model, b.models[id]?.model ?? m.model]));
  const mapModel = (m) => modelNow.get(m) ?? m;
  for (const [id, m] of Object.entries(a.models)) {
    const n = b.models[id];
    if (!n) diff(`model ${m.model} (id ${id}) is gone`);
    else {
      if (!renamed && n.model !== m.model) diff(`model ${m.model} is now ${n.model}`);
      if (state && n.state !== state) diff(`model ${n.model} is ${n.state}, expected ${state}`);
    }
  }
  for (const [id, f] of Object.entries(a.fields)) {
    const g = b.fields[id];
    if (!g) {
      diff(`field ${f.model}.${f.name} (id ${id}) is gone`);
      continue;
    }
    if (state && g.state !== state) diff(`field ${g.model}.${g.name} is ${g.state}, expected ${state}`);
    for (const k of Object.keys(f)) {
      if (['name', 'model', 'state'].includes(k) && (renamed || k === 'state')) continue;
      // Reflection rewrites the attributes of the module's own fields; relation follows model renames.
      const before = k === 'relation' && f[k] ? mapModel(f[k]) : f[k];
      if (before !== g[k] && (records || ['ttype', 'relation', 'relation_table', 'column1', 'column2', 'store', 'label'].includes(k))) {
        diff(`field ${g.model}.${g.name}: ${k} was ${JSON.stringify(f[k])}, now ${JSON.stringify(g[k])}`);
      }
    }
  }
  const rowsA = Object.entries(a.rows);
  for (const [key, values] of rowsA) {
    const [model, id] = key.split('#');
    const other = b.rows[`${mapModel(model)}#${id}`];
    if (!other) {
      diff(`row ${key} is gone`);
      continue;
    }
    for (const [fid, v] of Object.entries(values)) if (other[fid] !== v) diff(`row ${key}, field ${a.fields[fid]?.name}: ${JSON.stringify(v)} -> ${JSON.stringify(other[fid])}`);
  }
  if (Object.keys(b.rows).length !== rowsA.length) diff(`${rowsA.length} rows before, ${Object.keys(b.rows).length} after`);
  for (const [fid, l] of Object.entries(a.links)) if (JSON.stringify(b.links[fid]) !== JSON.stringify(l)) diff(`many2many links of ${a.fields[fid]?.name} changed`);
  for (const [k, n] of Object.entries(a.counts)) {
    const [table, model] = k.split(' ');
    if (b.counts[`${table} ${mapModel(model)}`] !== n) diff(`${table} of ${model}: ${n} before, ${b.counts[`${table} ${mapModel(model)}`] ?? 0} after`);
  }
  for (const [model, ids] of Object.entries(a.visible)) {
    if (JSON.stringify(b.visible[mapModel(model)]) !== JSON.stringify(ids)) diff(`user ${args.user} sees ${JSON.stringify(b.visible[mapModel(model)])} of ${mapModel(model)}, before ${JSON.stringify(ids)}`);
  }
  for (const [model, c] of Object.entries(a.copies)) {
    const d = b.copies[mapModel(model)];
    if (typeof c === 'string' || typeof d === 'string') {
      if (c !== d) diff(`copying a ${mapModel(model)}: ${short(d)}, before ${short(c)}`);
      continue;
    }
    for (const fid of new Set([...Object.keys(c), ...Object.keys(d ?? {})])) {
      // Sequence numbers are consumed by every copy (PostgreSQL sequences ignore rollbacks): compare text without digits.
      const masked = (v) => (typeof v === 'string' && v.startsWith('"') ? v.replace(/[0-9]+/g, '#') : v);
      if (masked(c[fid]) !== masked(d?.[fid])) diff(`copying a ${mapModel(model)}: ${b.fields[fid]?.name ?? a.fields[fid]?.name} is ${short(d?.[fid])}, before ${short(c[fid])}`);
    }
  }
  if (records) {
    for (const [x, r] of Object.entries(a.records)) {
      const o = b.records[x];
      if (JSON.stringify(o) === JSON.stringify(r)) continue;
      if (!o || !r.values || !o.values || r.values === 'missing' || o.values === 'missing') diff(`record ${x}: ${short(o)}, before ${short(r)}`);
      else {
        const [va, vb] = [JSON.parse(r.values), JSON.parse(o.values)];
        // arch_prev is Odoo's own copy of the previous arch, rewritten by every load.
        for (const k of Object.keys(va)) if (k !== 'arch_prev' && JSON.stringify(va[k]) !== JSON.stringify(vb[k])) diff(`record ${x}: ${k} is ${short(vb[k])}, before ${short(va[k])}`);
      }
    }
    for (const x of Object.keys(b.records)) if (!a.records[x]) diff(`record ${x} appeared`);
  }
}

const short = (v) => {
  const t = typeof v === 'string' ? v : JSON.stringify(v);
  return t === undefined ? 'nothing' : t.length > 300 ? `${t.slice(0, 300)}...` : t;
};

function step(name, fn) {
  const before = differences.length;
  try {
    fn();
  } catch (e) {
    differences.push(`${name}: ${e.message}`);
  }
  results.push([name, differences.length === before ? 'ok' : `${differences.length - before} difference(s)`]);
  console.log(`${name}: ${results[results.length - 1][1]}`);
}

function install(db, flag) {
  const r = odooRun(db, [flag, modules.join(',')]);
  if (!r.ok) throw new Error(`odoo-bin ${flag} ${modules.join(',')} failed on ${db}:\n${(r.errors.length ? r.errors : [r.log.slice(-3000)]).join('\n')}`);
}

const only = new Set(args.only.split(','));
const copyDb = `${args.db}_prove_copy`;
const freshDb = `${args.db}_prove_fresh`;
const dropdb = (db) => run([...words(args.dropdb), '--if-exists', db]);
let installed;
if (only.has('copy')) {
  dropdb(copyDb);
  const c = run([...words(args.createdb), '-T', args.db, copyDb]);
  if (c.status !== 0) {
    console.error(`could not copy ${args.db}: ${c.stderr}`);
    process.exit(2);
  }
  const studio = snapshot(copyDb, { ...paramsFrom({ models: {}, fields: {} }), models: extract.models.map((m) => m.model), fields: extract.fields.map((f) => [f.model, f.name]) });
  const n = (o) => Object.keys(o).length;
  console.log(`snapshot of ${args.db}: ${n(studio.models)} models, ${n(studio.fields)} fields, ${n(studio.rows)} rows, ${n(studio.links)} many2many fields, ${Object.values(studio.counts).reduce((x, y) => x + y, 0)} messages/followers/activities/attachments/filters, visible to ${args.user}: ${Object.entries(studio.visible).map(([m, v]) => `${m} ${Array.isArray(v) ? v.length : v}`).join(', ')}; copies: ${Object.keys(studio.copies).join(', ')}`);
  for (const f of extract.fields) if (!Object.values(studio.fields).some((g) => g.model === f.model && g.name === f.name)) differences.push(`source: field ${f.model}.${f.name} of extract.json is not in ${args.db}`);
  const params = paramsFrom(studio);
  step('install into a copy (rows lost or changed)', () => {
    install(copyDb, '-i');
    installed = snapshot(copyDb, params);
    compare('install into a copy', studio, installed, { renamed: true, state: 'base', records: false });
    for (const x of installed.studio_left) differences.push(`install into a copy: studio_customization.${x} was not taken over by a module`);
  });
  step('-u is a no-op', () => {
    if (!installed) throw new Error('not run: the install failed');
    install(copyDb, '-u');
    compare('-u', installed, snapshot(copyDb, params), { renamed: false, records: true });
  });
  step('uninstall returns to Studio', () => {
    if (!installed) throw new Error('not run: the install failed');
    const r = run([...odoo, 'shell', '-d', copyDb, ...addons, '--no-http', '--logfile=/dev/stderr', '--log-level=warn'],
      `env['ir.module.module'].search([('name', 'in', ${JSON.stringify(modules)})]).button_immediate_uninstall()\nenv.cr.commit()\n`);
    if (r.status !== 0) throw new Error(`uninstall failed: ${r.stderr.slice(-3000)}`);
    compare('uninstall', studio, snapshot(copyDb, { ...params, modules: [] }), { renamed: false, state: 'manual', records: false });
  });
  if (!args.keep) dropdb(copyDb);
}
if (only.has('fresh')) {
  step('install on a fresh database', () => {
    dropdb(freshDb);
    // A template with Odoo's apps already installed saves minutes; without one Odoo creates the database.
    if (args['fresh-template']) run([...words(args.createdb), '-T', args['fresh-template'], freshDb]);
    install(freshDb, '-i');
    if (installed) {
      const names = { models: Object.values(installed.models).map((m) => m.model), fields: Object.values(installed.fields).map((f) => [f.model, f.name]) };
      const fresh = snapshot(freshDb, { ...paramsFrom({ models: {}, fields: {} }), ...names });
      const key = (f) => `${f.model}.${f.name} ${f.ttype} ${f.state}`;
      const want = new Set(Object.values(installed.fields).map(key));
      const got = new Set(Object.values(fresh.fields).map(key));
      for (const k of want) if (!got.has(k)) differences.push(`fresh: field ${k} is missing`);
      for (const x of Object.keys(installed.records)) if (!fresh.records[x]) differences.push(`fresh: record ${x} is missing`);
    }
  });
  if (!args.keep) dropdb(freshDb);
}
console.log('');
for (const [name, r] of results) console.log(`${r === 'ok' ? 'PASS' : 'FAIL'}  ${name}: ${r}`);
for (const d of differences) console.log(`  - ${d}`);
process.exit(differences.length === 0 ? 0 : 1);
