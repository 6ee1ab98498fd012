import type { WizardController, ReviewDocument } from '../../state/types.js';
import { textOf } from '../../review/edit-model.js';
import { conflictLines, countConflicts, errorsOf, formatDiagnostic, isPlaced, validateDocument } from '../../review/validate.js';
import type { Reviewer } from './use-reviewer.js';

type Step = ReviewDocument['stepId'];

/** `a`: refused with the first error while the text is invalid, else handed to the controller. */
export async function approve(r: Reviewer, controller: WizardController, step: Step): Promise<void> {
  const s = r.editorRef.current;
  const text = textOf(s);
  // The check shown is of this very text once it is complete: a big map is not checked twice.
  const shown = !r.checking && !r.placing && r.editor.revision === s.revision;
  const diagnostics = shown ? r.diagnostics.filter(isPlaced) : validateDocument(text, r.spec);
  if (!shown) r.setValidation({ revision: s.revision, diagnostics });
  const errors = errorsOf(diagnostics);
  if (errors.length > 0) {
    r.dispatch({ type: 'goto', line: errors[0].line - 1 });
    r.setNotice({
      tone: 'error',
      text: `Cannot approve: ${errors.length} error${errors.length === 1 ? '' : 's'}. First: ${formatDiagnostic(errors[0])}`,
    });
    return;
  }
  await r.saveNow();
  const res = await controller.approve(step, text);
  if (!res.ok) {
    r.setValidation({ revision: s.revision, diagnostics: res.errors });
    const first = res.errors[0];
    if (first) r.dispatch({ type: 'goto', line: first.line - 1 });
    r.setNotice({ tone: 'error', text: `Cannot approve: ${first ? formatDiagnostic(first) : 'refused'}` });
    return;
  }
  r.setApprovedRevision(s.revision);
  r.setNotice({ tone: 'ok', text: 'Approved. b to go back to the steps.' });
}

/** `g`: re-run the generator; the controller merges the user's edits three ways. */
export async function regenerate(r: Reviewer, controller: WizardController, step: Step): Promise<void> {
  await r.saveNow();
  r.setNotice({ tone: 'info', text: 'Regenerating…' });
  const before = textOf(r.editorRef.current);
  const doc = await controller.regenerate(step);
  const revision = r.editorRef.current.revision + 1;
  r.dispatch({ type: 'load', text: doc.text, saved: true });
  r.setProposal(doc.proposal);
  r.setApprovedRevision(doc.approved ? revision : undefined);
  const lines = doc.text.split('\n');
  const conflicts = countConflicts(lines);
  if (conflicts > 0) {
    r.dispatch({ type: 'goto', line: conflictLines(lines)[0] });
    r.setNotice({
      tone: 'warn',
      text: `${conflicts} conflict${conflicts === 1 ? '' : 's'} between your edits and the new proposal: keep what you want, delete the markers (n jumps to the next).`,
    });
  } else {
    r.setNotice({ tone: 'ok', text: doc.text === before ? 'Regenerated: nothing changed.' : 'Regenerated; your edits were kept.' });
  }
}

/** `e`: hand the text to $VISUAL/$EDITOR and take back what was saved there. */
export async function editExternally(r: Reviewer, controller: WizardController, step: Step): Promise<void> {
  const text = await r.saveNow();
  r.setNotice({ tone: 'info', text: 'Waiting for your editor…' });
  const edited = await controller.editExternally(step, text);
  if (edited === text) {
    r.setNotice({ tone: 'info', text: 'Back from the editor: no changes.' });
    return;
  }
  r.dispatch({ type: 'load', text: edited, saved: false });
  r.setNotice({ tone: 'info', text: 'Back from the editor: changes loaded.' });
}
