/** " (did you mean 'x'?)" for a name within two edits of a known one, else "". */
export function didYouMean(known: readonly string[], wrong: string, quote = (s: string) => `'${s}'`): string {
  const close = known.find((k) => distance(k.toLowerCase(), wrong.toLowerCase()) <= 2);
  return close ? ` (did you mean ${quote(close)}?)` : '';
}

/** Levenshtein distance (names are short). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
