/**
 * Emulator speed: 10,000 tasks read over XML-RPC and JSON-2 in pages of 2,000; 2,000 rows
 * written with one load() call; start-up with 300 custom models and 10,000 fields in the seed.
 */
import { performance } from 'node:perf_hooks';
import { emptySeed, startEmulator } from '../src/odoo/emulator/index.js';
import type { SeedData } from '../src/odoo/emulator/index.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { serializeMethodCall } = require('xmlrpc/lib/serializer') as { serializeMethodCall(m: string, p: unknown[]): string };

/** One execute_kw over raw HTTP: the request is serialized before the clock starts, the answer not parsed. */
async function rawKw(url: string, db: string, model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): Promise<[string, number]> {
  const xml = serializeMethodCall('execute_kw', [db, 2, 'admin', model, method, args, kwargs]);
  const t0 = performance.now();
  const res = await fetch(`${url}/xmlrpc/2/object`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: xml });
  const text = await res.text();
  return [text, performance.now() - t0];
}

const TASKS = 10_000;
const PAGE = 2_000;

function bigSeed(): SeedData {
  const seed = emptySeed(19);
  seed.records['project.project'] = [{ id: 1, name: 'Bench' }];
  seed.records['project.task'] = Array.from({ length: TASKS }, (_, i) => ({
    id: i + 1,
    name: `Task ${i + 1}`,
    project_id: 1,
    state: '01_in_progress',
    priority: String(i % 2),
    allocated_hours: i % 40,
    user_ids: [2],
    description: `<p>Description of task ${i + 1}</p>`,
  }));
  for (let m = 0; m < 300; m++) {
    const fields: SeedData['models'][string]['fields'] = { id: { type: 'integer', string: 'ID', readonly: true } };
    for (let f = 0; f < 33; f++) fields[`x_studio_f${f}`] = { type: 'char', string: `Field ${f}` };
    seed.models[`x_bench_${m}`] = { description: `Bench ${m}`, fields };
  }
  return seed;
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

export async function run(): Promise<void> {
  const [emu, startMs] = await time(() => startEmulator({ version: 19, seed: bigSeed() }));
  try {
    console.log(`bench emulator: start with 10,000 tasks + 300 models/9,900 fields = ${startMs.toFixed(0)} ms (target 1000 ms)`);
    const fields = ['name', 'project_id', 'stage_id', 'state', 'priority', 'allocated_hours', 'user_ids', 'description', 'write_date'];
    let xmlMs = 0;
    let xmlBytes = 0;
    for (let offset = 0; offset < TASKS; offset += PAGE) {
      const [text, ms] = await rawKw(emu.url, emu.db, 'project.task', 'search_read', [[]], { fields, limit: PAGE, offset, order: 'id' });
      xmlMs += ms;
      xmlBytes += text.length;
    }
    console.log(`bench emulator: xmlrpc serve 10,000 tasks in pages of ${PAGE} (${(xmlBytes / 1e6).toFixed(1)} MB) = ${xmlMs.toFixed(0)} ms (target 1000 ms)`);
    const [jsonRows, jsonMs] = await time(async () => {
      let n = 0;
      for (let offset = 0; offset < TASKS; offset += PAGE) {
        const res = await fetch(`${emu.url}/json/2/project.task/search_read`, {
          method: 'POST',
          headers: { Authorization: `bearer ${emu.users.admin.apiKey}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ domain: [], fields, limit: PAGE, offset, order: 'id' }),
        });
        n += ((await res.json()) as unknown[]).length;
      }
      return n;
    });
    console.log(`bench emulator: json2 read ${jsonRows} tasks in pages of ${PAGE} = ${jsonMs.toFixed(0)} ms (target 1000 ms)`);
    const rows = Array.from({ length: 2_000 }, (_, i) => [`bench.task_${i}`, `Loaded ${i}`, '__export__.bench_project', String(i % 8)]);
    emu.store.addXmlid('__export__', 'bench_project', 'project.project', 1);
    const loadArgs = [['id', 'name', 'project_id/id', 'allocated_hours'], rows];
    const [loaded, loadMs] = await rawKw(emu.url, emu.db, 'project.task', 'load', loadArgs, {});
    const created = emu.store.search('project.task', [['name', '=like', 'Loaded %']]).length;
    if (created !== rows.length || loaded.includes('<fault>')) throw new Error(`load failed: ${loaded.slice(0, 300)}`);
    console.log(`bench emulator: xmlrpc load ${created} new rows in 1 call = ${loadMs.toFixed(0)} ms (target 1000 ms)`);
    const [, reloadMs] = await rawKw(emu.url, emu.db, 'project.task', 'load', loadArgs, {});
    console.log(`bench emulator: xmlrpc load again (2,000 updates by external id) = ${reloadMs.toFixed(0)} ms (target 1000 ms)`);
    const mem = process.memoryUsage().heapUsed / 1024 / 1024;
    console.log(`bench emulator: heap after the runs = ${mem.toFixed(0)} MB (target 300 MB)`);
  } finally {
    await emu.close();
  }
}
