/**
 * Where a key path sits in TOML text (1-based line:column), for the messages that name file:line.
 * smol-toml parses the files but gives no positions; @decimalturn/toml-patch's parser does. Used
 * for the config and the module map; the feature map keeps its header index (feature-map/locate.ts)
 * because this parser is too slow for a map of megabytes.
 *
 * The text is never parsed whole for positions: the lines that open a table are parsed on their
 * own, once (a table header is a TOML document of its own), and a table's body is parsed when a
 * key in it is asked for. Known limit: a line inside a multi-line string that reads exactly like
 * a table header is taken for one.
 */
import { parseDocument } from '@decimalturn/toml-patch';

export interface Pos {
  line: number;
  column: number;
}

interface Node {
  type: string;
  loc: { start: { line: number; column: number } };
  key?: { value?: string[]; item?: { value: string[] } };
  items?: Node[];
  item?: Node;
  value?: Node | string | number | boolean;
}

interface Header {
  line: number;
  array: boolean;
}

const parseBlocks = (text: string): Node[] | undefined => {
  try {
    return parseDocument(text).cst as unknown as Node[];
  } catch {
    return undefined;
  }
};

const isIndex = (k: string): boolean => /^\d+$/.test(k);

/** Positions in one text; build it once per text and ask as often as needed. */
export class TomlLocator {
  private readonly lines: readonly string[];
  private headers?: Map<string, Header[]>;
  private readonly starts: number[] = [];
  private readonly bodies = new Map<number, Node[] | undefined>();

  constructor(text: string | readonly string[]) {
    this.lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  }

  /**
   * The deepest part of `path` the text has: a key (also inside dotted keys and inline tables),
   * the n-th `[[array]]` table for a numeric part, or a table header. With `value`, the string
   * item equal to it in that key's array (or the key's string value). Falls back to 1:1.
   */
  at(path: readonly PropertyKey[], value?: string): Pos {
    const keys = path.map(String);
    const headers = this.index();
    for (let cut = keys.length; cut > 0; cut--) {
      const table = keys.slice(0, cut);
      const nth = isIndex(table[cut - 1]) ? Number(table[cut - 1]) : undefined;
      const wanted = nth === undefined ? table : table.slice(0, -1);
      const found = (headers.get(wanted.join('\0')) ?? []).filter((h) => nth === undefined || h.array)[nth ?? 0];
      if (!found) continue;
      const text = this.lines[found.line];
      const header = { line: found.line + 1, column: 1 + text.length - text.trimStart().length };
      return this.inBody(found.line, keys.slice(cut), value) ?? header;
    }
    return this.inBody(-1, keys, value) ?? { line: 1, column: 1 };
  }

  /** Header lines, parsed once: path (NUL-joined) -> where each such table starts, in order. */
  private index(): Map<string, Header[]> {
    if (this.headers) return this.headers;
    const headers = new Map<string, Header[]>();
    for (let i = 0; i < this.lines.length; i++) {
      if (this.lines[i].trimStart()[0] !== '[') continue;
      const block = parseBlocks(this.lines[i])?.[0];
      const key = block?.key?.item?.value;
      if (!block || !key || (block.type !== 'Table' && block.type !== 'TableArray')) continue;
      this.starts.push(i);
      const k = key.join('\0');
      const list = headers.get(k) ?? [];
      list.push({ line: i, array: block.type === 'TableArray' });
      headers.set(k, list);
    }
    this.headers = headers;
    return headers;
  }

  /** A key path inside the table whose header is on line index `at` (-1: before the first table). */
  private inBody(at: number, rest: readonly string[], value: string | undefined): Pos | undefined {
    if (rest.length === 0) return undefined;
    if (!this.bodies.has(at)) {
      const next = this.starts.find((s) => s > at) ?? this.lines.length;
      // The header stays in, so the body's lines number as the file's do.
      const blocks = parseBlocks(this.lines.slice(Math.max(0, at), next).join('\n'));
      this.bodies.set(at, at < 0 ? blocks?.filter((b) => b.type === 'KeyValue') : blocks?.[0]?.items);
    }
    let best: { depth: number; node: Node } | undefined;
    const walk = (prefix: readonly string[], list: readonly Node[] | undefined) => {
      for (const it of list ?? []) {
        const kv = it.type === 'InlineItem' ? it.item : it;
        if (kv?.type !== 'KeyValue' || !kv.key?.value) continue;
        const full = [...prefix, ...kv.key.value];
        let d = 0;
        while (d < full.length && d < rest.length && full[d] === rest[d]) d++;
        if (d < full.length) continue;
        if (!best || d > best.depth) best = { depth: d, node: kv };
        const v = kv.value as Node | undefined;
        if (v?.type === 'InlineTable') walk(full, v.items);
      }
    };
    walk([], this.bodies.get(at));
    if (!best) return undefined;
    const node = (value !== undefined && best.depth === rest.length && valueIn(best.node, value)) || best.node;
    return { line: node.loc.start.line + Math.max(0, at), column: node.loc.start.column + 1 };
  }
}

/** The string equal to `value` in a key's value (an array item, or the value itself). */
function valueIn(kv: Node, value: string): Node | undefined {
  const v = kv.value as Node | undefined;
  if (v?.type === 'String' && v.value === value) return v;
  if (v?.type !== 'InlineArray') return undefined;
  return v.items?.map((i) => i.item).find((n): n is Node => n?.type === 'String' && n.value === value);
}
