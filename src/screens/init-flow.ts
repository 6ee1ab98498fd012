/** The first-run questions as a small pure state machine, so the screen only renders and routes keys. */
import { splitUrlCredentials } from '../core/url-credentials.js';
import type { InitAnswers, SecretFromEnv } from './ui-types.js';

export type TextField = 'url' | 'db' | 'user' | 'secret' | 'addon';

export type InitPhase =
  | { kind: 'source' }
  | { kind: 'field'; field: TextField }
  | { kind: 'secret-kind' }
  | { kind: 'submitting' }
  | { kind: 'failed'; message: string; hint?: string; where?: string };

export interface InitDraft {
  source?: InitAnswers['source'];
  url: string;
  db: string;
  user: string;
  secretKind?: 'password' | 'apiKey';
  secret: string;
  /** The password came from the URL typed (and was taken out of it). */
  secretFromUrl?: boolean;
  addons: readonly string[];
}

export const FIELD_LABEL: Record<TextField, string> = {
  url: 'Odoo URL (e.g. https://mycompany.odoo.com)',
  db: 'Database name (empty: the server decides)',
  user: 'Login (e.g. admin or you@example.com)',
  secret: 'Password or API key (hidden, never stored)',
  addon: 'Addons path with your custom modules (empty line when done)',
};

export function emptyDraft(defaults: Partial<InitAnswers> = {}): InitDraft {
  return { url: defaults.url ?? '', db: defaults.db ?? '', user: defaults.user ?? '', secret: '', addons: [] };
}

/** The question for a field; a source-code workspace's connection is optional (step 7 only). */
export function labelOf(field: TextField, draft: InitDraft): string {
  if (field === 'url' && draft.source === 'source') return 'Odoo URL to sync the plan to in step 7 (empty: no connection for now)';
  return FIELD_LABEL[field];
}

/** What is wrong with a field's value, or undefined. */
export function checkField(field: TextField, value: string, draft: InitDraft): string | undefined {
  const v = value.trim();
  switch (field) {
    case 'url':
      if (v === '' && draft.source === 'source') return undefined;
      if (!/^https?:\/\/[^\s/]+/.test(v)) return 'Enter a URL starting with http:// or https://';
      return undefined;
    case 'user':
      return v ? undefined : 'Enter the login you use for Odoo';
    case 'secret':
      return value ? undefined : 'Type the password or API key (it is not stored)';
    case 'addon':
      return v === '' && draft.addons.length === 0 ? 'Enter at least one addons path' : undefined;
    case 'db':
      return undefined;
  }
}

/** Applies the answer to a field: the updated draft and the next phase, or why it was refused. */
export function submitField(
  field: TextField,
  value: string,
  draft: InitDraft,
  secretFromEnv?: SecretFromEnv,
): { ok: true; draft: InitDraft; phase: InitPhase } | { ok: false; error: string } {
  const error = checkField(field, value, draft);
  if (error) return { ok: false, error };
  switch (field) {
    case 'url': {
      // A source-code workspace without a connection still runs steps 4-6.
      if (value.trim() === '') return { ok: true, draft: { ...draft, url: '' }, phase: { kind: 'submitting' } };
      // "http://admin:pw@host": the address is kept, the login fills the next question, and the
      // password is used for this session only (never written).
      const creds = splitUrlCredentials(value.trim());
      const fromUrl = creds.password !== undefined ? { secret: creds.password, secretKind: 'password' as const, secretFromUrl: true } : {};
      return { ok: true, draft: { ...draft, url: creds.url, user: creds.user ?? draft.user, ...fromUrl }, phase: { kind: 'field', field: 'db' } };
    }
    case 'db':
      return { ok: true, draft: { ...draft, db: value.trim() }, phase: { kind: 'field', field: 'user' } };
    case 'user':
      return {
        ok: true,
        draft: { ...draft, user: value.trim() },
        phase: secretFromEnv || draft.secretFromUrl ? { kind: 'submitting' } : { kind: 'secret-kind' },
      };
    case 'secret':
      return { ok: true, draft: { ...draft, secret: value }, phase: { kind: 'submitting' } };
    case 'addon':
      // Then the Odoo server for step 7 (sync), which a source-code workspace may leave out.
      if (value.trim() === '') return { ok: true, draft, phase: { kind: 'field', field: 'url' } };
      return { ok: true, draft: { ...draft, addons: [...draft.addons, value.trim()] }, phase: { kind: 'field', field: 'addon' } };
  }
}

export function answersOf(d: InitDraft): InitAnswers {
  const secret =
    d.secret === ''
      ? undefined
      : d.secretKind === 'apiKey'
        ? { apiKey: d.secret }
        : { password: d.secret, ...(d.secretFromUrl ? { sources: { password: 'the password in the URL typed in the wizard' } } : {}) };
  if (d.source === 'source') {
    const addons = d.addons.map((a) => a.trim()).filter((a) => a !== '');
    if (d.url.trim() === '') return { source: 'source', addons };
    return { source: 'source', addons, url: d.url.trim(), db: d.db.trim() || undefined, user: d.user.trim(), transport: 'auto', secret };
  }
  return {
    source: 'database',
    url: d.url.trim(),
    db: d.db.trim() === '' ? undefined : d.db.trim(),
    user: d.user.trim(),
    transport: 'auto',
    secret,
  };
}
