import { open, readFile, rename, truncate, mkdir, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../core/result.js';
import { errnoOf, fsTrouble } from '../core/fs-error.js';
import { UserError } from '../core/user-error.js';
import type { JournaledAction } from './actions.js';
import { isNotFound } from './artifact-store.js';
import { decodeLine, encodeLine, JOURNAL_VERSION } from './journal-format.js';

/** The append-only history of a workspace. Each append is on disk before it resolves. */
export interface Journal {
  readonly path: string;
  append(action: JournaledAction): Promise<void>;
  close(): Promise<void>;
}

export interface JournalRead {
  actions: JournaledAction[];
  /** What the user should be told (a journal kept aside). */
  notices: string[];
  /** Byte length of the good prefix: a torn tail after it is cut before appending. */
  goodLength: number;
  /** Set when the file was unreadable and must be moved aside. */
  broken?: string;
}

/** Parses journal bytes. Pure: a torn last line is skipped, anything else bad marks it broken. */
export function parseJournal(bytes: Buffer): Result<JournalRead, UserError> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ok({ actions: [], notices: [], goodLength: 0, broken: 'not UTF-8 text' });
  }
  const segments = text.split('\n');
  const actions: JournaledAction[] = [];
  let offset = 0;
  let goodLength = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const terminated = i < segments.length - 1;
    const end = offset + Buffer.byteLength(seg) + (terminated ? 1 : 0);
    if (seg.trim() !== '') {
      const d = decodeLine(seg);
      const isLast = segments.slice(i + 1).every((s) => s.trim() === '');
      if (d.kind === 'newer') {
        return err(
          new UserError('journal', `the journal is format v${d.version}, newer than this version understands (v${JOURNAL_VERSION})`, {
            where: { file: '.odoo-project-sync/journal.jsonl', line: i + 1 },
            hint: 'upgrade odoo-project-sync (npm install odoo-project-sync@latest) and run it again',
          }),
        );
      }
      if (d.kind === 'bad') {
        // A crash mid-append leaves at most one torn line, at the end.
        if (isLast) break;
        return ok({ actions: [], notices: [], goodLength: 0, broken: `line ${i + 1}: ${d.reason.split('\n')[0]}` });
      }
      actions.push(d.action);
      if (!terminated) {
        goodLength = offset + Buffer.byteLength(seg);
        break;
      }
    }
    offset = end;
    goodLength = end;
  }
  return ok({ actions, notices: [], goodLength });
}

export interface OpenJournalOptions {
  /** Read only (e.g. `status`): never repairs, moves or appends. */
  readOnly?: boolean;
  now: () => number;
}

/**
 * Reads the journal and opens it for appending. An unreadable journal is renamed to
 * journal.jsonl.broken-<time> (never deleted) and the run starts afresh with a notice.
 */
export async function openJournal(
  path: string,
  opts: OpenJournalOptions,
): Promise<Result<{ read: JournalRead; journal?: Journal }, UserError>> {
  let bytes: Buffer;
  let parsed: JournalRead;
  try {
    bytes = await readFile(path);
    const r = parseJournal(bytes);
    if (!r.ok) return r;
    parsed = r.value;
  } catch (e) {
    // Permissions are the user's to fix; putting the history aside would lose it for nothing.
    if (errnoOf(e) === 'EACCES' || errnoOf(e) === 'EPERM') {
      const t = fsTrouble(e, path);
      return err(new UserError('input', `cannot read the run journal: ${t.what}`, { where: { file: path }, hint: t.hint }));
    }
    if (!isNotFound(e)) {
      parsed = { actions: [], notices: [], goodLength: 0, broken: (e as Error).message };
      bytes = Buffer.alloc(0);
    } else {
      bytes = Buffer.alloc(0);
      parsed = { actions: [], notices: [], goodLength: 0 };
    }
  }
  if (parsed.broken !== undefined) {
    if (opts.readOnly) {
      parsed.notices.push(`The journal cannot be read (${parsed.broken}); the next run will keep it aside and start afresh.`);
      return ok({ read: parsed });
    }
    const aside = `${path}.broken-${new Date(opts.now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    parsed.notices.push(
      `The journal could not be read (${parsed.broken}). It was kept as ${aside}; the run history starts afresh (your files are untouched).`,
    );
    bytes = Buffer.alloc(0);
    parsed.goodLength = 0;
  }
  if (opts.readOnly) return ok({ read: parsed });
  await mkdir(dirname(path), { recursive: true });
  if (bytes.length > parsed.goodLength) await truncate(path, parsed.goodLength);
  const needsNewline = parsed.goodLength > 0 && bytes[parsed.goodLength - 1] !== 0x0a;
  const fh = await open(path, 'a');
  if (needsNewline) await fh.appendFile('\n');
  return ok({ read: parsed, journal: appender(path, fh) });
}

function appender(path: string, fh: FileHandle): Journal {
  let tail: Promise<void> = Promise.resolve();
  let closed = false;
  return {
    path,
    append(action) {
      if (closed) return Promise.reject(new Error('journal closed'));
      const next = tail.then(async () => {
        await fh.appendFile(encodeLine(action));
        await fh.sync();
      });
      tail = next.catch(() => undefined);
      return next;
    },
    async close() {
      if (closed) return;
      closed = true;
      await tail;
      await fh.close();
    },
  };
}
