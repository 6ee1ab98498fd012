import { startEmulator } from '../src/odoo/emulator/index.js';
import { connect } from '../src/odoo/index.js';
import type { TransportName } from '../src/odoo/types.js';

const READ = 10_000;
const WRITE = 2_000;

interface Target {
  version: 17 | 19;
  transport: TransportName;
}

const TARGETS: readonly Target[] = [
  { version: 17, transport: 'xmlrpc' },
  { version: 19, transport: 'xmlrpc' },
  { version: 19, transport: 'json2' },
];

/** Reads 10,000 records and writes 2,000 (create lists, then load) through each transport. */
export async function run(): Promise<void> {
  for (const t of TARGETS) {
    const emu = await startEmulator({ version: t.version, seed: 'empty' });
    try {
      // Seed the store directly: the bench measures the client, not the emulator's create().
      for (let i = 0; i < READ; i++) emu.store.insertRaw('res.partner', { name: `Bench partner ${i}`, email: `p${i}@example.com` });
      const secret = t.transport === 'json2' ? { apiKey: emu.users.admin.apiKey } : { password: emu.users.admin.password };
      const client = await connect({ url: emu.url, user: 'admin', transport: t.transport }, secret);
      const label = `${t.transport} on ${t.version}`;

      let calls = client.stats.calls;
      let started = performance.now();
      const rows = await client.searchRead('res.partner', [['name', '=like', 'Bench partner %']], { fields: ['name', 'email'] });
      report(label, `read ${rows.length} records`, client.stats.calls - calls, performance.now() - started, READ / 1000);

      calls = client.stats.calls;
      started = performance.now();
      const ids = await client.create('project.tags', Array.from({ length: WRITE }, (_, i) => ({ name: `bench-create-${i}` })));
      report(label, `create ${ids.length} records`, client.stats.calls - calls, performance.now() - started, WRITE / 500);

      calls = client.stats.calls;
      started = performance.now();
      const loaded = await client.load(
        'project.tags',
        ['id', 'name'],
        Array.from({ length: WRITE }, (_, i) => [`odoo_project_sync_bench.tag_${i}`, `bench-load-${i}`]),
      );
      const written = Array.isArray(loaded.ids) ? loaded.ids.filter((id) => id !== false).length : 0;
      report(label, `load ${written} records`, client.stats.calls - calls, performance.now() - started, WRITE / 500);
    } finally {
      await emu.close();
    }
  }
}

function report(label: string, what: string, calls: number, ms: number, maxCalls: number): void {
  console.log(`bench odoo: ${label} ${what} round trips = ${calls} calls (target <= ${maxCalls})`);
  console.log(`bench odoo: ${label} ${what} time = ${Math.round(ms)} ms (target none)`);
}
