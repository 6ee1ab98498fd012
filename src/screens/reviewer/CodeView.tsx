import { Box, Text } from 'ink';
import { LineInput } from '../LineInput.js';
import { memo } from 'react';
import type { Diagnostic } from '../../steps/types.js';
import { visibleLines, type EditorState } from '../../review/edit-model.js';
import { highlightLine, type TokenKind } from '../../review/highlight.js';
import { useTheme, type ColourName, type Theme } from '../theme.js';

export interface LineDraft {
  draft: string;
  onChange: (v: string) => void;
  onSubmit: (v: string) => void;
}

export interface CodeViewProps {
  /**
   * Only what is on screen. Never the whole buffer: React's development build diffs the props of
   * every component it re-renders, and 10,000 lines there cost tens of milliseconds per key.
   */
  view: CodeWindow;
  /** 0-based line -> its first diagnostic. */
  errorsByLine: ReadonlyMap<number, Diagnostic>;
  /** `i`: the cursor line becomes an input. */
  editing?: LineDraft;
  /** `o`: an input row appears below the cursor line. */
  inserting?: LineDraft;
  /** Columns scrolled off to the left; a line that starts further left shows `…` first. */
  left?: number;
}

export interface CodeWindow {
  rows: readonly { index: number; text: string }[];
  cursor: number;
  total: number;
  height: number;
}

export const windowOf = (s: EditorState): CodeWindow => ({
  rows: visibleLines(s),
  cursor: s.cursor,
  total: s.lines.length,
  height: s.height,
});

/** The visible window of the file, never more: this is what keeps 10,000 lines responsive. */
export function CodeView({ view, errorsByLine, editing, inserting, left = 0 }: CodeViewProps) {
  const theme = useTheme();
  const numWidth = String(view.total).length;
  const rows = view.rows;
  // While inserting, the window gives up its last row to the input.
  const shown = inserting && rows.length === view.height ? rows.slice(0, -1) : rows;
  return (
    <Box flexDirection="column">
      {shown.map(({ index, text }) => {
        const cursor = index === view.cursor;
        const diag = errorsByLine.get(index);
        return (
          <Box key={index} flexDirection="column">
            {cursor && editing ? (
              <Box>
                <Text inverse>{String(index + 1).padStart(numWidth)}</Text>
                <Text color={theme.colour('accent')}> ✎ </Text>
                <LineInput value={editing.draft} onChange={editing.onChange} onSubmit={editing.onSubmit} />
              </Box>
            ) : (
              <CodeLine
                number={index + 1}
                numWidth={numWidth}
                text={text}
                cursor={cursor}
                severity={diag?.severity}
                theme={theme}
                left={left}
              />
            )}
            {cursor && inserting ? (
              <Box>
                <Text color={theme.colour('muted')}>{'+'.padStart(numWidth)}</Text>
                <Text color={theme.colour('accent')}> ✎ </Text>
                <LineInput value={inserting.draft} onChange={inserting.onChange} onSubmit={inserting.onSubmit} />
              </Box>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

const TOKEN_COLOUR: Record<TokenKind, ColourName | undefined> = {
  table: 'table',
  key: 'key',
  string: 'string',
  number: 'number',
  bool: 'number',
  comment: 'comment',
  conflict: 'error',
  punct: undefined,
  text: undefined,
};

interface CodeLineProps {
  number: number;
  numWidth: number;
  text: string;
  cursor: boolean;
  severity?: Diagnostic['severity'];
  theme: Theme;
  left: number;
}

const CodeLine = memo(function CodeLine({ number, numWidth, text, cursor, severity, theme, left }: CodeLineProps) {
  const mark = severity === 'error' ? '✖' : severity === 'warning' ? '!' : cursor ? '›' : ' ';
  const markColour = severity === 'error' ? 'error' : severity === 'warning' ? 'warn' : 'accent';
  // Tabs and carriage returns would move the terminal cursor; show them as plain spaces.
  const display = text.replace(/\t/g, '  ').replace(/\r/g, '');
  return (
    <Text wrap="truncate-end">
      <Text inverse={cursor} color={cursor ? undefined : theme.colour('muted')}>
        {String(number).padStart(numWidth)}
      </Text>
      <Text color={theme.colour(markColour)}> {mark} </Text>
      {scrolled(runs(display, theme), left).map((t, i) => (
        <Text key={i} color={t.colour} bold={t.bold}>
          {t.text}
        </Text>
      ))}
    </Text>
  );
});

/**
 * The runs without their first `left` characters (coloured as the whole line was, not as the
 * cut text would tokenize), with `…` where text was cut off.
 */
export function scrolled<R extends { text: string }>(line: R[], left: number): (R | { text: string; colour?: string; bold: boolean })[] {
  if (left <= 0) return line;
  const out: (R | { text: string; colour?: string; bold: boolean })[] = [];
  let skip = left;
  for (const r of line) {
    if (skip >= r.text.length) {
      skip -= r.text.length;
      continue;
    }
    out.push(skip > 0 ? { ...r, text: r.text.slice(skip) } : r);
    skip = 0;
  }
  if (out.length === 0) return out;
  const first = out[0];
  out[0] = { ...first, text: `…${first.text.slice(1)}` };
  return out;
}

/** Tokens merged into runs of one style: fewer nodes for Ink to lay out on every frame. */
function runs(line: string, theme: Theme): { text: string; colour?: string; bold: boolean }[] {
  const out: { text: string; colour?: string; bold: boolean }[] = [];
  for (const t of highlightLine(line)) {
    const name = TOKEN_COLOUR[t.kind];
    const colour = name ? theme.colour(name) : undefined;
    const bold = t.kind === 'table' || t.kind === 'conflict';
    const last = out[out.length - 1];
    if (last && last.colour === colour && last.bold === bold) last.text += t.text;
    else out.push({ text: t.text, colour, bold });
  }
  return out;
}
