/**
 * The user's folder of a corpus case: built from files/ and the setup ops, fingerprinted before
 * the runs (sha256 of every file, target of every link) and compared after them.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, lchownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { SetupOp } from './case.js';

const repo = process.cwd();

function inside(root: string, rel: string): string {
  const abs = resolve(root, rel);
  if (abs !== root && !abs.startsWith(root + sep)) throw new Error(`corpus setup: "${rel}" leaves the user's folder`);
  return abs;
}

/** Copies files/ and applies the ops; returns the paths made unreadable (chmod), if any. */
export function buildUserFolder(root: string, caseDir: string | undefined, ops: readonly SetupOp[], fill: (s: string) => string): string[] {
  const files = caseDir === undefined ? undefined : join(caseDir, 'files');
  if (files && existsSync(files)) cpSync(files, root, { recursive: true, verbatimSymlinks: true });
  const locked: string[] = [];
  for (const op of ops) {
    if ('copy' in op) cpSync(join(repo, op.copy), inside(root, op.to), { recursive: true });
    else if ('append' in op) appendFileSync(inside(root, op.append), 'base64' in op ? Buffer.from(op.base64, 'base64') : fill(op.text));
    else if ('write' in op) {
      const p = inside(root, op.write);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, 'base64' in op ? Buffer.from(op.base64, 'base64') : fill(op.text));
    } else if ('mkdir' in op) mkdirSync(inside(root, op.mkdir), { recursive: true });
    else if ('symlink' in op) {
      const p = inside(root, op.symlink);
      mkdirSync(dirname(p), { recursive: true });
      symlinkSync(op.target, p);
    } else if ('rename' in op) renameSync(inside(root, op.rename), inside(root, op.to));
    else if ('chmod' in op) locked.push(op.chmod);
  }
  // Modes last: the fingerprint still reads every file, and the other ops can write into folders.
  for (const op of ops) if ('chmod' in op) chmodSync(inside(root, op.chmod), parseInt(op.mode, 8));
  return locked;
}

export type Fingerprint = Map<string, string>;

/** Every entry below root: "file <sha256> <mode>", "link <target>" or "dir <mode>". */
export function fingerprint(root: string): Fingerprint {
  const out: Fingerprint = new Map();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(root, p);
      const st = lstatSync(p);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out.set(rel, `link ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.set(rel, `dir ${mode}`);
        // As root, a mode-000 folder still opens; otherwise fingerprint what can be read.
        try {
          walk(p);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
        }
      } else {
        let hash = 'unreadable';
        try {
          hash = createHash('sha256').update(readFileSync(p)).digest('hex');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
        }
        out.set(rel, `file ${hash} ${mode}`);
      }
    }
  };
  walk(root);
  return out;
}

/** The paths an op writes (for a run's `before` ops: they become the user's files). */
export function opTarget(op: SetupOp): string {
  if ('copy' in op || 'rename' in op) return op.to;
  if ('append' in op) return op.append;
  if ('write' in op) return op.write;
  if ('mkdir' in op) return op.mkdir;
  if ('symlink' in op) return op.symlink;
  return op.chmod;
}

/** What changed in the entries of `before` (new entries are the tool's own outputs). */
export function changedEntries(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [rel, was] of before) {
    const now = after.get(rel);
    if (now !== was) changed.push(`${JSON.stringify(rel)}: ${was} -> ${now ?? 'gone'}`);
  }
  return changed;
}

/** Hands the folder to another user (a root run of a case that needs permissions to bite). */
export function chownTree(root: string, uid: number, gid: number): void {
  const walk = (p: string): void => {
    lchownSync(p, uid, gid);
    const st = lstatSync(p);
    if (st.isDirectory() && !st.isSymbolicLink()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(root);
}

/** Makes a folder removable again after chmod ops. */
export function unlock(root: string, paths: readonly string[]): void {
  for (const p of paths) {
    const abs = inside(root, p);
    if (existsSync(abs)) chmodSync(abs, lstatSync(abs).isDirectory() ? 0o755 : 0o644);
  }
}
