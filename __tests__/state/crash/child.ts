/**
 * The process the crash harness kills: `resume --yes` over a workspace, with the real engines
 * (argv[3] = 'real') or the test engines (slow, several artifacts each). Bundled by the test
 * with esbuild; argv: <workspace> [real|test].
 */
import { hostname } from 'node:os';
import { cmdResume } from '../../../src/state/commands.js';
import { pidAlive } from '../../../src/state/lock.js';
import { defaultRegistry } from '../../../src/steps/registry.js';
import { testRegistry } from '../helpers.js';

const sigint = new AbortController();
process.on('SIGINT', () => sigint.abort());
const code = await cmdResume(
  {
    root: process.argv[2],
    registry: process.argv[3] === 'real' ? defaultRegistry() : testRegistry({ delayMs: Number(process.env.STEP_DELAY_MS ?? '3') }),
    debug: false,
    insecure: false,
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    signal: sigint.signal,
    lock: { pid: process.pid, host: hostname(), isAlive: pidAlive },
  },
  { yes: true },
);
process.exit(code);
