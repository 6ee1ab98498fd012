import { createHash } from 'node:crypto';
import type { ArtifactStore } from '../core/artifact-port.js';
import { merge3 } from './merge3.js';

/** Where the last generated proposal of a reviewed file is kept (the merge base). */
export const proposalPath = (file: string): string => `.odoo-project-sync/proposals/${file}`;

export type ProposalWrite =
  | { kind: 'created'; hash: string }
  | { kind: 'unchanged'; hash: string }
  | { kind: 'replaced'; hash: string }
  | { kind: 'merged'; hash: string; conflicts: number };

/**
 * Writes a freshly generated proposal of a reviewed file (module_model_map.toml,
 * feature_user_story_map.toml) without losing what the user wrote:
 * - no user file yet, or the user never changed the last proposal: the new proposal is written;
 * - the user edited it: their text, the old proposal and the new one are merged three ways, and
 *   conflicts are left marked in the file for the reviewer to show.
 * The merge base is written last, each file atomically: a crash between the two leaves the old
 * base beside the merged file, and the next run merges the same change again (both sides agree,
 * so nothing conflicts) instead of dropping it.
 */
export async function writeProposal(
  artifacts: ArtifactStore,
  file: string,
  newProposal: string,
): Promise<ProposalWrite> {
  const basePath = proposalPath(file);
  const [userText, oldProposal] = await Promise.all([artifacts.read(file), artifacts.read(basePath)]);
  const result = await writeUserFile(artifacts, file, userText, oldProposal, newProposal);
  if (oldProposal !== newProposal) await artifacts.write(basePath, newProposal);
  return result;
}

async function writeUserFile(
  artifacts: ArtifactStore,
  file: string,
  userText: string | undefined,
  oldProposal: string | undefined,
  newProposal: string,
): Promise<ProposalWrite> {
  if (userText === undefined) return { kind: 'created', hash: await artifacts.write(file, newProposal) };
  if (userText === newProposal) return { kind: 'unchanged', hash: sha256(userText) };
  if (oldProposal === undefined || userText === oldProposal) {
    return { kind: 'replaced', hash: await artifacts.write(file, newProposal) };
  }
  const merged = merge3(oldProposal, userText, newProposal);
  if (merged.text === userText) return { kind: 'unchanged', hash: sha256(userText) };
  return { kind: 'merged', hash: await artifacts.write(file, merged.text), conflicts: merged.conflicts };
}

// The text was just read: hashing it again from disk would read the file a second time.
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
