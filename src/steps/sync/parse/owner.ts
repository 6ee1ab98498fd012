/** Owners as written in a plan; the words that mean "nobody yet" are no owner. */

const NOBODY = /^(tbd|tba|tbc|-+|—|–|n\/?a|none|nobody|no one|unassigned|unknown|open|\?+|x|—\s*|todo|\.\.\.)$/i;

export function ownerOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.replace(/[*_`]/g, '').replace(/^@/, '').replace(/\s+/g, ' ').trim();
  return t === '' || NOBODY.test(t) ? undefined : t;
}
