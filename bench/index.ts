/**
 * `npm run bench`: every area's figures, one module after another (they share the machine, so
 * never in parallel). Each prints lines `bench <area>: <what> = <value> <unit> (target ...)`.
 */
import { analysisChild, run as analysis } from './analysis.js';
import { run as emulator } from './emulator.js';
import { run as extract } from './extract.js';
import { run as odoo } from './odoo.js';
import { run as python } from './python.js';
import { run as realtree } from './realtree.js';
import { run as reviewer } from './reviewer.js';
import { run as sync } from './sync.js';
import { run as wizard } from './wizard.js';

const BENCHES: readonly [string, () => Promise<void>][] = [
  ['wizard', wizard],
  ['reviewer', reviewer],
  ['odoo', odoo],
  ['emulator', emulator],
  ['extract', extract],
  ['analysis', analysis],
  ['python', python],
  ['sync', sync],
  // Only with ODOO_ADDONS_TREE set (a real Odoo checkout outside the repository).
  ['realtree', realtree],
];

// The analysis bench measures itself in a child process of this same script.
if (process.argv[2] === '--analysis-child') {
  await analysisChild(process.argv[3]);
  process.exit(0);
}

// `npm run bench -- reviewer sync` runs only the named areas.
const only = process.argv.slice(2);
let failed = 0;
for (const [name, run] of BENCHES.filter(([n]) => only.length === 0 || only.includes(n))) {
  try {
    await run();
  } catch (e) {
    failed++;
    console.log(`bench ${name}: FAILED ${(e as Error).message.split('\n')[0]}`);
    if (process.env.DEBUG) console.log((e as Error).stack);
  }
}
if (failed > 0) process.exitCode = 1;
