import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { patch } from '@decimalturn/toml-patch';
import { escapeBidi, hasBidiControls } from '../core/bidi.js';
import { parse, TomlError } from 'smol-toml';
import { err, ok, type Result } from '../core/result.js';
import { splitUrlCredentials } from '../core/url-credentials.js';
import { UserError } from '../core/user-error.js';
import type { WorkspaceConfig } from '../steps/types.js';
import { isNotFound, writeAtomic } from './artifact-store.js';
import { parseConfig } from './config.js';
import { DEFAULT_ESTIMATE_TOML } from '../steps/todo/estimate-toml.js';
import { CONFIG_FILE } from '../steps/types.js';
import type { InitAnswers } from './types.js';
import { tomlSyntaxMessage } from '../core/toml-error.js';

/** A new config file starts from this text, so the user finds an explanation beside each key. */
const TEMPLATE = `# odoo-project-sync workspace.
# No secret ever goes in this file: set ODOO_PASSWORD or ODOO_API_KEY in the environment,
# or type the password when the wizard asks. ODOO_URL, ODOO_DB and ODOO_USER override
# the [connection] values for one run.

# Where the truth comes from: "database" (a live Odoo) or "source" (folders of modules).
source = "database"

# Folders of custom modules, relative to this file or absolute (source-code workspaces).
addons = []

[connection]
# The Odoo server, e.g. "https://mycompany.odoo.com".
url = ""
# The database name; may be left out when the server has only one.
db = ""
# The login of the user the wizard acts as.
user = ""
# "auto" (JSON-2 on Odoo 19+ with an API key, else XML-RPC), "xmlrpc" or "json2".
transport = "auto"
`;

/** Checks first-run answers; the secret is deliberately not part of what comes back. */
export function answersToObject(a: InitAnswers): Result<Record<string, unknown>, UserError> {
  if (a.source === 'database') {
    if (!a.url) return err(new UserError('usage', 'a database workspace needs the server URL', { where: { field: 'url' }, hint: 'give --url https://your-odoo.example.com' }));
    if (!a.user) return err(new UserError('usage', 'a database workspace needs the login', { where: { field: 'user' }, hint: 'give --user LOGIN' }));
    return ok({ source: 'database', addons: a.addons ?? [], connection: connectionOf(a, a.url, a.user) });
  }
  if (!a.addons || a.addons.length === 0) {
    return err(new UserError('usage', 'a source-code workspace needs at least one addons path', { where: { field: 'addons' }, hint: 'give --addons PATH (a folder of Odoo modules)' }));
  }
  // The connection is optional here: step 7 (sync) needs it, steps 4-6 do not.
  if (!a.url && !a.user) return ok({ source: 'source', addons: a.addons });
  if (!a.url) return err(new UserError('usage', 'a connection for step 7 needs the server URL too', { where: { field: 'url' }, hint: 'give --url https://your-odoo.example.com, or leave out --user' }));
  if (!a.user) return err(new UserError('usage', 'a connection for step 7 needs the login too', { where: { field: 'user' }, hint: 'give --user LOGIN, or leave out --url' }));
  return ok({ source: 'source', addons: a.addons, connection: connectionOf(a, a.url, a.user) });
}

function connectionOf(a: InitAnswers, url: string, user: string): Record<string, unknown> {
  // A login or password typed into the URL is never written (the password is a secret).
  const connection: Record<string, unknown> = { url: splitUrlCredentials(url).url, user, transport: a.transport ?? 'auto' };
  if (a.db) connection.db = a.db;
  return connection;
}

/**
 * Bidi controls in the answers (a pasted login, a database name) come out as \u escapes, which TOML
 * reads back as the same character: the file never displays in another order than it is read.
 * Lines the user already had are left byte for byte.
 */
function escapeNewBidi(base: string, text: string): string {
  if (!hasBidiControls(text)) return text;
  const kept = new Set(base.split('\n'));
  return text.split('\n').map((l) => (kept.has(l) ? l : escapeBidi(l))).join('\n');
}

/**
 * Writes odoo-project-sync.toml from first-run answers. An existing file is patched in place
 * (its comments and layout stay); other tables in it are kept. Never writes a secret.
 */
export async function writeConfig(root: string, answers: InitAnswers): Promise<Result<WorkspaceConfig, UserError>> {
  const obj = answersToObject(answers);
  if (!obj.ok) return obj;
  const path = join(root, CONFIG_FILE);
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  let base = TEMPLATE;
  let current: Record<string, unknown> = {};
  if (existing !== undefined) {
    // A file that is not TOML cannot be patched, and replacing it would lose what the user wrote.
    try {
      current = parse(existing) as Record<string, unknown>;
      base = existing;
    } catch (e) {
      if (!(e instanceof TomlError)) throw e;
      return err(
        new UserError('config', `${CONFIG_FILE} is not valid TOML, so init cannot update it: ${tomlSyntaxMessage(e, existing)}`, {
          where: { file: CONFIG_FILE, line: e.line, column: e.column },
          hint: `fix the TOML syntax at that position, then run init again (or move ${CONFIG_FILE} aside to start afresh)`,
        }),
      );
    }
  }
  const next: Record<string, unknown> = { ...current, ...obj.value };
  if ('connection' in obj.value) {
    // Keep options the user added by hand (timeout_ms, insecure) when the answers change.
    next.connection = { ...(current.connection as object | undefined), ...(obj.value.connection as object) };
  }
  // Answers without a connection keep the one already in the file (added by hand, for step 7);
  // a new file drops the template's empty one.
  let text = escapeNewBidi(base, patch(base, next));
  // A new workspace gets the estimate model written out, commented, so the user can see and tune it.
  if (existing === undefined) text = `${text.trimEnd()}\n\n${DEFAULT_ESTIMATE_TOML}`;
  const check = await parseConfig(text);
  if (!check.ok) return check;
  await writeAtomic(path, text);
  return check;
}
