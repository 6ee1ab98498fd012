/**
 * Light TOML colouring for the reviewer, one line at a time so only the visible window is ever
 * looked at. This is display-only: smol-toml decides what is valid. A line inside a multi-line
 * string is coloured as if it stood alone, which is the price of not scanning the whole file.
 */
export type TokenKind =
  | 'table'
  | 'key'
  | 'string'
  | 'number'
  | 'bool'
  | 'comment'
  | 'punct'
  | 'conflict'
  | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

const VALUE_TOKEN =
  /("(?:[^"\\]|\\.)*"?|'[^']*'?)|(#.*$)|(\btrue\b|\bfalse\b)|((?<![\w.-])[+-]?(?:inf|nan)\b|(?<![\w.-])[+-]?\d[\d_:.eExXoObB+-]*(?:[Tt ]\d[\d:.]*)?(?:Z|[+-]\d\d:\d\d)?)|([[\]{},=])/y;

export function highlightLine(line: string): Token[] {
  if (/^(<{7}|={7}|>{7})( |$)/.test(line)) return [{ kind: 'conflict', text: line }];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  const out: Token[] = indent ? [{ kind: 'text', text: indent }] : [];
  if (rest.startsWith('#')) return [...out, { kind: 'comment', text: rest }];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']', rest.startsWith('[[') ? 2 : 1);
    const end = close < 0 ? rest.length : rest.startsWith('[[') && rest[close + 1] === ']' ? close + 2 : close + 1;
    out.push({ kind: 'table', text: rest.slice(0, end) });
    return [...out, ...valueTokens(rest.slice(end))];
  }
  const eq = keyEnd(rest);
  if (eq < 0) return [...out, ...valueTokens(rest)];
  out.push({ kind: 'key', text: rest.slice(0, eq) });
  return [...out, ...valueTokens(rest.slice(eq))];
}

/** Index of the `=` that ends a key (quoted keys may hold one), or -1. */
function keyEnd(s: string): number {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=') return i;
    else if (c === '#') return -1;
  }
  return -1;
}

function valueTokens(s: string): Token[] {
  const out: Token[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (i < s.length) {
    VALUE_TOKEN.lastIndex = i;
    const m = VALUE_TOKEN.exec(s);
    if (!m || m[0] === '') {
      plain += s[i++];
      continue;
    }
    flush();
    const kind: TokenKind = m[1] ? 'string' : m[2] ? 'comment' : m[3] ? 'bool' : m[4] ? 'number' : 'punct';
    out.push({ kind, text: m[0] });
    i += m[0].length;
  }
  flush();
  return out;
}
