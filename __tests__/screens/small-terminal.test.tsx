/** A 40×10 terminal: the wizard says it is too small and shows what still fits; growing it brings the rail back. */
import { EventEmitter } from 'node:events';
import { act } from 'react';
import { render, type Instance } from 'ink';
import { App } from '../../src/app.js';
import { baseState, fakeWizard } from './fake-wizard.js';
import { waitFor } from './wait.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  last = () => this.frames[this.frames.length - 1] ?? '';
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => null;
}

let app: Instance | undefined;
afterEach(async () => {
  await act(async () => app?.unmount());
  app = undefined;
});

test('40×10: says why the layout is gone, shows the step in view, every line within 40 columns and 10 rows', async () => {
  const out = new FakeStdout(40, 10);
  const w = fakeWizard(baseState({ current: 'todo' }, { 'feature-review': { kind: 'awaiting-review' } }));
  await act(async () => {
    app = render(<App store={w.store} controller={w.controller} noColor />, { stdout: out as never, stdin: new FakeStdin() as never, debug: true, patchConsole: false, exitOnCtrlC: false });
  });
  const frame = out.last();
  expect(frame).toContain('Window 40×10: too small (needs 64×16).');
  expect(frame).toContain('6/7 ToDo: ○ pending');
  expect(frame).not.toContain('Review module map');
  const lines = frame.replace(/\n+$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(10);
  expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(40);

  await act(async () => out.resize(100, 30));
  await waitFor(() => out.last().includes('5 ✎ Review feature map'), 'the rail after the window grew', out.last);
  expect(out.last()).not.toContain('too small');
});
