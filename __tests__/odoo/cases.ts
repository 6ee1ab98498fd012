import { connect, OdooError } from '../../src/odoo/index.js';
import type { CallProgress, OdooClient, OdooSecret, TransportName } from '../../src/odoo/types.js';
import type { ConnectionProfile } from '../../src/steps/types.js';

/**
 * Client cases shared by the emulator suite (integration.test.ts) and the live suite
 * (__tests__/live/odoo.live.test.ts). They create their own records (project.tags with a
 * run-unique prefix) and unlink them in afterAll, so they are safe on a real database.
 */
export interface CaseTarget {
  profile: ConnectionProfile;
  secret: OdooSecret;
  /** The transport connect() must pick; by default JSON-2 on 19+ with an API key, else XML-RPC. */
  expectTransport?: TransportName;
  expectMajor?: number;
  /** A user without project rights, when the target has one. */
  restricted?: { login: string; secret: OdooSecret };
}

const NS = 'odoo_project_sync_test';

async function failure(p: Promise<unknown>): Promise<OdooError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof OdooError)) throw new Error(`expected an OdooError, got ${String(e)}`);
  return e;
}

export function describeClientCases(title: string, target: () => Promise<CaseTarget>): void {
  describe(title, () => {
    let t: CaseTarget;
    let client: OdooClient;
    const run = `ops${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const created: number[] = [];

    beforeAll(async () => {
      t = await target();
      client = await connect(t.profile, t.secret, { retryDelayMs: 5 });
    });

    afterAll(async () => {
      if (!client) return;
      const leftovers = await client.searchRead('project.tags', [['name', '=like', `${run}%`]], { fields: ['id'] });
      const ids = [...new Set([...created, ...leftovers.map((r) => r.id)])];
      if (ids.length) await client.unlink('project.tags', ids);
    });

    test('connect detects the version, picks the transport and authenticates', async () => {
      const auto: TransportName = client.profile.hasJson2 && t.secret.apiKey && t.profile.transport !== 'xmlrpc' ? 'json2' : 'xmlrpc';
      expect(client.transport).toBe(t.expectTransport ?? auto);
      const v = await client.version();
      if (t.expectMajor) expect(v.major).toBe(t.expectMajor);
      expect(client.profile.major).toBe(v.major);
      const me = await client.whoami();
      expect(me.login).toBe(t.profile.user);
      expect(me.uid).toBeGreaterThan(0);
    });

    test('fieldsGet names the task hours field the version profile promises', async () => {
      const fields = await client.fieldsGet('project.task', ['type', 'string', 'required']);
      expect(fields[client.profile.taskHoursField]?.type).toBe('float');
      expect(fields['name']?.required).toBe(true);
    });

    test('create a list, read, page, count, write and unlink records', async () => {
      const names = Array.from({ length: 5 }, (_, i) => `${run}-tag-${i}`);
      const progress: CallProgress[] = [];
      const ids = await client.create('project.tags', names.map((name) => ({ name })), { onProgress: (p) => progress.push(p) });
      created.push(...ids);
      expect(ids).toHaveLength(5);
      expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });

      const domain = [['name', '=like', `${run}-tag-%`]] as const;
      const paged: CallProgress[] = [];
      const rows = await client.searchRead<{ id: number; name: string }>('project.tags', domain, {
        fields: ['name'],
        pageSize: 2,
        onProgress: (p) => paged.push(p),
      });
      expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
      expect(paged.at(-1)).toMatchObject({ done: 5, total: 5 });
      expect(await client.searchCount('project.tags', domain)).toBe(5);
      expect(await client.searchRead('project.tags', domain, { limit: 3 })).toHaveLength(3);

      const read = await client.read<{ id: number; name: string }>('project.tags', [ids[0] as number], ['name']);
      expect(read).toEqual([{ id: ids[0], name: names[0] }]);
      expect(await client.write('project.tags', [ids[0] as number], { name: `${run}-renamed` })).toBe(true);
      expect((await client.read<{ id: number; name: string }>('project.tags', [ids[0] as number], ['name']))[0]?.name).toBe(`${run}-renamed`);

      expect(await client.unlink('project.tags', ids)).toBe(true);
      expect(await client.read('project.tags', ids, ['name'])).toEqual([]);
    });

    test('load with external ids is idempotent and reports bad rows in messages', async () => {
      const fields = ['id', 'name'];
      const rows = [
        [`${NS}.${run}_a`, `${run}-load-a`],
        [`${NS}.${run}_b`, `${run}-load-b`],
      ];
      const first = await client.load('project.tags', fields, rows);
      expect(first.messages).toEqual([]);
      expect(Array.isArray(first.ids) && first.ids.every((id) => typeof id === 'number')).toBe(true);
      created.push(...(first.ids as number[]));
      const second = await client.load('project.tags', fields, rows);
      expect(second.ids).toEqual(first.ids);

      const bad = await client.load('project.tags', ['id', 'name', 'color'], [[`${NS}.${run}_c`, `${run}-load-c`, 'not-a-number']]);
      expect(bad.ids).toBe(false);
      expect(bad.messages[0]).toMatchObject({ type: 'error', field: 'color' });
    });

    test('call() reaches any public method', async () => {
      const ids = await client.call<number[]>('project.tags', 'search', [[['name', '=like', `${run}-load-%`]]]);
      expect(ids).toHaveLength(2);
    });

    test('an unknown model, an unknown field and a missing required field each get their own error', async () => {
      const model = await failure(client.searchRead('x_no_such_model', []));
      expect(model.kind).toBe('unknown-model');
      expect(model.message).toMatch(/no model 'x_no_such_model'/);

      const field = await failure(client.create('project.tags', [{ name: `${run}-bad`, x_no_such_field: 1 }]));
      expect(field.kind).toBe('unknown-field');
      expect(field.odooField).toBe('x_no_such_field');

      const required = await failure(client.create('project.project', [{ description: 'no name' }]));
      expect(required.kind).toBe('missing-required');
      expect(required.odooField).toBe('name');
    });

    test('a missing record reads as nothing', async () => {
      const [id] = await client.create('project.tags', [{ name: `${run}-ghost` }]);
      await client.unlink('project.tags', [id as number]);
      expect(await client.read('project.tags', [id as number], ['name'])).toEqual([]);
    });

    test('a wrong secret is refused with a plain message naming login and database', async () => {
      const wrong: OdooSecret = t.secret.apiKey ? { apiKey: 'wrong-key-0000' } : { password: 'wrong-password' };
      const e = await failure(connect(t.profile, wrong, { retries: 0 }));
      expect(e.kind).toBe('auth');
      expect(e.message).toMatch(/^Odoo refused the (login|API key)/);
      expect(e.hint).toMatch(/Account Security/);
    });

    test('a user without project rights gets an access error, and capabilities say so', async () => {
      if (!t.restricted) return;
      const other = await connect({ ...t.profile, user: t.restricted.login }, t.restricted.secret, { retries: 0 });
      const e = await failure(other.write('project.project', [1], { name: 'hacked' }));
      expect(e.kind).toBe('access');
      expect((await other.capabilities()).canWriteProjects).toBe(false);
    });

    test('capabilities are asked once and cached', async () => {
      const caps = await client.capabilities();
      expect(caps.canWriteProjects).toBe(true);
      expect(caps.milestones).toBe(client.profile.hasMilestones);
      const calls = client.stats.calls;
      await client.capabilities();
      expect(client.stats.calls).toBe(calls);
    });

    test('a cancelled call sends nothing and says cancelled', async () => {
      const ac = new AbortController();
      ac.abort();
      const calls = client.stats.calls;
      const e = await failure(client.searchRead('project.tags', [], { signal: ac.signal }));
      expect(e.kind).toBe('cancelled');
      expect(client.stats.calls).toBe(calls);
    });
  });
}
