/** Regenerating a reviewed file: the user's edits and the new proposal both survive a crash. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArtifactStore } from '../../src/state/artifact-store.js';
import { proposalPath, proposalWarnings, writeProposal } from '../../src/review/proposal.js';
import type { ArtifactStore } from '../../src/steps/types.js';

const FILE = 'feature_user_story_map.toml';
const OLD = 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n';
const MINE = 'a = 1\nb = 2\nc = 3\nd = 4\ne = 50 # mine\n';
const NEW = 'a = 10 # new\nb = 2\nc = 3\nd = 4\ne = 5\n';

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'ops-proposal-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The process dies on the n-th write (counted from 1): that write and every later one never happen. */
function crashingOn(store: ArtifactStore, n: number): ArtifactStore {
  let writes = 0;
  return Object.assign(Object.create(store) as ArtifactStore, {
    write: async (p: string, c: string | Buffer) => {
      if (++writes >= n) throw new Error('killed');
      return store.write(p, c);
    },
  });
}

test('a merge keeps the user edit and takes the new proposal', async () => {
  const store = createArtifactStore(root);
  await writeProposal(store, FILE, OLD);
  await store.write(FILE, MINE);
  expect(await writeProposal(store, FILE, NEW)).toMatchObject({ kind: 'merged', conflicts: 0 });
  expect(await store.read(FILE)).toBe('a = 10 # new\nb = 2\nc = 3\nd = 4\ne = 50 # mine\n');
  expect(await store.read(proposalPath(FILE))).toBe(NEW);
});

test.each([1, 2])('killed at write %i of a regeneration, the next run still brings the new proposal in', async (n) => {
  const store = createArtifactStore(root);
  await writeProposal(store, FILE, OLD);
  await store.write(FILE, MINE);
  await expect(writeProposal(crashingOn(store, n), FILE, NEW)).rejects.toThrow('killed');
  // The user's file is either untouched or already merged: never a half-written file.
  expect([MINE, 'a = 10 # new\nb = 2\nc = 3\nd = 4\ne = 50 # mine\n']).toContain(await store.read(FILE));
  await writeProposal(store, FILE, NEW);
  expect(await store.read(FILE)).toBe('a = 10 # new\nb = 2\nc = 3\nd = 4\ne = 50 # mine\n');
});

test('a broken edit is merged with the new proposal and kept, and the warning names its line', async () => {
  const store = createArtifactStore(root);
  await writeProposal(store, FILE, OLD);
  await store.write(FILE, MINE.replace('e = 50 # mine', 'e = "fifty'));
  const written = await writeProposal(store, FILE, NEW);
  expect(written).toMatchObject({ kind: 'merged', conflicts: 0, notToml: { line: 5, column: 11 } });
  expect(await store.read(FILE)).toBe('a = 10 # new\nb = 2\nc = 3\nd = 4\ne = "fifty\n');
  expect(proposalWarnings(FILE, written)).toEqual([
    'feature_user_story_map.toml:5:11: a string is not closed on this line: add the closing quote (control characters are not allowed in strings). Your text is kept, with the new proposal merged into it line by line, but it cannot be approved until that line is fixed: fix it in the reviewer (or an editor), then approve the file',
  ]);
});
