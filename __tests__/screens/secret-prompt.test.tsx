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

  test('a refused login: r asks for the secret again (even when it came from the environment), then runs the step', async () => {
    const refused = {
      kind: 'failed' as const,
      at: 0,
      error: {
        message: "Odoo refused the login 'admin' on database 'demo': wrong password or API key.",
        where: 'https://acme.odoo.com (database demo)',
        hint: 'Check ODOO_PASSWORD or create an API key in Preferences > Account Security.',
        needsSecret: true,
      },
    };
    const config = { source: 'database' as const, addons: [], connection: { url: 'https://acme.odoo.com', db: 'demo', user: 'admin' }, sections: {} };
    const w = fakeWizard(baseState({ config }, { extract: refused }));
    let r!: ReturnType<typeof render>;
    await act(async () => {
      r = render(<App store={w.store} controller={w.controller} noColor />);
    });
    expect(r.lastFrame()).toContain('r to re-enter the password');
    await press(r.stdin, 'r');
    expect(r.lastFrame()).toContain('Password for admin on https://acme.odoo.com');
    expect(callsNamed(w.calls, 'run')).toEqual([]);
    await press(r.stdin, 'better');
    await press(r.stdin, KEY.enter);
    expect(callsNamed(w.calls, 'setSecret')).toEqual([['setSecret', 'password']]);
    expect(callsNamed(w.calls, 'run')).toEqual([['run', 'extract']]);
  });

  test('other failures keep r as a plain retry', async () => {
    const w = fakeWizard(baseState({}, { extract: { kind: 'failed', at: 0, error: { message: 'Nothing answers at http://x (connection refused).' } } }));
    let r!: ReturnType<typeof render>;
    await act(async () => {
      r = render(<App store={w.store} controller={w.controller} noColor />);
    });
    expect(r.lastFrame()).toContain('r to retry');
    await press(r.stdin, 'r');
    expect(r.lastFrame()).not.toContain('Password for');
    expect(callsNamed(w.calls, 'run')).toEqual([['run', 'extract']]);
  });
});

