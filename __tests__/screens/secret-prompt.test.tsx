import { act } from 'react';
import { render, cleanup } from 'ink-testing-library';
import { App } from '../../src/app.js';
import { baseState, callsNamed, fakeWizard } from './fake-wizard.js';
import { KEY, press } from './wait.js';

afterEach(async () => {
  await act(async () => cleanup());
});

async function mount(w: ReturnType<typeof fakeWizard>) {
  let r!: ReturnType<typeof render>;
  await act(async () => {
    r = render(<App store={w.store} controller={w.controller} noColor askSecret={{ user: 'admin', url: 'https://acme.odoo.com' }} />);
  });
  return r;
}

describe('the hidden secret prompt of a later run', () => {
  test('asks once, masks what is typed, hands it to the controller and opens the rail', async () => {
    const w = fakeWizard(baseState());
    const r = await mount(w);
    expect(r.lastFrame()).toContain('Password for admin on https://acme.odoo.com');
    await press(r.stdin, 's3cr3t!');
    expect(r.lastFrame()).toContain('*******');
    expect(r.lastFrame()).not.toContain('s3cr3t');
    await press(r.stdin, KEY.enter);
    expect(callsNamed(w.calls, 'setSecret')).toEqual([['setSecret', 'password']]);
    expect(r.lastFrame()).toContain('1 · Extract');
  });

  test('tab switches to an API key; esc skips without setting a secret', async () => {
    const w = fakeWizard(baseState());
    const r = await mount(w);
    await press(r.stdin, '\t');
    expect(r.lastFrame()).toContain('API key for admin');
    await press(r.stdin, KEY.escape);
    expect(callsNamed(w.calls, 'setSecret')).toEqual([]);
    expect(r.lastFrame()).toContain('1 · Extract');
  });
});
