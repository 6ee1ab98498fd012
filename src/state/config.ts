import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import * as z from './zod-mini.js';
import { err, ok, type Result } from '../core/result.js';
import { splitUrlCredentials } from '../core/url-credentials.js';
import { fsTrouble } from '../core/fs-error.js';
import { UserError } from '../core/user-error.js';
import type { WorkspaceConfig } from '../steps/types.js';
import { isNotFound } from './artifact-store.js';
import { didYouMean } from '../core/did-you-mean.js';
import { CONFIG_FILE } from '../steps/types.js';
import { tomlSyntaxMessage } from '../core/toml-error.js';

/** What the file may hold: anything else is a typo whose settings would be silently ignored. */
const KNOWN_KEYS: readonly string[] = ['source', 'addons', 'connection', 'estimate', 'todo', 'sync'];

/** Keys that would hold a secret: refused wherever they appear in the file. */
const SECRET_KEY = /^(password|passwd|api[_-]?key|apikey|secret|token)$/i;

const connectionSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  db: z.optional(z.string().check(z.minLength(1))),
  user: z.string().check(z.minLength(1, 'must name the login')),
  transport: z.optional(z.enum(['auto', 'xmlrpc', 'json2'])),
  insecure: z.optional(z.boolean()),
  timeout_ms: z.optional(z.int().check(z.positive())),
});

const configSchema = z
  .catchall(
    z.object({
      source: z.enum(['database', 'source']),
      addons: z._default(z.array(z.string().check(z.minLength(1))), []),
      connection: z.optional(connectionSchema),
    }),
    z.unknown(),
  )
  .check(
    z.refine((c) => c.source !== 'database' || c.connection !== undefined, {
      path: ['connection'],
      error: 'a database workspace needs a [connection] table with url and user',
    }),
    z.refine((c) => c.source !== 'source' || c.addons.length > 0, {
      path: ['addons'],
      error: 'a source-code workspace needs at least one addons path',
    }),
  );

/** How a key's value is written in TOML, for the message: the examples a user can copy. */
const EXAMPLES: Record<string, string> = {
  timeout_ms: 'timeout_ms = 60000',
  insecure: 'insecure = true',
  transport: 'transport = "auto"',
  url: 'url = "https://mycompany.odoo.com"',
  user: 'user = "admin"',
  db: 'db = "mycompany"',
  source: 'source = "database"',
  addons: 'addons = ["./addons"]',
};

const EXPECTED: Record<string, string> = {
  int: 'a whole number without quotes',
  number: 'a number without quotes',
  boolean: 'true or false, without quotes',
  string: 'text in double quotes',
  array: 'a list in square brackets',
  object: 'a table',
};

/** "the text \"60s\"", "the number 1.5", "a list": what the file holds, in TOML's words. */
function describeValue(v: unknown): string {
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'bigint') return `the number ${String(v)}`;
  if (typeof v === 'boolean') return `the value ${String(v)}`;
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  if (v && typeof v === 'object') return 'a table';
  return 'nothing';
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let v: unknown = raw;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/**
 * One line a user can act on, instead of zod's "Invalid input: expected number, received string":
 * what the key takes, what the file holds, and a line to copy.
 */
function describeIssue(issue: { code: string; path: readonly PropertyKey[]; message: string }, value: unknown): string {
  const key = String(issue.path.at(-1) ?? '');
  const example = EXAMPLES[key] ? ` (for example ${EXAMPLES[key]})` : '';
  const i = issue as { code: string; expected?: string; format?: string; origin?: string; minimum?: unknown; values?: unknown[] };
  if (i.code === 'invalid_type') {
    const expected = i.expected === 'int' || (i.expected === 'number' && key.endsWith('_ms')) ? (key.endsWith('_ms') ? 'a whole number of milliseconds without quotes' : EXPECTED.int) : (EXPECTED[i.expected ?? ''] ?? i.expected);
    return `must be ${expected}, but the file has ${describeValue(value)}${example}`;
  }
  if (i.code === 'too_small' && i.origin === 'number') return `must be greater than ${String(i.minimum)}, but the file has ${describeValue(value)}${example}`;
  if (i.code === 'invalid_value' && Array.isArray(i.values)) {
    return `must be one of ${i.values.map((x) => JSON.stringify(x)).join(', ')}, but the file has ${describeValue(value)}`;
  }
  return issue.message;
}

/** Validates TOML text as a workspace config. Errors name file:line:col and say what to do. */
export async function parseConfig(text: string, file = CONFIG_FILE): Promise<Result<WorkspaceConfig, UserError>> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    return err(
      new UserError('config', tomlSyntaxMessage(e, text), {
        where: { file, line: e.line, column: e.column },
        hint: 'fix the TOML syntax at that position',
      }),
    );
  }
  const secret = findSecret(raw, []) ?? passwordInUrl(raw);
  if (secret) {
    const at = await locate(text, secret);
    return err(
      new UserError('config', secret.join('.') === 'connection.url' ? 'connection.url holds a password, and no secret may be stored in the config file' : `a secret (${secret.join('.')}) must not be stored in the config file`, {
        where: { file, ...at },
        hint:
          secret.join('.') === 'connection.url'
            ? 'remove "user:password@" from the url; set ODOO_PASSWORD or ODOO_API_KEY in the environment, or type it when the wizard asks'
            : 'delete that line; set ODOO_PASSWORD or ODOO_API_KEY in the environment, or type it when the wizard asks',
      }),
    );
  }
  const r = configSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const key = path.join('.') || '(top level)';
    return err(
      new UserError('config', `${key}: ${describeIssue(issue, valueAt(raw, path))}`, {
        where: { file, ...(await locate(text, path)) },
        hint: `edit ${file}, or run \`odoo-project-sync init\` to write it again`,
      }),
    );
  }
  const unknown = Object.keys(r.data).find((k) => !KNOWN_KEYS.includes(k));
  if (unknown !== undefined) {
    const isTable = typeof r.data[unknown] === 'object' && r.data[unknown] !== null && !Array.isArray(r.data[unknown]);
    const what = isTable ? `section [${unknown}]` : `key "${unknown}"`;
    return err(
      new UserError('config', `unknown ${what}${didYouMean(KNOWN_KEYS, unknown, (k) => (isTable ? `[${k}]` : `"${k}"`))}: nothing reads it, so its settings would be ignored`, {
        where: { file, ...(await locate(text, [unknown])) },
        hint: `rename or delete it; ${file} knows source, addons, [connection], [estimate], [todo] and [sync]`,
      }),
    );
  }
  const { source, addons, connection, ...sections } = r.data;
  return ok({
    source,
    addons,
    connection: connection && {
      url: connection.url,
      db: connection.db,
      user: connection.user,
      transport: connection.transport,
      insecure: connection.insecure,
      timeoutMs: connection.timeout_ms,
    },
    sections,
  });
}

/** The TOML parser that knows positions loads only when there is an error. */
async function locate(text: string, path: readonly (string | number)[]): Promise<{ line: number; column: number }> {
  return new (await import('../core/toml-locate.js')).TomlLocator(text).at(path);
}

/** connection.url = "https://admin:pw@host" stores a password as surely as a password key. */
function passwordInUrl(raw: unknown): string[] | undefined {
  const url = (raw as { connection?: { url?: unknown } } | undefined)?.connection?.url;
  return typeof url === 'string' && splitUrlCredentials(url).password !== undefined ? ['connection', 'url'] : undefined;
}

function findSecret(v: unknown, path: string[]): string[] | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  for (const [k, child] of Object.entries(v)) {
    if (SECRET_KEY.test(k)) return [...path, k];
    const deeper = findSecret(child, [...path, k]);
    if (deeper) return deeper;
  }
  return undefined;
}

/** The workspace config, undefined when the file does not exist yet (first run). */
export async function loadConfig(root: string): Promise<Result<{ config: WorkspaceConfig; text: string } | undefined, UserError>> {
  let text: string;
  try {
    text = await readFile(join(root, CONFIG_FILE), 'utf8');
  } catch (e) {
    if (isNotFound(e)) return ok(undefined);
    const t = fsTrouble(e, join(root, CONFIG_FILE));
    return err(new UserError('config', `cannot read the workspace config: ${t.what}`, { where: { file: CONFIG_FILE }, hint: t.hint }));
  }
  const r = await parseConfig(text);
  return r.ok ? ok({ config: r.value, text }) : r;
}
