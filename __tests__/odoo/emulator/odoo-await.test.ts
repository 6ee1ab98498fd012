/**
 * The emulator must answer any Odoo XML-RPC client, not only ours. odoo-await (the community
 * client the project was first designed around) runs against it unchanged here: if the emulator
 * drifted from Odoo's wire format, this client would notice.
 */
import OdooAwait from 'odoo-await';
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';

describe.each([17, 19] as const)('odoo-await against the emulator (Odoo %i)', (version) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version });
  });
  afterAll(async () => {
    await emu.close();
  });

  const client = (password: string) =>
    new OdooAwait({ baseUrl: emu.url, db: emu.db, username: 'admin', password });

  test('connects, reads, creates and writes like on a real server', async () => {
    const odoo = client(emu.users.admin.password);
    expect(await odoo.connect()).toBe(emu.users.admin.uid);
    const projects = await odoo.searchRead<{ name: string }>('project.project', [], ['name']);
    expect(projects.length).toBeGreaterThan(0);
    expect(typeof projects[0].name).toBe('string');
    const id = await odoo.create('project.tags', { name: `odoo-await tag ${version}` });
    expect(typeof id).toBe('number');
    expect(await odoo.update('project.tags', id, { name: `renamed ${version}` })).toBe(true);
    const [tag] = await odoo.read<{ name: string }>('project.tags', [id], ['name']);
    expect(tag.name).toBe(`renamed ${version}`);
    const fields = await odoo.getFields('project.task', ['type']);
    expect(fields.name.type).toBe('char');
  });

  test('a wrong password is refused at connect, as Odoo answers false', async () => {
    await expect(client('wrong-password').connect()).rejects.toMatch(/invalid credentials/);
  });
});
