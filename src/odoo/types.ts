/**
 * The contract between the steps and Odoo. Steps see only this: never a transport, never a
 * version number (they ask the VersionProfile instead).
 */

/** Where and as whom to connect (from odoo-project-sync.toml and ODOO_URL/ODOO_DB/ODOO_USER). */
export interface ConnectionProfile {
  url: string;
  db?: string;
  user: string;
  transport?: 'auto' | 'xmlrpc' | 'json2';
  insecure?: boolean;
  timeoutMs?: number;
}

/** An Odoo domain: a list of terms and the prefix operators '&', '|', '!'. */
export type DomainTerm = readonly [string, string, unknown] | '&' | '|' | '!';
export type Domain = readonly DomainTerm[];

export type OdooRecord = Record<string, unknown> & { id: number };

/** Progress of a long call: done so far out of total (total unknown = undefined). */
export interface CallProgress {
  done: number;
  total?: number;
  label?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (p: CallProgress) => void;
  /** Extra Odoo context keys (merged over the client's default context). */
  context?: Record<string, unknown>;
  /** Per-call timeout in ms (the client has a default). */
  timeoutMs?: number;
}

export interface SearchReadOptions extends CallOptions {
  fields?: readonly string[];
  order?: string;
  limit?: number;
  offset?: number;
  /** Records per round trip when paging (default 2000). */
  pageSize?: number;
}

/** Result of Model.load(): ids (false where a row failed) and messages (errors are NOT raised). */
export interface LoadResult {
  ids: (number | false)[] | false;
  messages: LoadMessage[];
}
export interface LoadMessage {
  type: 'error' | 'warning' | string;
  message: string;
  record?: number;
  rows?: { from: number; to: number };
  field?: string;
  [key: string]: unknown;
}

export interface ServerVersion {
  /** e.g. "17.0" or "saas~18.3" */
  serverVersion: string;
  /** [major, minor, micro, releaselevel, serial, ...] as Odoo reports it */
  serverVersionInfo: readonly (number | string)[];
  serverSerie: string;
  protocolVersion?: number;
  /** Major series number parsed from the above, e.g. 17 or 18 for saas~18.3. */
  major: number;
}

export interface WhoAmI {
  uid: number;
  login: string;
  name?: string;
  db: string;
  lang?: string;
  tz?: string | false;
}

export type TransportName = 'xmlrpc' | 'json2';

export interface OdooClient {
  readonly transport: TransportName;
  readonly url: string;
  readonly db: string;
  readonly profile: VersionProfile;

  version(opts?: CallOptions): Promise<ServerVersion>;
  /** Authenticates (cached); throws OdooError kind 'auth' on a wrong login or secret. */
  authenticate(opts?: CallOptions): Promise<number>;
  whoami(opts?: CallOptions): Promise<WhoAmI>;

  /** Pages through the whole result unless `limit` is given. */
  searchRead<T extends OdooRecord = OdooRecord>(
    model: string,
    domain: Domain,
    opts?: SearchReadOptions,
  ): Promise<T[]>;
  read<T extends OdooRecord = OdooRecord>(
    model: string,
    ids: readonly number[],
    fields?: readonly string[],
    opts?: CallOptions,
  ): Promise<T[]>;
  fieldsGet(
    model: string,
    attributes?: readonly string[],
    opts?: CallOptions,
  ): Promise<Record<string, FieldInfo>>;
  searchCount(model: string, domain: Domain, opts?: CallOptions): Promise<number>;

  /** Creates many records in one call per batch; never retried. Returns ids in input order. */
  create(model: string, values: readonly Record<string, unknown>[], opts?: CallOptions): Promise<number[]>;
  write(model: string, ids: readonly number[], values: Record<string, unknown>, opts?: CallOptions): Promise<boolean>;
  /** Idempotent when rows carry external ids in an 'id' column; retried on network failure. */
  load(model: string, fields: readonly string[], rows: readonly unknown[][], opts?: CallOptions): Promise<LoadResult>;
  unlink(model: string, ids: readonly number[], opts?: CallOptions): Promise<boolean>;

  /** Any public method: positional args (ids first for record methods) and keyword args. */
  call<T = unknown>(
    model: string,
    method: string,
    args: readonly unknown[],
    kwargs?: Record<string, unknown>,
    opts?: CallOptions,
  ): Promise<T>;

  /** Cached per client: what the server has installed and what this user may do. */
  capabilities(opts?: CallOptions): Promise<Capabilities>;

  /** Round trips made so far (for benches and tests). */
  readonly stats: { calls: number; retries: number };

  /** Releases idle connections; optional because idle sockets never keep the process alive. */
  close?(): void;
}

export interface FieldInfo {
  type: string;
  string?: string;
  required?: boolean;
  readonly?: boolean;
  relation?: string;
  selection?: [string, string][] | false;
  [key: string]: unknown;
}

export interface Capabilities {
  milestones: boolean;
  knowledge: boolean;
  documentPage: boolean;
  baseAutomation: boolean;
  canReadAccessRights: boolean;
  canReadRules: boolean;
  canWriteProjects: boolean;
}

/** Everything that differs across Odoo 16, 17, 18 and 19. Steps ask this; they never compare versions. */
export interface VersionProfile {
  /** 16, 17, 18, 19 ... */
  readonly major: number;
  /** '17.0' style series for manifests: `<series>.1.0.0`. */
  readonly series: string;
  /** 'allocated_hours' (17+) or 'planned_hours' (<=16). */
  readonly taskHoursField: 'allocated_hours' | 'planned_hours';
  /** 'state' (17+) or 'kanban_state' (<=16). */
  readonly taskStateField: 'state' | 'kanban_state';
  /** Task state values per neutral status; undefined where the version has no such field value. */
  readonly taskStateValues: Readonly<Record<TaskStatusKind, string | undefined>>;
  /** 'tree' (<=17) or 'list' (18+), for view type and view_mode. */
  readonly listViewType: 'tree' | 'list';
  /** 'groups_id' (<=18) or 'group_ids' (19+) on res.users. */
  readonly userGroupsField: 'groups_id' | 'group_ids';
  /** 'category_id' (<=18) or 'privilege_id' (19+) on res.groups. */
  readonly groupCategoryField: 'category_id' | 'privilege_id';
  /** base.automation: one action_server_id (16) or many action_server_ids (17+). */
  readonly automationActionField: 'action_server_id' | 'action_server_ids';
  /** Task priority keys, low to high, e.g. ['0','1'] or ['0','1','2','3']. */
  readonly taskPriorityKeys: readonly string[];
  /** Milestones exist (16+); before that phases become tags. */
  readonly hasMilestones: boolean;
  /** `attrs`/`states` in views allowed (<=16). */
  readonly viewAttrsAllowed: boolean;
  /** JSON-2 API available (19+). */
  readonly hasJson2: boolean;
  /** project.project analytic field: 'analytic_account_id' (<=17) or 'account_id' (18+). */
  readonly projectAnalyticField: 'analytic_account_id' | 'account_id';
  /** Task deadline type: 'date' (<=16) or 'datetime' (17+). */
  readonly taskDeadlineType: 'date' | 'datetime';
  /**
   * Asking whether the user may do something on a model without raising: check_access_rights(op,
   * raise_exception=False) to 17; has_access(op) from 18, where the former logs a deprecation
   * warning per call and check_access (the warning's suggestion) is @api.private, not callable
   * over RPC (19's odoo/orm/models.py).
   */
  readonly accessCheck: 'check_access_rights' | 'has_access';
  /** ir.filters: shared when user_id is empty (<=18) or user_ids is empty (19+). */
  readonly filterUsersField: 'user_id' | 'user_ids';
  /** ir.cron numbercall/doall exist (<=17; removed in 18). */
  readonly cronHasNumbercall: boolean;
  /** mail.template reports: report_template (one, <=16) or report_template_ids (17+). */
  readonly mailTemplateReportField: 'report_template' | 'report_template_ids';
}

export type TaskStatusKind = 'done' | 'in_progress' | 'review' | 'pending' | 'blocked' | 'cancelled' | 'changes_requested' | 'approved';

export type OdooErrorKind =
  | 'auth'
  | 'access'
  | 'not-found'
  | 'validation'
  | 'missing-required'
  | 'unknown-field'
  | 'unknown-model'
  | 'server'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'not-odoo'
  | 'conflict'
  | 'cancelled';

/** The secret for a connection: from the environment or a hidden prompt, never from a file. */
export interface OdooSecret {
  password?: string;
  apiKey?: string;
  /**
   * Where each came from, as messages name it: "ODOO_PASSWORD", "the password in ODOO_URL",
   * "the password typed in the wizard". Defaults: "the password", "the API key".
   */
  sources?: { password?: string; apiKey?: string };
}

/**
 * src/odoo/index.ts exports:
 *   connect(profile: ConnectionProfile, secret: OdooSecret, opts?: ConnectOptions): Promise<OdooClient>
 *   class OdooError extends UserError { kind: OdooErrorKind; server: string }
 *   profileFor(major: number): VersionProfile
 */
export interface ConnectOptions {
  signal?: AbortSignal;
  /** Keep server tracebacks in error.detail. */
  debug?: boolean;
  /** Default per-call timeout (ms). */
  timeoutMs?: number;
  /** Bounded retries for reads and idempotent writes. */
  retries?: number;
  /** Called with one line per call when debugging; never receives a secret. */
  trace?: (line: string) => void;
  /** Called every few seconds while an answer is awaited, so a silent server is never silent to the user. */
  onWait?: (w: WaitInfo) => void;
  /** Something the user should know happened on the way (a retried write conflict, an old version). */
  onNotice?: (line: string) => void;
  /**
   * Where the server's version and the user id of earlier connections are kept (no secret): with
   * one for this server, database and login, connect() makes no call of its own (see KnownSession).
   */
  sessions?: SessionMemory;
}

/**
 * What a connection learned that is no secret and rarely changes: the server's version and the
 * user's id. Kept by the caller between runs, so the next connection skips `version` and
 * `authenticate` (on 17 with a password, authenticate hashes it with 600,000 PBKDF2 rounds). The
 * version is asked again beside the first calls and the uid is proven by them; a uid the server
 * refuses is forgotten and the user signed in again, the call then sent once more.
 */
export interface KnownSession {
  /** The server as connect() normalized it. */
  url: string;
  /** The database the profile names ('' when none: then `usedDb` was detected). */
  db: string;
  login: string;
  usedDb: string;
  serverVersion: ServerVersion;
  /** Signed in by login and password (XML-RPC); JSON-2 needs none, its key says who calls. */
  uid?: number;
}

export interface SessionMemory {
  recall(url: string, db: string, login: string): Promise<KnownSession | undefined>;
  remember(session: KnownSession): Promise<void>;
  forget(url: string, db: string, login: string): Promise<void>;
}

/** A call still waiting for its answer. */
export interface WaitInfo {
  /** e.g. "http://host:8069" */
  server: string;
  /** e.g. "project.task.search_read" or "version" */
  what: string;
  waitedMs: number;
  /** The total the call may take (timeout_ms), retries included. */
  timeoutMs: number;
}
