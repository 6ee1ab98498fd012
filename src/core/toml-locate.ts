/**
 * Where a key path sits in TOML text (1-based line:column), for the messages that name file:line.
 * smol-toml parses the files but gives no positions; @decimalturn/toml-patch's parser does. The one
 * locator for the config, the module map and the feature map.
 *
 * Every position comes from the parser, never from reading lines: a table header inside a
 * multi-line string, a quoted key holding `[` or `=`, an array of arrays are what the parser says
 * they are. The text is parsed in order, a segment at a time, only as far as the keys asked for:
 * a check that finds nothing asks nothing, and the first warnings of a 6 MB map are placed
 * without parsing all of it. A segment ends before a line that starts with `[` and is kept only
 * if it parses on its own: a document cannot end inside a string, an array or an inline table,
 * so a segment that parses ends where the whole text is between two statements, and its
 * positions are the whole text's.
 */
import { parseDocument, TomlFormat } from '@decimalturn/toml-patch';

export interface Pos {
  line: number;
  column: number;
}

interface Loc {
  start: { line: number; column: number };
}

interface Node {
  type: string;
  loc: Loc;
  key?: { value?: string[]; item?: { value: string[] } };
  items?: Node[];
  item?: Node;
  value?: Node | string | number | boolean;
}

/** A key, table or array item: where it is, and the string written there when it is one. */
interface Place {
  pos?: Pos;
  text?: string;
  /** Only named by a longer header or dotted key; a table or key of its own takes its place. */
  implied?: boolean;
  /** Keys (and array indexes) under it. */
  kids?: Map<string, Place>;
  /** An inline array whose items get places when one is asked for, with the lines before its segment. */
  array?: { node: Node; lines: number };
}

/** Characters a segment takes at least (then up to the next line that starts with `[`). */
const SEGMENT = 64 * 1024;

/**
 * The parser's tree, without the layout guess (indent, newline, spacing) parseDocument makes for
 * writing the text back: positions do not need it, and on a 6 MB map it is 40% of the parse.
 */
function blocks(text: string): Node[] | undefined {
  const guess = TomlFormat.autoDetectFormatWithCst;
  TomlFormat.autoDetectFormatWithCst = () => TomlFormat.default();
  try {
    return parseDocument(text).cst as unknown as Node[];
  } catch {
    return undefined;
  } finally {
    TomlFormat.autoDetectFormatWithCst = guess;
  }
}

/** Positions in one text; build it once per text and ask as often as needed. */
export class TomlLocator {
  private readonly root: Place = {};
  /** How many [[tables]] each array of tables has so far: a header's key resolves to the last one. */
  private readonly arrays = new Map<Place, number>();
  /** The text before this offset is indexed; it ends between two statements. */
  private done = 0;
  /** Lines before `done`. */
  private lines = 0;

  constructor(private readonly text: string) {}

  /**
   * The deepest part of `path` the text has: a key (also inside dotted keys and inline tables), an
   * array item, the n-th `[[array]]` table for a numeric part, or a table header. With `value`,
   * the string item equal to it in that key's array (or the key's string value). Falls back to 1:1.
   */
  at(path: readonly PropertyKey[], value?: string): Pos {
    const keys = path.map(String);
    // The whole path, as soon as the text read so far has it; a part of it only once all is read.
    let found = this.find(keys);
    while ((!found || found.implied) && this.more()) found = this.find(keys);
    const whole = found;
    for (let cut = keys.length - 1; !found && cut > 0; cut--) found = this.find(keys.slice(0, cut));
    if (!found?.pos) return { line: 1, column: 1 };
    if (value === undefined || found !== whole || found.text === value) return found.pos;
    const items = this.kids(found);
    for (let i = 0; items.has(String(i)); i++) if (items.get(String(i))?.text === value) return items.get(String(i))?.pos ?? found.pos;
    return found.pos;
  }

  private find(keys: readonly string[]): Place | undefined {
    let p: Place | undefined = this.root;
    for (const k of keys) p = p && this.kids(p).get(k);
    return p?.pos ? p : undefined;
  }

  /** A place's keys; an inline array's items are placed the first time they are asked for. */
  private kids(p: Place): Map<string, Place> {
    p.kids ??= new Map();
    if (p.array) {
      const { node, lines } = p.array;
      p.array = undefined;
      (node.items ?? []).forEach((it, i) => {
        if (it.item) this.value(this.kid(p, String(i)), it.item, posAt(it.item.loc, lines), lines);
      });
    }
    return p.kids;
  }

  private kid(p: Place, k: string): Place {
    p.kids ??= new Map();
    let kid = p.kids.get(k);
    if (!kid) p.kids.set(k, (kid = {}));
    return kid;
  }

  private static mark(p: Place, pos: Pos, implied: boolean): void {
    if (!p.pos || (p.implied && !implied)) {
      p.pos = pos;
      p.implied = implied;
    }
  }

  /** Indexes the next segment; false when all the text is indexed. */
  private more(): boolean {
    const { text } = this;
    if (this.done >= text.length) return false;
    let size = SEGMENT;
    for (;;) {
      const next = text.indexOf('\n[', this.done + size);
      const end = next < 0 ? text.length : next + 1;
      const cst = blocks(text.slice(this.done, end));
      if (cst || end === text.length) {
        // A text the parser refuses (the caller checks syntax first) keeps what was found before.
        for (const block of cst ?? []) this.block(block);
        for (let i = text.indexOf('\n', this.done); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) this.lines++;
        this.done = end;
        return true;
      }
      // The cut fell inside a multi-line string or array: take a longer segment.
      size = end - this.done + size;
    }
  }

  private block(block: Node): void {
    if (block.type === 'KeyValue') this.keyValue(this.root, block, this.lines);
    else if (block.type === 'Table' || block.type === 'TableArray') {
      const table = this.header(block);
      for (const it of block.items ?? []) if (it.type === 'KeyValue') this.keyValue(table, it, this.lines);
    }
  }

  private header(block: Node): Place {
    const key = block.key?.item?.value ?? [];
    const pos = posAt(block.loc, this.lines);
    let p = this.root;
    key.forEach((k, i) => {
      p = this.kid(p, k);
      const n = this.arrays.get(p);
      const last = i === key.length - 1;
      if (last && block.type === 'TableArray') {
        TomlLocator.mark(p, pos, true);
        this.arrays.set(p, (n ?? 0) + 1);
        p = this.kid(p, String(n ?? 0));
      } else if (n !== undefined) p = this.kid(p, String(n - 1));
      TomlLocator.mark(p, pos, !last);
    });
    return p;
  }

  private value(p: Place, v: Node | undefined, pos: Pos, lines: number): void {
    if (p.pos && !p.implied) return;
    TomlLocator.mark(p, pos, false);
    if (v?.type === 'String') p.text = String(v.value);
    else if (v?.type === 'InlineArray') p.array = { node: v, lines };
    else if (v?.type === 'InlineTable') {
      for (const it of v.items ?? []) if (it.item) this.keyValue(p, it.item, lines);
    }
  }

  /** A key-value of a table or an inline table (in an array placed later: with its segment's line offset). */
  private keyValue(table: Place, kv: Node, lines: number): void {
    const pos = posAt(kv.loc, lines);
    let p = table;
    for (const k of kv.key?.value ?? []) {
      if (p !== table) TomlLocator.mark(p, pos, true);
      p = this.kid(p, k);
    }
    this.value(p, kv.value as Node | undefined, pos, lines);
  }
}

const posAt = (loc: Loc, lines: number): Pos => ({ line: loc.start.line + lines, column: loc.start.column + 1 });
