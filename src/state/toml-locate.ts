import { parseDocument } from '@decimalturn/toml-patch';

interface Pos {
  line: number;
  column: number;
}
interface Node {
  type: string;
  loc: { start: Pos; end: Pos };
  key?: { item?: { value: string[] }; value?: string[] };
  items?: Node[];
  value?: Node;
  item?: Node;
}

/**
 * 1-based line:column of a key path in TOML text (the deepest part of the path that exists), so
 * a schema error can point at the offending key. Falls back to 1:1.
 */
export function locateKey(text: string, path: readonly (string | number)[]): { line: number; column: number } {
  let blocks: Node[];
  try {
    blocks = parseDocument(text).cst as unknown as Node[];
  } catch {
    return { line: 1, column: 1 };
  }
  const keys = path.map(String);
  let best: { depth: number; pos: Pos } = { depth: 0, pos: { line: 1, column: 0 } };
  const consider = (prefix: string[], n: Node, pos: Pos) => {
    let d = 0;
    while (d < prefix.length && d < keys.length && prefix[d] === keys[d]) d++;
    if (d === prefix.length && d > best.depth) best = { depth: d, pos };
  };
  const walkItems = (prefix: string[], items: Node[] | undefined) => {
    for (const it of items ?? []) {
      if (it.type !== 'KeyValue' || !it.key?.value) continue;
      const full = [...prefix, ...it.key.value];
      consider(full, it, it.loc.start);
      if (it.value?.type === 'InlineTable') walkItems(full, it.value.items?.map((i) => i.item as Node));
    }
  };
  walkItems([], blocks);
  for (const b of blocks) {
    if ((b.type === 'Table' || b.type === 'TableArray') && b.key?.item?.value) {
      const prefix = b.key.item.value;
      consider(prefix, b, b.loc.start);
      walkItems(prefix, b.items);
    }
  }
  return { line: best.pos.line, column: best.pos.column + 1 };
}
