import { makeExternalEditor } from '../../src/state/external-editor.js';

describe('$VISUAL / $EDITOR hand-off', () => {
  test('runs the editor (with its arguments) on a temp copy and returns what it saved; raw mode restored', async () => {
    const calls: boolean[] = [];
    const term = { isRaw: true, setRawMode: (on: boolean) => calls.push(on) };
    const edit = makeExternalEditor("sed -i -e s/approve\\ =\\ false/approve\\ =\\ true/", term);
    expect(await edit('name = "x"\napprove = false\n', 'module_model_map.toml')).toBe('name = "x"\napprove = true\n');
    expect(calls).toEqual([false, true]);
  });

  test('an editor that fails leaves the text unchanged and says so', async () => {
    await expect(makeExternalEditor('false', {})('a', 'f.toml')).rejects.toThrow(/exited with code 1; your text is unchanged/);
  });

  test('a missing editor command or none set is a clear error with a hint', async () => {
    await expect(makeExternalEditor('no-such-editor-ops --wait', {})('a', 'f.toml')).rejects.toThrow(/could not start the editor "no-such-editor-ops"/);
    await expect(makeExternalEditor(undefined, {})('a', 'f.toml')).rejects.toMatchObject({ hint: expect.stringMatching(/export EDITOR=/) });
  });
});
