import { act } from 'react';
import { render, cleanup } from 'ink-testing-library';
import { App } from '../../src/app.js';
import { UserError } from '../../src/core/user-error.js';
import type { StepStatus } from '../../src/state/types.js';
import { baseState, callsNamed, fakeWizard } from './fake-wizard.js';
import { KEY, press, waitFor } from './wait.js';

afterEach(async () => {
  await act(async () => cleanup());
});

async function mount(w: ReturnType<typeof fakeWizard>) {
  let r!: ReturnType<typeof render>;
  await act(async () => {
    r = render(<App store={w.store} controller={w.controller} noColor />);
  });
  return r;
}

const failed: StepStatus = { kind: 'failed', at: 0, error: { message: 'cannot reach the server', hint: 'check the URL' } };

describe('keys on the step rail', () => {
  test('down, up and digits choose a step and its screen follows', async () => {
    const w = fakeWizard(baseState());
    const r = await mount(w);
    await press(r.stdin, KEY.down);
    expect(r.lastFrame()).toContain('2 · Review module map');
    await press(r.stdin, '6');
    expect(r.lastFrame()).toContain('6 · ToDo');
    await press(r.stdin, KEY.up);
    expect(r.lastFrame()).toContain('5 · Review feature map');
    expect(callsNamed(w.calls, 'select').map((c) => c[1])).toEqual(['map-review', 'todo', 'feature-review']);
  });

  test('enter runs a pending step; r retries a failed one; r does nothing on a pending one', async () => {
    const w = fakeWizard(baseState({ current: 'generate' }, { generate: failed }));
    const r = await mount(w);
    expect(r.lastFrame()).toContain('check the URL');
    await press(r.stdin, 'r');
    await press(r.stdin, '1', 'r', KEY.enter);
    expect(callsNamed(w.calls, 'run').map((c) => c[1])).toEqual(['generate', 'extract']);
  });

  test('a digit and enter typed in one burst choose and run the step', async () => {
    const w = fakeWizard(baseState());
    const r = await mount(w);
    await press(r.stdin, '7\r');
    expect(w.calls).toEqual([
      ['select', 'sync'],
      ['run', 'sync'],
    ]);
    expect(r.lastFrame()).toContain('7 · Sync to Odoo');
  });

  test('r re-runs a stale step; x cancels a running one', async () => {
    const w = fakeWizard(
      baseState({ current: 'todo' }, {
        todo: { kind: 'stale', reason: 'the feature map changed', previous: {} },
        sync: { kind: 'running', startedAt: Date.now() },
      }),
    );
    const r = await mount(w);
    await press(r.stdin, 'r', '7', 'x');
    expect(w.calls.filter((c) => c[0] !== 'select')).toEqual([
      ['run', 'todo'],
      ['cancel', 'sync'],
    ]);
  });

  test('q asks first while a step runs; n keeps going, y quits', async () => {
    const w = fakeWizard(baseState({}, { extract: { kind: 'running', startedAt: Date.now() } }));
    const r = await mount(w);
    await press(r.stdin, 'q');
    expect(r.lastFrame()).toContain('Quit anyway?');
    await press(r.stdin, 'n');
    expect(r.lastFrame()).not.toContain('Quit anyway?');
    await press(r.stdin, 'qy'); // in one read
    expect(callsNamed(w.calls, 'quit')).toHaveLength(1);
  });

  test('q quits at once when nothing runs', async () => {
    const w = fakeWizard(baseState());
    const r = await mount(w);
    await press(r.stdin, 'q');
    expect(callsNamed(w.calls, 'quit')).toHaveLength(1);
  });

  test('a pending question takes the keys and its answer goes to the controller', async () => {
    const w = fakeWizard(
      baseState({
        current: 'sync',
        question: {
          stepId: 'sync',
          question: {
            id: 'apply',
            message: 'Apply the plan?',
            choices: [
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ],
            defaultValue: 'no',
          },
        },
      }),
    );
    const r = await mount(w);
    expect(r.lastFrame()).toContain('Apply the plan?');
    await press(r.stdin, KEY.up + KEY.enter);
    expect(w.calls).toContainEqual(['answer', 'yes']);
    expect(callsNamed(w.calls, 'select')).toHaveLength(0);
    expect(callsNamed(w.calls, 'run')).toHaveLength(0);
    expect(r.lastFrame()).not.toContain('Apply the plan?');
  });
});

describe('opening a review', () => {
  test('a file that cannot be opened shows the error and b goes back', async () => {
    const w = fakeWizard(baseState({ current: 'feature-review' }, { 'feature-review': { kind: 'awaiting-review' } }));
    w.controller.openReview = async () => {
      throw new UserError('input', 'feature_user_story_map.toml is missing', { hint: 'run step 4 first' });
    };
    const r = await mount(w);
    await press(r.stdin, KEY.enter);
    const frame = () => r.lastFrame() ?? '';
    await waitFor(() => frame().includes('Cannot open the file'), 'the error', frame);
    expect(frame()).toMatch(/feature_user_story_map\.toml is missing[\s\S]*→ run step 4 first[\s\S]*b to go back/);
    await press(r.stdin, 'b');
    expect(frame()).toContain('5 · Review feature map');
  });
});

describe('first run', () => {
  test('database: URL, database, login, then a hidden password go to init', async () => {
    const w = fakeWizard(baseState({ needsInit: true }));
    const r = await mount(w);
    await press(r.stdin, KEY.enter); // an Odoo database
    await press(r.stdin, 'not a url', KEY.enter);
    expect(r.lastFrame()).toContain('starting with http:// or https://');
    for (let i = 0; i < 'not a url'.length; i++) await press(r.stdin, KEY.backspace);
    await press(r.stdin, 'https://odoo.example.com', KEY.enter);
    await press(r.stdin, 'prod', KEY.enter);
    await press(r.stdin, 'admin', KEY.enter);
    await press(r.stdin, KEY.enter); // password
    await press(r.stdin, 's3cr3t');
    expect(r.lastFrame()).toContain('******');
    expect(r.lastFrame()).not.toContain('s3cr3t');
    await press(r.stdin, KEY.enter);
    await waitFor(() => callsNamed(w.calls, 'init').length === 1, 'init called', r.lastFrame);
    expect(callsNamed(w.calls, 'init')[0][1]).toEqual({
      source: 'database',
      url: 'https://odoo.example.com',
      db: 'prod',
      user: 'admin',
      transport: 'auto',
      secret: { password: 's3cr3t' },
    });
    await waitFor(() => (r.lastFrame() ?? '').includes('1 · Extract'), 'the rail after init', r.lastFrame);
  });

  test('source: addons paths until an empty line, then an Odoo URL for step 7 that may be left empty', async () => {
    const w = fakeWizard(baseState({ needsInit: true }));
    const r = await mount(w);
    await press(r.stdin, KEY.down, KEY.enter);
    await press(r.stdin, KEY.enter);
    expect(r.lastFrame()).toContain('Enter at least one addons path');
    await press(r.stdin, './addons', KEY.enter, '../oca', KEY.enter, KEY.enter);
    expect(r.lastFrame()).toContain('Odoo URL to sync the plan to in step 7 (empty: no connection for now)');
    await press(r.stdin, KEY.enter);
    await waitFor(() => callsNamed(w.calls, 'init').length === 1, 'init called', r.lastFrame);
    expect(callsNamed(w.calls, 'init')[0][1]).toEqual({ source: 'source', addons: ['./addons', '../oca'] });
  });

  test('source: the wizard asks for the connection step 7 needs, and the secret, hidden', async () => {
    const w = fakeWizard(baseState({ needsInit: true }));
    const r = await mount(w);
    await press(r.stdin, KEY.down, KEY.enter);
    await press(r.stdin, './addons', KEY.enter, KEY.enter);
    await press(r.stdin, 'https://acme.odoo.com', KEY.enter, 'acme', KEY.enter, 'admin', KEY.enter);
    await press(r.stdin, KEY.enter, 'pw', KEY.enter);
    await waitFor(() => callsNamed(w.calls, 'init').length === 1, 'init called', r.lastFrame);
    expect(callsNamed(w.calls, 'init')[0][1]).toEqual({
      source: 'source',
      addons: ['./addons'],
      url: 'https://acme.odoo.com',
      db: 'acme',
      user: 'admin',
      transport: 'auto',
      secret: { password: 'pw' },
    });
  });

  test('with the secret in the environment the hidden prompt is skipped', async () => {
    const w = fakeWizard(baseState({ needsInit: true }));
    let r!: ReturnType<typeof render>;
    await act(async () => {
      r = render(
        <App store={w.store} controller={w.controller} noColor secretFromEnv="apiKey" initDefaults={{ url: 'https://x.odoo.com' }} />,
      );
    });
    await press(r.stdin, KEY.enter, KEY.enter, KEY.enter, 'me@x.com', KEY.enter);
    await waitFor(() => callsNamed(w.calls, 'init').length === 1, 'init called', r.lastFrame);
    expect(callsNamed(w.calls, 'init')[0][1]).toMatchObject({ url: 'https://x.odoo.com', user: 'me@x.com', secret: undefined });
  });
});
