import { Box, Text, useInput, type Key } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { ReviewDocument, WizardController } from '../../state/types.js';
import type { Diagnostic } from '../../steps/types.js';
import { diffRows } from '../../review/diff-view.js';
import { canUndo, isDirty, textOf } from '../../review/edit-model.js';
import { formatDiagnostic, isPlaced, nextDiagnostic } from '../../review/validate.js';
import { readLineInput, splitKeyBurst } from '../../review/line-input.js';
import { useTheme } from '../theme.js';
import { CodeView, windowOf } from './CodeView.js';
import { DiffView } from './DiffView.js';
import { ReviewStatus } from './ReviewStatus.js';
import { approve, editExternally, regenerate } from './reviewer-actions.js';
import { useReviewer, type Reviewer } from './use-reviewer.js';

/** Columns one ←/→ press scrolls. */
const SIDE_STEP = 20;

type Mode =
  | { kind: 'view' }
  | { kind: 'edit'; draft: string }
  | { kind: 'insert'; draft: string }
  | { kind: 'diff'; top: number }
  | { kind: 'busy' };

export interface ReviewerViewProps {
  doc: ReviewDocument;
  controller: WizardController;
  /** Rows for the file itself. */
  height: number;
  onBack: () => void;
}

/** The TOML reviewer once its document is loaded. */
export function ReviewerView({ doc, controller, height, onBack }: ReviewerViewProps) {
  const { colour } = useTheme();
  const r = useReviewer(doc, controller, height);
  // A finding shown by n/N that an edit fixed is not left on screen as if it still stood.
  const shown = r.notice?.diagnostic ? r.notice.text : undefined;
  useEffect(() => {
    if (shown !== undefined && !r.checking && !r.placing && !r.diagnostics.some((d) => formatDiagnostic(d) === shown)) r.setNotice(undefined);
  }, [shown, r.diagnostics, r.checking, r.placing]);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  // Columns scrolled off to the left (←/→): long comments and values can be read to their end.
  const [left, setLeft] = useState(0);
  const { editor, diagnostics } = r;
  const errorsByLine = useMemo(() => {
    const m = new Map<number, Diagnostic>();
    for (const d of diagnostics) if (isPlaced(d) && !m.has(d.line - 1)) m.set(d.line - 1, d);
    return m;
  }, [diagnostics]);
  const diff = useMemo(
    () => (mode.kind === 'diff' ? diffRows(r.proposal ?? '', textOf(editor)) : undefined),
    // The diff only changes with the text, which only changes with the revision.
    [mode.kind === 'diff', r.proposal, editor.revision],
  );

  const busy = (what: string, fn: () => Promise<void>) => {
    setMode({ kind: 'busy' });
    fn()
      .catch((e: unknown) => r.report(e, what))
      .finally(() => setMode({ kind: 'view' }));
  };

  useInput(
    (input, key) => {
      if (mode.kind === 'edit' || mode.kind === 'insert') {
        if (key.escape) setMode({ kind: 'view' });
        return;
      }
      // Keys that arrived in one read ("jjj") are still one press each.
      const keys = splitKeyBurst(input, 'jkDu') ?? [input];
      for (const k of keys) {
        if (mode.kind === 'diff') diffKeys(k, key, mode.top, diff?.rows.length ?? 0);
        else viewKeys(k, key);
      }
    },
    { isActive: mode.kind !== 'busy' },
  );

  function diffKeys(input: string, key: Key, top: number, rows: number) {
    const max = Math.max(0, rows - (height - 1));
    const to = (t: number) => setMode({ kind: 'diff', top: Math.max(0, Math.min(max, t)) });
    if (key.upArrow || input === 'k') to(top - 1);
    else if (key.downArrow || input === 'j') to(top + 1);
    else if (key.pageUp) to(top - height);
    else if (key.pageDown) to(top + height);
    else if (input === 'd' || input === 'b' || key.escape) setMode({ kind: 'view' });
  }

  function viewKeys(input: string, key: Key) {
    const d = r.dispatch;
    if (key.upArrow || input === 'k') d({ type: 'move', delta: -1 });
    else if (key.downArrow || input === 'j') d({ type: 'move', delta: 1 });
    else if (key.pageUp) d({ type: 'page', dir: -1 });
    else if (key.pageDown) d({ type: 'page', dir: 1 });
    else if (key.rightArrow || input === 'l') setLeft((c) => Math.min(c + SIDE_STEP, Math.max(0, longestVisible() - SIDE_STEP)));
    else if (key.leftArrow || input === 'h') setLeft((c) => Math.max(0, c - SIDE_STEP));
    else if (key.home) d({ type: 'goto', line: 0 });
    else if (key.end) d({ type: 'goto', line: editor.lines.length - 1 });
    else if (input === 'i') setMode({ kind: 'edit', draft: editor.lines[editor.cursor] });
    else if (input === 'o') setMode({ kind: 'insert', draft: '' });
    else if (input === 'D' || (key.ctrl && input === 'k')) d({ type: 'delete-line' });
    else if (input === 'u') {
      if (canUndo(editor)) d({ type: 'undo' });
      else r.setNotice({ tone: 'info', text: 'Nothing to undo.' });
    }
    else if (input === 'n' || input === 'N') jumpToDiagnostic(r, input === 'n' ? 1 : -1);
    else if (input === 'd') {
      if (r.proposal === undefined) r.setNotice({ tone: 'info', text: 'No generated proposal to compare with.' });
      else setMode({ kind: 'diff', top: 0 });
    } else if (input === 'a') busy('Approve failed', () => approve(r, controller, doc.stepId));
    else if (input === 'g') busy('Regenerate failed', () => regenerate(r, controller, doc.stepId));
    else if (input === 'e') busy('Editor hand-off failed', () => editExternally(r, controller, doc.stepId));
    else if (input === 'b' || key.escape) busy('Could not save', async () => {
      await r.saveNow();
      onBack();
    });
  }

  /** The longest line on screen: → stops once it would scroll that one out of sight. */
  function longestVisible(): number {
    let n = 0;
    for (const row of windowOf(editor).rows) n = Math.max(n, row.text.length);
    return n;
  }

  const lineInput = (kind: 'edit' | 'insert', draft: string) => {
    const commit = (text: string) => {
      r.dispatch(kind === 'edit' ? { type: 'replace-line', text } : { type: 'insert-below', text });
      setMode({ kind: 'view' });
    };
    return {
      draft,
      onChange: (v: string) => {
        const read = readLineInput(v);
        if (read.submitted) commit(read.text);
        else setMode({ kind, draft: read.text });
      },
      onSubmit: (v: string) => commit(readLineInput(v).text),
    };
  };

  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text bold>
        Reviewing {doc.file} <Text color={colour('muted')}>({editor.lines.length} lines)</Text>
      </Text>
      {mode.kind === 'diff' && diff ? (
        <DiffView diff={diff} top={mode.top} height={height} />
      ) : (
        <CodeView
          view={windowOf(editor)}
          left={left}
          errorsByLine={errorsByLine}
          editing={mode.kind === 'edit' ? lineInput('edit', mode.draft) : undefined}
          inserting={mode.kind === 'insert' ? lineInput('insert', mode.draft) : undefined}
        />
      )}
      <ReviewStatus
        diagnostics={diagnostics}
        checking={r.checking}
        placing={r.placing}
        saving={r.saving}
        dirty={isDirty(editor)}
        approved={r.approved}
        cursor={editor.cursor}
        total={editor.lines.length}
        notice={r.notice}
        busy={mode.kind === 'busy'}
      />
      <Text color={colour('muted')}>
        {helpFor(mode.kind)}
      </Text>
    </Box>
  );
}

function jumpToDiagnostic(r: Reviewer, dir: 1 | -1) {
  const next = nextDiagnostic(r.diagnostics, r.editor.cursor, dir);
  if (!next) {
    r.setNotice({ tone: 'ok', text: r.checking || r.placing ? 'Still checking…' : 'No errors.' });
    return;
  }
  r.dispatch({ type: 'goto', line: next.line - 1 });
  r.setNotice({ tone: next.severity === 'error' ? 'error' : 'warn', text: formatDiagnostic(next), diagnostic: true });
}

function helpFor(kind: Mode['kind']): string {
  switch (kind) {
    case 'edit':
    case 'insert':
      return 'enter keep · esc cancel';
    case 'diff':
      return '↑↓ pgup/pgdn scroll · d/esc back to the file';
    case 'busy':
      return 'working…';
    case 'view':
      return '↑↓ pgup/pgdn move · ←→ sideways · i edit · o new line · D delete · u undo · n/N next/prev error · d diff · e $EDITOR · a approve · g regenerate · b back';
  }
}
