/**
 * 1-based line:column of a key or value in module_model_map.toml. smol-toml gives no positions,
 * so the lines of the table are scanned for the key and the quoted value; parsing stays smol-toml's.
 */
import type { MapPath } from './map-types.js';

const HEADER = /^\s*\[\s*([^\][]+?)\s*\]\s*(?:#.*)?$/;

export interface Pos {
  line: number;
  column: number;
}

export class TomlPositions {
  private readonly lines: string[];
  /** Table name -> [first line index, end index) of its body; '' is the root. */
  private readonly tables = new Map<string, [number, number]>();

  constructor(text: string) {
    this.lines = text.split('\n');
    let current = '';
    let start = 0;
    for (let i = 0; i < this.lines.length; i++) {
      const m = HEADER.exec(this.lines[i]);
      if (!m) continue;
      if (!this.tables.has(current)) this.tables.set(current, [start, i]);
      current = dottedKey(m[1]);
      start = i;
    }
    if (!this.tables.has(current)) this.tables.set(current, [start, this.lines.length]);
  }

  find(path: MapPath): Pos {
    const range = this.tables.get(path.table ?? '') ?? [0, this.lines.length];
    let [from] = range;
    const to = range[1];
    let at: Pos = { line: from + 1, column: 1 };
    if (path.table !== undefined) at = { line: from + 1, column: Math.max(1, this.lines[from].indexOf('[') + 1) };
    if (path.key !== undefined) {
      const keyRe = new RegExp(`^\\s*("?)${escapeRe(path.key)}\\1\\s*=`);
      for (let i = from; i < to; i++) {
        if (keyRe.test(this.lines[i])) {
          at = { line: i + 1, column: this.lines[i].search(/\S/) + 1 };
          from = i;
          break;
        }
      }
    }
    if (path.value !== undefined) {
      for (let i = from; i < to; i++) {
        const line = this.lines[i];
        const col = Math.max(line.indexOf(`"${path.value}"`), line.indexOf(`'${path.value}'`));
        if (col >= 0 && !line.trimStart().startsWith('#')) return { line: i + 1, column: col + 1 };
      }
    }
    return at;
  }
}

/** `modules."a.b"` -> modules.a.b: the table name as smol-toml keys it (quotes removed). */
function dottedKey(header: string): string {
  return [...header.matchAll(/"([^"]*)"|'([^']*)'|([^.\s"']+)/g)].map((m) => m[1] ?? m[2] ?? m[3]).join('.');
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
