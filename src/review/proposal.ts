import { createHash } from 'node:crypto';
import { parse, TomlError } from 'smol-toml';
import type { ArtifactStore } from '../core/artifact-port.js';
import { tomlSyntaxMessage } from '../core/toml-error.js';
import { merge3 } from './merge3.js';

/** Where the last generated proposal of a reviewed file is kept (the merge base). */
export const proposalPath = (file: string): string => `.odoo-project-sync/proposals/${file}`;

/** Where the user's text, kept or merged, is not TOML (1-based line and column), and what is wrong there. */
export interface NotToml {
  line: number;
  column: number;
  message: string;
}

export type ProposalWrite =
  | { kind: 'created'; hash: string }
  | { kind: 'unchanged'; hash: string; notToml?: NotToml }
  | { kind: 'replaced'; hash: string }
  | { kind: 'merged'; hash: string; conflicts: number; notToml?: NotToml };

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
  // Conflict markers are the reviewer's to show; a syntax error the user typed is told here.
  const broken = merged.conflicts === 0 ? notToml(merged.text) : undefined;
  if (merged.text === userText) return { kind: 'unchanged', hash: sha256(userText), ...(broken ? { notToml: broken } : {}) };
  return { kind: 'merged', hash: await artifacts.write(file, merged.text), conflicts: merged.conflicts, ...(broken ? { notToml: broken } : {}) };
}

function notToml(text: string): NotToml | undefined {
  try {
    parse(text);
    return undefined;
  } catch (e) {
    return e instanceof TomlError ? { line: e.line, column: e.column, message: tomlSyntaxMessage(e, text) } : undefined;
  }
}

/**
 * What a step tells the user about the reviewed file it wrote: conflicts left for the reviewer,
 * or their own text kept although it is not TOML (where, and what to do).
 */
export function proposalWarnings(file: string, written: ProposalWrite): string[] {
  if (written.kind === 'merged' && written.conflicts > 0) {
    return [`${file}: ${written.conflicts} conflict(s) between your edits and the new proposal; resolve them in the reviewer`];
  }
  if ((written.kind === 'unchanged' || written.kind === 'merged') && written.notToml) {
    const { line, column, message } = written.notToml;
    const how = written.kind === 'merged' ? 'Your text is kept, with the new proposal merged into it line by line' : 'Your text is kept as you left it';
    return [`${file}:${line}:${column}: ${message}. ${how}, but it cannot be approved until that line is fixed: fix it in the reviewer (or an editor), then approve the file`];
  }
  return [];
}

// The text was just read: hashing it again from disk would read the file a second time.
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
