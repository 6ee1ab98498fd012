import { act } from 'react';
import { render, cleanup } from 'ink-testing-library';
import { App } from '../../src/app.js';
import type { ReviewDocument } from '../../src/state/types.js';
import { merge3 } from '../../src/review/merge3.js';
import { baseState, callsNamed, fakeWizard, type FakeOptions } from './fake-wizard.js';
import { testSpec, validMap } from '../review/review-spec.fixture.js';
import { KEY, press, waitFor } from './wait.js';

afterEach(async () => {
  await act(async () => cleanup());
});

const invalidMap = validMap.replace('status = "keep"', 'status = "maybe"');
const docOf = (text: string, over: Partial<ReviewDocument> = {}): ReviewDocument => ({
  stepId: 'map-review',
  file: 'module_model_map.toml',
  text,
  proposal: validMap,
  spec: testSpec,
  approved: false,
  ...over,
});

async function openReviewer(text: string, opts: Omit<FakeOptions, 'docs'> = {}, over: Partial<ReviewDocument> = {}) {
  const w = fakeWizard(baseState({ current: 'map-review' }, { 'map-review': { kind: 'awaiting-review' } }), {
    ...opts,
    docs: { 'map-review': docOf(text, over) },
  });
  let r!: ReturnType<typeof render>;
  await act(async () => {
    r = render(<App store={w.store} controller={w.controller} noColor />);
  });
  await press(r.stdin, KEY.enter);
  const frame = () => r.lastFrame() ?? '';
  await waitFor(() => frame().includes('Reviewing module_model_map.toml'), 'the reviewer opens', frame);
  await waitFor(() => !frame().includes('checking'), 'the first validation', frame);
  return { w, r, frame };
}

describe('the TOML reviewer', () => {
  test('approve is refused while invalid, then accepted after an inline fix', async () => {
    const { w, r, frame } = await openReviewer(invalidMap);
    expect(frame()).toContain('✖ invalid: 1 error');
    expect(frame()).toContain('4:10 module.sales_extra.status must be "keep" or "drop"');
    await press(r.stdin, 'a');
    await waitFor(() => frame().includes('Cannot approve'), 'the refusal', frame);
    expect(frame()).toContain('Cannot approve: 1 error. First: 4:10');
    expect(frame()).toContain('line 4/');
    expect(callsNamed(w.calls, 'approve')).toHaveLength(0);

    await press(r.stdin, 'i');
    // A held backspace reaches Ink as one chunk; it still erases.
    await press(r.stdin, KEY.backspace.repeat('"maybe"'.length));
    await press(r.stdin, '"drop"\r'); // typed fast: the text and enter in one chunk
    await waitFor(() => frame().includes('✔ valid'), 'valid after the fix', frame);
    await press(r.stdin, 'a');
    await waitFor(() => frame().includes('approved') && !frame().includes('not approved'), 'approved', frame);
    const fixed = invalidMap.replace('"maybe"', '"drop"');
    expect(callsNamed(w.calls, 'approve')).toEqual([['approve', 'map-review', fixed]]);
    // The edit was saved before it was approved.
    const names = w.calls.map((c) => c[0]);
    expect(names.lastIndexOf('save')).toBeLessThan(names.indexOf('approve'));
    expect(w.docs['map-review']?.text).toBe(fixed);
  });

  test('an approved file says so until its text changes', async () => {
    const { r, frame } = await openReviewer(validMap, {}, { approved: true });
    expect(frame()).toMatch(/✔ valid · saved · approved/);
    await press(r.stdin, 'D');
    expect(frame()).toContain('not approved');
    expect(frame()).toContain('● unsaved');
  });

  test('a syntax error shows its line:col and n jumps to it', async () => {
    const { r, frame } = await openReviewer(validMap.replace('models = []', 'models = ['));
    expect(frame()).toMatch(/✖ 8:\d+ /);
    await press(r.stdin, 'n');
    expect(frame()).toContain('line 8/');
  });

  test('the finding n showed goes once an edit fixes it; it stays while the error does', async () => {
    const { r, frame } = await openReviewer(invalidMap);
    await press(r.stdin, 'n');
    const shown = /4:10 module\.sales_extra\.status must be "keep" or "drop"/g;
    // In the list of findings and in the notice below the status line.
    await waitFor(() => (frame().match(shown) ?? []).length === 2, 'the jump notice', frame);
    await press(r.stdin, 'o', 'note = "x"', KEY.escape);
    expect((frame().match(shown) ?? []).length).toBe(2);
    await press(r.stdin, 'i');
    await press(r.stdin, KEY.backspace.repeat('"maybe"'.length));
    await press(r.stdin, '"drop"\r');
    await waitFor(() => frame().includes('✔ valid'), 'valid after the fix', frame);
    await waitFor(() => !frame().includes('must be "keep" or "drop"'), 'the notice gone', frame);
  });

  test('o inserts a line (esc cancels), D deletes one, and edits are saved without approving', async () => {
    const { w, r, frame } = await openReviewer(validMap);
    await press(r.stdin, 'o', 'junk', KEY.escape);
    expect(frame()).not.toContain('junk');
    await press(r.stdin, 'o', 'note = "added"', KEY.enter);
    expect(frame()).toMatch(/2 › note = "added"/);
    await press(r.stdin, KEY.down, KEY.down, 'D');
    // On a loaded machine a save may land between the keys: wait for the one after the last key.
    const savedHead = () => (w.docs['map-review']?.text ?? '').split('\n').slice(0, 4);
    await waitFor(() => callsNamed(w.calls, 'save').length > 0 && savedHead()[3] === 'status = "keep"' && frame().includes('saved'), 'the save', frame);
    expect(savedHead()).toEqual(['# module map', 'note = "added"', '[module.sales_extra]', 'status = "keep"']);
    expect(callsNamed(w.calls, 'approve')).toHaveLength(0);
  });

  test('an edit not yet saved when the reviewer goes away is handed to the runner, which reports a failed save', async () => {
    const { w, r } = await openReviewer(validMap);
    await press(r.stdin, 'D');
    // Gone before the debounced save fires (quit, ctrl-c): the last edit still goes out.
    await act(async () => r.unmount());
    expect(callsNamed(w.calls, 'save')).toHaveLength(0);
    expect(callsNamed(w.calls, 'saveOnLeave')).toEqual([['saveOnLeave', 'map-review', validMap.split('\n').slice(1).join('\n')]]);
  });

  test('d shows the proposal against the edited text', async () => {
    const { r, frame } = await openReviewer(invalidMap);
    await press(r.stdin, 'd');
    expect(frame()).toContain('- status = "keep"');
    expect(frame()).toContain('+ status = "maybe"');
    await press(r.stdin, 'd');
    expect(frame()).toContain('i edit');
  });

  test('regenerate with a conflict says how many and jumps to the first', async () => {
    const user = invalidMap.replace('"maybe"', '"drop"');
    const newProposal = validMap.replace('status = "keep"', 'status = "keep" # still used');
    const merged = merge3(validMap, user, newProposal);
    const at = merged.text.split('\n').findIndex((l) => l.startsWith('<<<<<<<')) + 1;
    const { r, frame } = await openReviewer(user, {
      regenerated: { 'map-review': docOf(merged.text, { proposal: newProposal }) },
    });
    await press(r.stdin, 'g');
    await waitFor(() => frame().includes('1 conflict'), 'the conflict notice', frame);
    expect(frame()).toContain(`line ${at}/`);
    await waitFor(() => frame().includes('✖ invalid'), 'conflict markers are invalid', frame);
  });

  test('e hands the text to the editor and validates what comes back', async () => {
    const { w, r, frame } = await openReviewer(validMap, { edited: (t) => t.replace('models = []', 'models = [1') });
    await press(r.stdin, 'e');
    await waitFor(() => frame().includes('Back from the editor'), 'the editor returns', frame);
    await waitFor(() => frame().includes('✖ invalid'), 'the edited text is validated', frame);
    expect(frame()).toMatch(/✖ 8:1 expected comma/);
    expect(callsNamed(w.calls, 'editExternally')).toHaveLength(1);
  });

  test('b goes back to the rail, saving what was typed', async () => {
    const { w, r, frame } = await openReviewer(validMap);
    await press(r.stdin, 'D', 'b');
    await waitFor(() => frame().includes('↑↓/1-7 choose'), 'back on the rail', frame);
    expect(w.docs['map-review']?.text).toBe(validMap.split('\n').slice(1).join('\n'));
  });

  test('→ and ← scroll sideways to read a long line to its end', async () => {
    const long = `# ${'a long comment that does not fit the terminal, '.repeat(4)}THE-END`;
    const { r, frame } = await openReviewer(`${long}\n${validMap}`);
    expect(frame()).not.toContain('THE-END');
    expect(frame()).toContain('# a long comment');
    for (let i = 0; i < 8; i++) await press(r.stdin, KEY.right);
    await waitFor(() => frame().includes('THE-END'), 'the end of the long line', frame);
    expect(frame()).not.toContain('# a long comment');
    expect(frame()).toMatch(/1 › …/); // the cut is marked
    for (let i = 0; i < 8; i++) await press(r.stdin, KEY.left);
    await waitFor(() => frame().includes('# a long comment'), 'back at the start', frame);
  });

  test('u takes back the last change, and says so when there is none', async () => {
    const { r, frame } = await openReviewer(validMap);
    await press(r.stdin, 'u');
    await waitFor(() => frame().includes('Nothing to undo.'), 'the notice', frame);
    const first = validMap.split('\n')[0];
    await press(r.stdin, 'D');
    await waitFor(() => !frame().includes(first), 'the line deleted', frame);
    await press(r.stdin, 'u');
    await waitFor(() => frame().includes(first), 'the line back', frame);
  });
});

