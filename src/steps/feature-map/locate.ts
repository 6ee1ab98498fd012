/**
 * Finds the line:col of a key path in TOML text by scanning table headers and key lines
 * (the text itself is parsed by smol-toml; this only points at where a key sits).
 *
 * The one line scanner left beside the library locator (src/core/toml-locate.ts), kept for speed:
 * on a 6.8 MB map (300 modules, 10,500 tables, 600 positions asked) toml-patch's parser took
 * 2.8 s to index the headers and 1.1 s for the lookups, where this takes a few milliseconds.
 */

/** Header `[a.b."c d"]` or `[[a.b]]` -> ['a', 'b', 'c d'], else undefined. */
function headerPath(line: string): { path: string[]; array: boolean } | undefined {
  const m = /^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(#.*)?$/.exec(line);
  if (!m) return undefined;
  const parts = m[2].match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^.\s]+/g) ?? [];
  return { path: parts.map((p) => (/^["']/.test(p) ? p.slice(1, -1) : p)), array: m[1] === '[[' };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function keyIn(lines: readonly string[], from: number, key: string): { line: number; column: number } | undefined {
  const re = new RegExp(`^(\\s*)(${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')\\s*=`);
  for (let i = from; i < lines.length; i++) {
    if (headerPath(lines[i])) return undefined;
    const m = re.exec(lines[i]);
    if (m) return { line: i + 1, column: m[1].length + 1 };
  }
  return undefined;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where each table header sits: path joined by NUL -> [line index, is an array table][] in order. */
type HeaderIndex = Map<string, { line: number; array: boolean }[]>;

/**
 * Headers are found once per text: checking a 4 MB map asks for thousands of positions (a warning
 * per story that needs a reason), and scanning every line for each took minutes.
 */
const indexes = new WeakMap<readonly string[], { headers: HeaderIndex; first: number }>();

function indexOf(lines: readonly string[]): { headers: HeaderIndex; first: number } {
  let idx = indexes.get(lines);
  if (idx) return idx;
  const headers: HeaderIndex = new Map();
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trimStart().startsWith('[')) continue;
    const h = headerPath(lines[i]);
    if (!h) continue;
    if (first < 0) first = i;
    const k = h.path.join('\0');
    const list = headers.get(k);
    if (list) list.push({ line: i, array: h.array });
    else headers.set(k, [{ line: i, array: h.array }]);
  }
  idx = { headers, first };
  indexes.set(lines, idx);
  return idx;
}

/** 1-based position of a key path such as ['features', id, 'stories', 0, 'text']. */
export function locate(lines: readonly string[], path: readonly PropertyKey[]): { line: number; column: number } {
  const keys = path.map(String);
  const { headers, first } = indexOf(lines);
  // Longest table prefix that has a header: [features.<id>] or the n-th [[features.<id>.stories]].
  for (let cut = keys.length; cut > 0; cut--) {
    const table = keys.slice(0, cut);
    const isIndex = /^\d+$/.test(table.at(-1) ?? '');
    const wanted = isIndex ? table.slice(0, -1) : table;
    const nth = isIndex ? Number(table.at(-1)) : 0;
    const found = (headers.get(wanted.join('\0')) ?? []).filter((h) => !isIndex || h.array)[nth];
    if (!found) continue;
    const i = found.line;
    const rest = keys.slice(cut);
    if (rest.length === 0) return { line: i + 1, column: 1 + (lines[i].length - lines[i].trimStart().length) };
    return keyIn(lines, i + 1, rest[0]) ?? { line: i + 1, column: 1 };
  }
  // A top-level key (before the first header).
  const top = keyIn(lines.slice(0, first < 0 ? lines.length : first), 0, keys[0] ?? '');
  return top ?? { line: 1, column: 1 };
}
