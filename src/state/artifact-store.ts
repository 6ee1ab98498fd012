import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, readlink, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { errnoOf, isFsError } from '../core/fs-error.js';
import { UserError } from '../core/user-error.js';
import type { ArtifactStore } from '../steps/types.js';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Absolute path of `relPath` under `root`, or a UserError when it would leave the workspace. */
export function resolveInside(root: string, relPath: string): string {
  const abs = resolve(root, relPath);
  const rel = relative(root, abs);
  if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return abs;
  throw new UserError('input', `path leaves the workspace: ${relPath}`, {
    where: { file: relPath },
    hint: `use a path inside ${root}`,
  });
}

/**
 * sha256 of a file, or of a directory tree: every file's relative path (sorted, '/'-separated)
 * and content hash, so renaming, adding or editing any file changes it. Symlinks count by
 * target text and are never followed (a loop cannot hang it). undefined when absent.
 * An entry that cannot be read counts by its error code: hashing only notices changes, and the
 * step that reads the files reports the unreadable ones with their path.
 */
export async function hashPath(abs: string): Promise<string | undefined> {
  let st;
  try {
    st = await stat(abs);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    if (isFsError(e)) return sha256(`unreadable:${errnoOf(e)}`);
    throw e;
  }
  if (!st.isDirectory()) return sha256(await readOr(abs, () => readFile(abs)));
  const h = createHash('sha256');
  for (const [rel, digest] of await treeDigests(abs, '')) h.update(`${rel}\0${digest}\n`);
  return h.digest('hex');
}

async function readOr(abs: string, read: () => Promise<Buffer | string>): Promise<Buffer | string> {
  try {
    return await read();
  } catch (e) {
    if (isFsError(e)) return `unreadable:${errnoOf(e)}`;
    throw e;
  }
}

async function treeDigests(dir: string, prefix: string): Promise<[string, string][]> {
  let entries;
  try {
    entries = await readdir(join(dir, prefix), { withFileTypes: true });
  } catch (e) {
    if (isFsError(e)) return [[prefix, `unreadable:${errnoOf(e)}`]];
    throw e;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: [string, string][] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    const abs = join(dir, rel);
    if (e.isSymbolicLink()) out.push([rel, `link:${await readOr(abs, () => readlink(abs))}`]);
    else if (e.isDirectory()) out.push(...(await treeDigests(dir, rel)));
    else if (e.isFile()) out.push([rel, sha256(await readOr(abs, () => readFile(abs)))]);
  }
  return out;
}

export const isNotFound = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ENOENT';

/**
 * Writes bytes durably: temp file, fsync, rename over the target, fsync the directory. Temp
 * files go to `tmpDir` when given (the workspace's state folder), so a crash mid-write never
 * leaves a stray file inside an artifact tree such as modules/.
 */
export async function writeAtomic(abs: string, content: string | Buffer, tmpDir?: string): Promise<void> {
  await mkdir(dirname(abs), { recursive: true });
  if (tmpDir) await mkdir(tmpDir, { recursive: true });
  const name = `${basename(abs)}.tmp-${randomBytes(6).toString('hex')}`;
  const tmp = tmpDir ? join(tmpDir, name) : join(dirname(abs), name);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, abs);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await syncDir(dirname(abs));
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  } finally {
    await fh.close();
  }
}

/** The workspace's artifacts: atomic writes, sha256 of what was written, never outside `root`. */
export function createArtifactStore(root: string, tmpDir?: string): ArtifactStore {
  const absRoot = resolve(root);
  const readBytes = async (relPath: string): Promise<Buffer | undefined> => {
    try {
      return await readFile(resolveInside(absRoot, relPath));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };
  return {
    root: absRoot,
    resolve: (relPath) => resolveInside(absRoot, relPath),
    readBytes,
    async read(relPath) {
      return (await readBytes(relPath))?.toString('utf8');
    },
    async write(relPath, content) {
      await writeAtomic(resolveInside(absRoot, relPath), content, tmpDir);
      return sha256(content);
    },
    async exists(relPath) {
      try {
        await stat(resolveInside(absRoot, relPath));
        return true;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },
    async remove(relPath) {
      const abs = resolveInside(absRoot, relPath);
      await rm(abs, { force: true });
      // Folders the file leaves empty go too (modules/x/migrations/17.0.1.0.0/), never the root.
      for (let dir = dirname(abs); dir !== absRoot && dir.startsWith(absRoot + sep); dir = dirname(dir)) {
        try {
          if ((await readdir(dir)).length > 0) break;
          await rmdir(dir);
        } catch {
          break;
        }
      }
    },
    hash: (relPath) => hashPath(resolveInside(absRoot, relPath)),
  };
}
