import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ReviewDocument, WizardController } from '../../state/types.js';
import type { Finding } from '../../review/types.js';
import { createEditor, editorReducer, isDirty, textOf, type EditorState } from '../../review/edit-model.js';
import { findProblems, isPlaced, placeSorted, validateDocument } from '../../review/validate.js';
import { useDebouncedEffect } from './use-debounced-effect.js';

/** `diagnostic`: the notice shows that finding (an n/N jump); it goes when a check no longer finds it. */
export type Notice = { tone: 'info' | 'ok' | 'warn' | 'error'; text: string; diagnostic?: boolean };

export interface Validation {
  revision: number;
  /** Placed (line:column), or still at key paths while `unplaced` holds what to place. */
  diagnostics: readonly Finding[];
  unplaced?: { text: string; findings: readonly Finding[] };
}

const BIG = 2000;
/** Big files validate after a short pause in typing; small ones on the next frame. */
const validateDelay = (lines: number) => (lines > BIG ? 150 : 0);

/**
 * A big file's messages are shown as soon as the check has them, and their lines a moment later:
 * on a 6 MB map, finding where thousands of warnings sit takes a parse as long as the check.
 */
function check(text: string, lines: number, spec: ReviewDocument['spec'], revision: number): Validation {
  if (lines <= BIG) return { revision, diagnostics: validateDocument(text, spec) };
  const findings = findProblems(text, spec);
  if (findings.every(isPlaced)) return { revision, diagnostics: placeSorted(text, findings) };
  return { revision, diagnostics: findings, unplaced: { text, findings } };
}

const SAVE_DELAY_MS = 400;

/**
 * The reviewer's state: the buffer, validation of the latest text, saving (debounced, flushed
 * before any action that hands the text on), the approval state and a one-line notice.
 */
export function useReviewer(doc: ReviewDocument, controller: WizardController, height: number) {
  const [editor, dispatch] = useReducer(editorReducer, undefined, () => createEditor(doc.text, height));
  const [validation, setValidation] = useState<Validation>({ revision: -1, diagnostics: [] });
  const [approvedRevision, setApprovedRevision] = useState<number | undefined>(doc.approved ? 0 : undefined);
  const [proposal, setProposal] = useState(doc.proposal);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [saving, setSaving] = useState(false);
  const editorRef = useRef<EditorState>(editor);
  editorRef.current = editor;
  const spec = doc.spec;
  const step = doc.stepId;

  useEffect(() => {
    if (height !== editor.height) dispatch({ type: 'resize', height });
  }, [height, editor.height]);

  useDebouncedEffect(
    () => setValidation(check(textOf(editor), editor.lines.length, spec, editor.revision)),
    editor.revision,
    validateDelay(editor.lines.length),
  );

  // After the frame that shows the messages: their lines, unless the text changed meanwhile.
  useEffect(() => {
    const { unplaced, revision } = validation;
    if (!unplaced) return undefined;
    const t = setTimeout(() => {
      if (editorRef.current.revision === revision) setValidation({ revision, diagnostics: placeSorted(unplaced.text, unplaced.findings) });
    }, 0);
    return () => clearTimeout(t);
  }, [validation]);

  const saveNow = useCallback(async (): Promise<string> => {
    const s = editorRef.current;
    const text = textOf(s);
    if (!isDirty(s)) return text;
    setSaving(true);
    try {
      await controller.save(step, text);
      dispatch({ type: 'saved', revision: s.revision });
    } finally {
      setSaving(false);
    }
    return text;
  }, [controller, step]);

  const report = useCallback((e: unknown, what: string) => {
    const m = e instanceof Error ? e.message : String(e);
    const hint = (e as { hint?: unknown }).hint;
    setNotice({ tone: 'error', text: `${what}: ${m}${typeof hint === 'string' ? ` → ${hint}` : ''}` });
  }, []);

  useDebouncedEffect(
    () => {
      saveNow().catch((e: unknown) => report(e, 'Could not save'));
    },
    editor.revision,
    SAVE_DELAY_MS,
    isDirty(editor),
  );

  // Nothing typed is lost when the screen goes away (quit, crash) before the debounce fires.
  // There is no screen left to report a failure on: the runner keeps it and the wizard says it
  // on the way out (`b` saves through saveNow and reports here).
  useEffect(
    () => () => {
      const s = editorRef.current;
      if (isDirty(s)) controller.saveOnLeave(step, textOf(s));
    },
    [controller, step],
  );

  const current: Validation =
    validation.revision === editor.revision
      ? validation
      : { revision: editor.revision, diagnostics: validation.diagnostics };

  return {
    editor,
    dispatch,
    diagnostics: current.diagnostics,
    checking: validation.revision !== editor.revision,
    placing: validation.unplaced !== undefined,
    setValidation,
    approved: approvedRevision === editor.revision,
    setApprovedRevision,
    proposal,
    setProposal,
    notice,
    setNotice,
    saving,
    saveNow,
    report,
    editorRef,
    spec,
  };
}

export type Reviewer = ReturnType<typeof useReviewer>;
