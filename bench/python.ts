/**
 * Bench: the Python parser on a real tree. ODOO_ADDONS_TREE names a folder kept outside the
 * repository (an Odoo CE checkout); without it, the example modules are used.
 * Prints parse-only speed (files/s on one thread and on every core), what python3 itself
 * accepts, and the files the analysis drops as syntax errors: how many, where and why. Target:
 * no file that python3 compiles is dropped.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { analyseAddons, findAddonsBelow } from '../src/analysis/index.js';
import { parseFiles, parseFilesInWorkers } from '../src/analysis/parse-only.js';
import { loadPython } from '../src/analysis/py-parser.js';

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === '__pycache__' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) pythonFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

/** Files python3 refuses to compile (the same check as `python3 -m py_compile`), or undefined without python3. */
function python3Rejects(files: readonly string[]): Set<string> | undefined {
  const script = [
    'import sys',
    'for p in sys.stdin.read().split("\\0"):',
    '    if not p: continue',
    '    try: compile(open(p, "rb").read(), p, "exec", dont_inherit=True)',
    '    except (SyntaxError, ValueError): print(p)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: files.join('\0'), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) return undefined;
  return new Set(r.stdout.split('\n').filter(Boolean));
}

const rate = (n: number, s: number) => `${Math.round(n / s)} files/s`;

/** Wall and CPU seconds (all threads of this process) of `work`. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(c);
  return { value, wall: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6 };
}

export async function run(): Promise<void> {
  const tree = resolve(process.env.ODOO_ADDONS_TREE ?? 'examples/addons');
  const label = process.env.ODOO_ADDONS_TREE ? 'ODOO_ADDONS_TREE' : 'the examples (set ODOO_ADDONS_TREE for a real tree)';
  const files = pythonFiles(tree).sort();
  console.log(`bench python: files = ${files.length} .py under ${label}`);

  await loadPython();
  const single = await timed(() => parseFiles(files));
  const one = single.value;
  console.log(`bench python: parse only, 1 thread = ${single.wall.toFixed(2)} s wall, ${single.cpu.toFixed(2)} s CPU (${rate(files.length, single.cpu)} per CPU second)`);
  const pooled = await timed(() => parseFilesInWorkers(files, availableParallelism()));
  console.log(
    `bench python: parse only, ${pooled.value.threads} threads = ${pooled.wall.toFixed(2)} s wall (${rate(files.length, pooled.wall)}), ${pooled.cpu.toFixed(2)} s CPU (wall is higher when other work shares the CPU)`,
  );

  const refused = python3Rejects(files);
  if (refused) console.log(`bench python: python3 compiles ${files.length - refused.size}, refuses ${refused.size}`);
  const accepted = one.rejected.filter((r) => refused && !refused.has(r.file));
  console.log(`bench python: parser refuses ${one.rejected.length}; of those python3 compiles ${refused ? accepted.length : '?'} (target 0)`);
  for (const r of one.rejected) {
    const verdict = refused ? (refused.has(r.file) ? 'python3 refuses it too' : 'python3 compiles it') : '';
    console.log(`bench python:   ${relative(tree, r.file)}:${r.line}:${r.column} ${r.detail}; ${verdict}`);
  }

  // What the analysis itself drops, module by module (tests/, i18n/... are not read).
  const below = findAddonsBelow(tree);
  const paths = below.length > 0 ? below : [tree];
  const { value: analysis, wall, cpu } = await timed(() => analyseAddons(paths, { base: tree }));
  console.log(`bench python: analysis = ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, ${analysis.testModules.length} test modules left out`);
  const dropped = analysis.problems.filter((p) => p.kind === 'python-syntax');
  console.log(`bench python: analysis of ${analysis.modules.length} modules drops ${dropped.length} Python files (target 0 that python3 compiles)`);
  for (const p of dropped) console.log(`bench python:   ${p.file}:${p.line ?? '?'} ${p.message}`);
}
