import { merge } from 'node-diff3';

export interface Merge3Result {
  text: string;
  conflicts: number;
}

/**
 * Three-way merge of the user's text and a new proposal over the old proposal they both came
 * from. Conflicts are left in the text between git-style markers for the user to resolve; the
 * markers make the TOML invalid, so the reviewer refuses approval until they are gone.
 */
export function merge3(oldProposal: string, userText: string, newProposal: string): Merge3Result {
  const split = (s: string) => s.split('\n');
  const r = merge<string>(split(userText), split(oldProposal), split(newProposal), {
    label: { a: 'your edits', b: 'new proposal' },
  });
  const conflicts = r.result.filter((l) => typeof l === 'string' && l.startsWith('<<<<<<<')).length;
  return { text: r.result.join('\n'), conflicts };
}
