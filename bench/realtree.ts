/**
 * Bench on a real addons tree (ODOO_ADDONS_TREE=path[:path...], e.g. an Odoo CE checkout kept
 * outside the repository): the bare-parse anchor, then each step as a user runs it (dist/cli.js in
 * its own process, from process start to exit), cold and then again with nothing changed.
 * Per step: wall time, CPU time and peak RSS of that process alone, bytes it read, and the ratio
 * to the anchor. Targets: feature-map <= 2x the anchor, todo <= 1x, approving < 1 s, any second
 * run < 1 s, peak memory < 1 GB, a folder with no module answered < 2 s.
 * ODOO_BENCH_MAP=path/to/feature_user_story_map.toml runs only the reviewer's check of that map.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bestOf, cliPath, measureProcess, type ProcessFigures } from './process.js';
import { ownAnchor, parsedFiles, pythonAnchor, type AnchorResult } from './parse-anchor.js';

type StepFigures = ProcessFigures;

const measure = (cli: string, ws: string, args: readonly string[], expectExit = 0) => measureProcess(cli, ws, args, {}, expectExit, 'bench realtree');

const f2 = (n: number) => n.toFixed(2);

function line(name: string, s: StepFigures, anchor: AnchorResult, target: string): void {
  console.log(
    `bench realtree: ${name} = ${f2(s.wall)} s wall (${f2(s.wall / anchor.wallSeconds)}x anchor), ${f2(s.cpu)} s CPU, peak RSS ${Math.round(s.rssMb)} MB, read ${s.readMb.toFixed(1)} MB (target ${target}; load ${s.load.toFixed(2)})`,
  );
}

/**
 * What the wizard's reviewer runs on the map step 4 wrote, warnings included (every story that
 * needs a reason): the check whose messages it shows at once, then finding their lines (on a map
 * of more than 2,000 lines it shows the messages first), first on the text, then after an edit.
 */
async function reviewerCheck(file: string): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { findProblems, placeSorted } = await import('../src/review/validate.js');
  const { featureReviewSpec } = await import('../src/steps/feature-map/review.js');
  const text = readFileSync(file, 'utf8');
  const timed = <T>(fn: () => T) => {
    const c = process.cpuUsage();
    const w = performance.now();
    const value = fn();
    const cu = process.cpuUsage(c);
    return { wall: (performance.now() - w) / 1000, cpu: (cu.user + cu.system) / 1e6, value };
  };
  const time = (t: string) => {
    const check = timed(() => findProblems(t, featureReviewSpec));
    const lines = timed(() => placeSorted(t, check.value));
    return { check, lines, n: lines.value.length };
  };
  const first = time(text);
  const edited = time(text.replace(/\n\[/, '\n# a note\n['));
  const both = (f: ReturnType<typeof time>) => `${f2(f.check.wall)} s wall, ${f2(f.check.cpu)} s CPU, their lines ${f2(f.lines.wall)} s wall, ${f2(f.lines.cpu)} s CPU more`;
  console.log(
    `bench realtree: reviewer check of the ${(text.length / 1e6).toFixed(1)} MB map = ${both(first)} (${first.n} diagnostics; load ${loadavg()[0].toFixed(2)}); after an edit ${both(edited)}`,
  );
}

export async function run(): Promise<void> {
  // ODOO_BENCH_MAP=path/to/feature_user_story_map.toml: only the reviewer's check of that map.
  const map = process.env.ODOO_BENCH_MAP;
  if (map) return reviewerCheck(resolve(map));
  const tree = process.env.ODOO_ADDONS_TREE;
  if (!tree) {
    console.log('bench realtree: skipped (set ODOO_ADDONS_TREE=path[:path...] to a real addons tree kept outside the repository)');
    return;
  }
  const paths = tree.split(':').filter(Boolean).map((p) => resolve(p));
  const cli = cliPath();
  const files = await parsedFiles(paths);
  const py = pythonAnchor(files);
  const own = await ownAnchor(files);
  const anchor = py?.withLxml ? py : own;
  console.log(`bench realtree: tree = ${paths.join(', ')} (${files.length} files the analysis parses)`);
  console.log(`bench realtree: anchor = ${f2(anchor.wallSeconds)} s wall, ${f2(anchor.cpuSeconds)} s CPU: ${anchor.parser}, one thread (load ${loadavg()[0].toFixed(2)})`);
  if (anchor !== own) console.log(`bench realtree: (info) own parsers, parse only = ${f2(own.wallSeconds)} s wall`);
  else if (py) console.log(`bench realtree: (info, not the anchor) ${py.parser} = ${f2(py.wallSeconds)} s wall, ${f2(py.cpuSeconds)} s CPU`);

  const root = mkdtempSync(join(tmpdir(), 'ops-bench-realtree-'));
  try {
    const ws = join(root, 'ws');
    mkdirSync(ws);
    spawnSync(process.execPath, [cli, 'init', '--workspace', ws, '--source', 'source', ...paths.flatMap((p) => ['--addons', p])], { encoding: 'utf8' });
    const steps: [string, string[], string][] = [
      ['feature-map', ['run', 'feature-map'], '<= 2x anchor'],
      // Without --yes: the map step 4 wrote and checked, untouched, is not read again.
      ['feature-review (check, no --yes)', ['run', 'feature-review'], '< 1 s'],
      ['feature-review --yes', ['run', 'feature-review', '--yes'], '< 1 s'],
      ['todo', ['run', 'todo'], '<= 1x anchor'],
    ];
    for (const [name, args, target] of steps) {
      line(name, await measure(cli, ws, args), anchor, target);
      if (name === 'feature-map') await reviewerCheck(join(ws, 'feature_user_story_map.toml'));
    }
    // Best of 3 (the machine may be shared): each is a whole process, start to exit.
    for (const [name, args] of steps) line(`${name}, again with nothing changed (best of 3)`, await bestOf(3, () => measure(cli, ws, args)), anchor, '< 1 s, no file read whole');
    const empty = process.env.ODOO_BENCH_NO_MODULE ?? '/usr';
    const ws2 = join(root, 'ws-empty');
    mkdirSync(ws2);
    spawnSync(process.execPath, [cli, 'init', '--workspace', ws2, '--source', 'source', '--addons', empty], { encoding: 'utf8' });
    const nm = await measure(cli, ws2, ['run', 'feature-map'], 2);
    console.log(`bench realtree: feature-map on ${empty} (no module) = ${f2(nm.wall)} s wall, exit ${nm.exit} (target < 2 s, exit 2; load ${nm.load.toFixed(2)})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
