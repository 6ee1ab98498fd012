import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import { describeClientCases } from './cases.js';

const emulators: Emulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function emulator(version: 17 | 19): Promise<Emulator> {
  const emu = await startEmulator({ version });
  emulators.push(emu);
  return emu;
}

describeClientCases('emulator 17, XML-RPC', async () => {
  const emu = await emulator(17);
  return {
    profile: { url: emu.url, user: 'admin' },
    secret: { password: emu.users.admin.password },
    expectTransport: 'xmlrpc',
    expectMajor: 17,
    restricted: { login: emu.users.noProject.login, secret: { password: emu.users.noProject.password } },
  };
});

describeClientCases('emulator 19, XML-RPC (password)', async () => {
  const emu = await emulator(19);
  return {
    profile: { url: emu.url, user: 'admin', db: emu.db },
    secret: { password: emu.users.admin.password },
    expectTransport: 'xmlrpc',
    expectMajor: 19,
    restricted: { login: emu.users.noProject.login, secret: { password: emu.users.noProject.password } },
  };
});

describeClientCases('emulator 19, JSON-2 (API key)', async () => {
  const emu = await emulator(19);
  return {
    profile: { url: `${emu.url}/`, user: 'admin' },
    secret: { apiKey: emu.users.admin.apiKey },
    expectTransport: 'json2',
    expectMajor: 19,
    restricted: { login: emu.users.noProject.login, secret: { apiKey: emu.users.noProject.apiKey } },
  };
});
