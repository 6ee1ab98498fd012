import type { CallRunner } from './call-runner.js';
import type { ErrorContext } from './error-context.js';
import { chunks, defined, READ_METHODS, RETRYABLE_METHODS } from './paging.js';
import { OdooError } from './errors.js';
import { probeCapabilities } from './capabilities.js';
import type { HttpAgent } from './transports/http.js';
import type { Transport } from './transports/types.js';
import type {
  CallOptions,
  Capabilities,
  Domain,
  FieldInfo,
  LoadResult,
  OdooClient,
  OdooRecord,
  SearchReadOptions,
  ServerVersion,
  VersionProfile,
  WhoAmI,
} from './types.js';

export interface ClientSettings {
  transport: Transport;
  runner: CallRunner;
  url: string;
  db: string;
  login: string;
  profile: VersionProfile;
  serverVersion: ServerVersion;
  /** Error context without model/method. */
  ctx: ErrorContext;
  http?: HttpAgent;
  pageSize?: number;
  /** Records per create call. */
  createBatch?: number;
  /** Rows per load call. */
  loadBatch?: number;
}

/** How a client opened on a kept session (connect.ts) checks it, and reports what it found. */
export interface AssumedSession {
  /** Asks the server's version (one call, no sign-in). */
  check(): Promise<ServerVersion>;
  /** The error every call fails with when the server now runs another major version. */
  changed(now: ServerVersion): Error;
  /** The kept session is wrong (a uid the server refused, another version): drop it. */
  forget(): Promise<void> | undefined;
  /** A call went through and the version matched: keep what changed (a minor version, a new uid). */
  confirmed(now: ServerVersion, uid: number | undefined): Promise<void> | undefined;
}

/** The OdooClient every step uses; transports differ only below `exec`. */
export class Client implements OdooClient {
  readonly transport;
  readonly url;
  readonly db;
  readonly profile;
  private uid: number | undefined;
  private who: WhoAmI | undefined;
  private caps: Promise<Capabilities> | undefined;
  /** Set while a kept session is not proven yet: the version asked beside the first calls. */
  private session: { hooks: AssumedSession; live: Promise<ServerVersion>; reauth?: Promise<number> } | undefined;
  private readonly pageSize: number;
  private readonly createBatch: number;
  private readonly loadBatch: number;

  constructor(private readonly s: ClientSettings) {
    this.transport = s.transport.name;
    this.url = s.url;
    this.db = s.db;
    this.profile = s.profile;
    this.pageSize = s.pageSize ?? 2000;
    this.createBatch = s.createBatch ?? 500;
    this.loadBatch = s.loadBatch ?? 500;
  }

  /** Drops the idle keep-alive connections (they never keep the process alive anyway). */
  close(): void {
    this.s.http?.close();
  }

  get stats(): { calls: number; retries: number } {
    return { ...this.s.runner.stats };
  }

  version(): Promise<ServerVersion> {
    return Promise.resolve(this.s.serverVersion);
  }

  /**
   * Opens on a uid kept from an earlier connection instead of signing in. The version is asked at
   * once, beside the first calls: nothing that writes is sent before it matches, and a read's
   * answer is only returned once it does. A call the server refuses for the uid signs in again
   * (which fails the usual way for a wrong secret) and is sent once more.
   */
  assume(uid: number | undefined, hooks: AssumedSession): void {
    // JSON-2 calls carry the key alone: its uid is asked only if someone wants it (whoami).
    if (uid !== undefined && this.s.transport.needsUid) {
      this.uid = uid;
      this.s.transport.assume(uid);
    }
    const live = hooks.check().then(async (now) => {
      if (now.major === this.s.serverVersion.major) return now;
      await hooks.forget();
      throw hooks.changed(now);
    });
    live.catch(() => undefined); // awaited by every call; a client that makes none must not crash
    this.session = { hooks, live };
  }

  async authenticate(opts: CallOptions = {}): Promise<number> {
    if (this.uid !== undefined) return this.uid;
    const ctx = { ...this.s.ctx, method: 'authenticate' };
    this.uid = await this.s.runner.run(ctx, { retry: true, signal: opts.signal, timeoutMs: opts.timeoutMs }, (call) =>
      this.s.transport.authenticate(call),
    );
    return this.uid;
  }

  async whoami(opts: CallOptions = {}): Promise<WhoAmI> {
    if (this.who) return this.who;
    const uid = await this.authenticate(opts);
    const [rec] = await this.read<OdooRecord & { login: string; name: string; lang: string; tz: string | false }>(
      'res.users',
      [uid],
      ['login', 'name', 'lang', 'tz'],
      opts,
    );
    this.who = { uid, login: rec?.login ?? this.s.login, name: rec?.name, db: this.db, lang: rec?.lang, tz: rec?.tz };
    return this.who;
  }

  /** One round trip; retried only for reads and load. */
  private async exec<T>(model: string, method: string, args: readonly unknown[], kwargs: Record<string, unknown>, opts: CallOptions): Promise<T> {
    if (this.s.transport.needsUid) await this.authenticate(opts);
    const kw = defined(kwargs);
    if (opts.context) kw['context'] = { ...(kw['context'] as Record<string, unknown> | undefined), ...opts.context };
    const ctx = { ...this.s.ctx, model, method, wire: this.s.transport.wireOf?.(method) };
    const retry = RETRYABLE_METHODS.has(method);
    const send = () =>
      this.s.runner.run(ctx, { retry, signal: opts.signal, timeoutMs: opts.timeoutMs }, async (call) =>
        (await this.s.transport.execute(model, method, args, kw, call)) as T,
      );
    const session = this.session;
    if (!session) return send();
    if (!READ_METHODS.has(method)) await session.live;
    let value: T;
    try {
      value = await send();
    } catch (e) {
      if (!(e instanceof OdooError) || e.kind !== 'auth' || this.session !== session) throw e;
      await this.signInAgain(session, opts);
      value = await send();
    }
    const now = await session.live;
    if (this.session === session) {
      this.session = undefined;
      await session.hooks.confirmed(now, this.uid);
    }
    return value;
  }

  /** Once for all the calls the kept uid failed: forget it, sign in (the real check of the secret). */
  private signInAgain(session: NonNullable<Client['session']>, opts: CallOptions): Promise<number> {
    session.reauth ??= (async () => {
      await session.hooks.forget();
      this.uid = undefined;
      return this.authenticate(opts);
    })();
    return session.reauth;
  }

  async searchRead<T extends OdooRecord = OdooRecord>(model: string, domain: Domain, opts: SearchReadOptions = {}): Promise<T[]> {
    const pageSize = Math.max(1, opts.pageSize ?? this.pageSize);
    const offset = opts.offset ?? 0;
    const wanted = opts.limit;
    if (wanted !== undefined && wanted <= 0) return [];
    // Paging needs a stable order; id is unique, so pages never overlap or skip.
    const order = opts.order ?? 'id';
    const fetch = (off: number, limit: number): Promise<T[]> =>
      this.exec<T[]>(model, 'search_read', [domain], { fields: opts.fields, offset: off, limit, order }, opts);

    const first = await fetch(offset, wanted !== undefined ? Math.min(wanted, pageSize) : pageSize);
    const out = [...first];
    if (first.length < pageSize || (wanted !== undefined && out.length >= wanted)) {
      opts.onProgress?.({ done: out.length, total: out.length, label: model });
      return out;
    }
    const count = await this.searchCount(model, domain, opts);
    const total = Math.min(Math.max(0, count - offset), wanted ?? Infinity);
    opts.onProgress?.({ done: out.length, total, label: model });
    while (out.length < total) {
      const page = await fetch(offset + out.length, Math.min(pageSize, total - out.length));
      out.push(...page);
      opts.onProgress?.({ done: out.length, total, label: model });
      if (page.length === 0) break;
    }
    return out;
  }

  async read<T extends OdooRecord = OdooRecord>(model: string, ids: readonly number[], fields?: readonly string[], opts: CallOptions = {}): Promise<T[]> {
    const out: T[] = [];
    for (const part of chunks(ids, this.pageSize)) {
      out.push(...(await this.exec<T[]>(model, 'read', [part], { fields }, opts)));
      opts.onProgress?.({ done: out.length, total: ids.length, label: model });
    }
    return out;
  }

  fieldsGet(model: string, attributes?: readonly string[], opts: CallOptions = {}): Promise<Record<string, FieldInfo>> {
    return this.exec(model, 'fields_get', [], { attributes }, opts);
  }

  searchCount(model: string, domain: Domain, opts: CallOptions = {}): Promise<number> {
    return this.exec(model, 'search_count', [domain], {}, opts);
  }

  async create(model: string, values: readonly Record<string, unknown>[], opts: CallOptions = {}): Promise<number[]> {
    const ids: number[] = [];
    for (const batch of chunks(values, this.createBatch)) {
      const res = await this.exec<number[] | number>(model, 'create', [batch], {}, opts);
      ids.push(...(Array.isArray(res) ? res : [res]));
      opts.onProgress?.({ done: ids.length, total: values.length, label: model });
    }
    return ids;
  }

  async write(model: string, ids: readonly number[], values: Record<string, unknown>, opts: CallOptions = {}): Promise<boolean> {
    if (ids.length === 0) return true;
    return this.exec<boolean>(model, 'write', [ids, values], {}, opts);
  }

  /**
   * Rows go in batches, each its own transaction. A batch with errors writes nothing: its rows
   * get `false` in `ids` while other batches keep their ids; message row numbers are global.
   */
  async load(model: string, fields: readonly string[], rows: readonly unknown[][], opts: CallOptions = {}): Promise<LoadResult> {
    const ids: (number | false)[] = [];
    const messages: LoadResult['messages'] = [];
    let start = 0;
    for (const batch of chunks(rows, this.loadBatch)) {
      const res = await this.exec<LoadResult>(model, 'load', [fields, batch], {}, opts);
      ids.push(...(Array.isArray(res.ids) ? res.ids : batch.map(() => false as const)));
      for (const m of res.messages ?? []) {
        messages.push({
          ...m,
          ...(typeof m.record === 'number' ? { record: m.record + start } : {}),
          ...(m.rows ? { rows: { from: m.rows.from + start, to: m.rows.to + start } } : {}),
        });
      }
      start += batch.length;
      opts.onProgress?.({ done: start, total: rows.length, label: model });
    }
    const failed = rows.length > 0 && ids.every((id) => id === false);
    return { ids: failed ? false : ids, messages };
  }

  async unlink(model: string, ids: readonly number[], opts: CallOptions = {}): Promise<boolean> {
    if (ids.length === 0) return true;
    return this.exec<boolean>(model, 'unlink', [ids], {}, opts);
  }

  call<T = unknown>(model: string, method: string, args: readonly unknown[], kwargs: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<T> {
    return this.exec<T>(model, method, args, kwargs, opts);
  }

  capabilities(opts: CallOptions = {}): Promise<Capabilities> {
    if (!this.caps) {
      this.caps = probeCapabilities(this, this.profile, opts);
      // A failed probe (e.g. cancelled) must not stick.
      this.caps.catch(() => {
        this.caps = undefined;
      });
    }
    return this.caps;
  }
}
