/**
 * The demo's equipment module failed to install on a real Odoo 17: its cron assigned
 * `rec.x_studio_serial = ...`, and safe_eval refuses STORE_ATTR ("forbidden opcode(s)"). A
 * database never holds such code (ir.actions.server checks it when saved), but an extract.json
 * edited by hand may: generate says so before the module reaches a database, with the line and
 * what to write instead. The check is compared with CPython's own bytecode for the same snippets.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { loadPython } from '../../../src/analysis/py-parser.js';
import { refusedBySafeEval } from '../../../src/steps/generate/safe-eval.js';
import { startEmulator } from '../../../src/odoo/emulator/index.js';
import { extractStep } from '../../../src/steps/extract/index.js';
import { parseExtract } from '../../../src/steps/extract/load.js';
import { clientFor, makeCtx } from '../extract/helpers.js';
import { addRealXmlids } from '../extract/studio-xmlids.js';
import { generateChecked, workspace } from './fixture-ctx.js';

const SNIPPETS = [
  "for rec in records:\n    rec.x_studio_serial = env['ir.sequence'].next_by_code('x.serial')",
  "records.write({'x_studio_active': False})",
  'record.x_total += 1',
  'a, record.x_name = 1, 2',
  "values = {}\nvalues['x'] = 1\nrecords.write(values)",
  'import json\nlog(json.dumps({}))',
  'from datetime import date',
  'x = records.__class__',
  'del record.x_name',
  "with open('/etc/passwd') as f:\n    pass",
  'class A:\n    pass',
  "def helper(r):\n    return r.x_name\naction = {'name': helper(record)}",
  'global counter\ncounter = 1',
  "if record.x_state == 'done':\n    raise UserError('Done already')",
];

beforeAll(async () => {
  await loadPython();
});

test('what the check refuses is what CPython compiles to an opcode or name safe_eval refuses', async () => {
  const script = join(process.cwd(), '__tests__/steps/generate/safe_eval_check.py');
  const r = await execa('python3', [script, '--snippets'], { input: JSON.stringify(SNIPPETS) });
  const python = JSON.parse(r.stdout) as string[][];
  expect(SNIPPETS.map((s) => refusedBySafeEval(s) !== undefined)).toEqual(python.map((p) => p.length > 0));
  // Both refuse some and accept some: the comparison means something.
  expect(python.filter((p) => p.length > 0).length).toBeGreaterThan(5);
  expect(python.filter((p) => p.length === 0).length).toBeGreaterThan(3);
});

test('an attribute assignment is refused at its line, with the write() to use instead', () => {
  expect(refusedBySafeEval(SNIPPETS[0])).toEqual({
    line: 2,
    what: 'it assigns to an attribute (rec.x_studio_serial = ...), which safe_eval forbids (STORE_ATTR)',
    instead: "rec.write({'x_studio_serial': env['ir.sequence'].next_by_code('x.serial')})",
  });
});

test('generate warns about a hand-edited cron whose code Odoo would refuse, and keeps the code as it is', async () => {
  const emu = await startEmulator({ version: 17 });
  addRealXmlids(emu.store, 17);
  const x = makeCtx({ connect: () => clientFor(emu) });
  let doc;
  try {
    const r = await extractStep.run(x);
    if (!r.ok) throw r.error;
    const parsed = parseExtract((await x.artifacts.read('extract.json')) as string);
    if (!parsed.ok) throw parsed.error;
    doc = parsed.value;
  } finally {
    x.cleanup();
    emu.close();
  }
  const crons = doc.crons.map((c, i) => (i === 0 ? { ...c, code: SNIPPETS[0] } : c));
  const ctx = await workspace({ ...doc, crons });
  try {
    const { warnings } = await generateChecked(ctx);
    expect(warnings).toContain(
      `equipment: the code of the scheduled action "${crons[0].name}" (${crons[0].key}) will not install: at its line 2, it assigns to an attribute (rec.x_studio_serial = ...), which safe_eval forbids (STORE_ATTR). ` +
        `Odoo refuses the module with "forbidden opcode(s)"; write rec.write({'x_studio_serial': env['ir.sequence'].next_by_code('x.serial')}) instead in the database (or in extract.json), then extract and generate again`,
    );
  } finally {
    ctx.cleanup();
  }
});
