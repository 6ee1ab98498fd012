/**
 * The bare-parse anchor of the real-tree bench: the files the analysis parses (Python outside
 * static/, the XML and CSV data files the manifests list), parsed and nothing else, on one thread.
 * python3 with ast and lxml when both are there (what an Odoo developer would call a fast
 * parse); otherwise this project's own parsers, doing parse only. The bench says which.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { listModuleFiles, MANIFESTS } from '../src/analysis/files.js';
import { readManifest } from '../src/analysis/manifest.js';
import { loadPython, withPythonTree } from '../src/analysis/py-parser.js';

export interface AnchorResult {
  parser: string;
  files: number;
  wallSeconds: number;
  cpuSeconds: number;
}

/** Every file the analysis parses, in the order the analysis meets them. */
export async function parsedFiles(paths: readonly string[]): Promise<string[]> {
  await loadPython(); // the manifest reader parses with it
  const { readdirSync, existsSync } = await import('node:fs');
  const out: string[] = [];
  const isModule = (d: string) => MANIFESTS.some((m) => existsSync(join(d, m)));
  for (const p of paths) {
    const dirs = isModule(p) ? [p] : readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(p, e.name)).filter(isModule).sort();
    for (const dir of dirs) {
      const manifestFile = MANIFESTS.map((m) => join(dir, m)).find((f) => existsSync(f)) as string;
      const manifest = readManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
      for (const f of await listModuleFiles(dir, dir, [])) {
        const rel = relative(dir, f);
        if (f.endsWith('.py') && !rel.startsWith('static/')) out.push(f);
      }
      if (manifest.ok) {
        for (const d of manifest.value.data) if (d.endsWith('.xml') && existsSync(join(dir, d))) out.push(join(dir, d));
      }
    }
  }
  return out;
}

const PYTHON = `
import ast, sys, time, resource
try:
    from lxml import etree
    parse_xml = lambda p: etree.parse(p)
    name = 'python3 ast + lxml'
except ImportError:
    import xml.etree.ElementTree as etree
    parse_xml = lambda p: etree.parse(p)
    name = 'python3 ast + xml.etree (lxml is not installed)'
files = sys.stdin.read().split('\\0')
t0 = time.perf_counter(); r0 = resource.getrusage(resource.RUSAGE_SELF)
n = 0
for p in files:
    if not p: continue
    try:
        if p.endswith('.py'):
            with open(p, 'rb') as f: ast.parse(f.read(), p)
        else:
            parse_xml(p)
    except Exception:
        pass
    n += 1
r1 = resource.getrusage(resource.RUSAGE_SELF)
print(name); print(n); print(time.perf_counter() - t0); print(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
`;

/**
 * The python3 to measure with: $ODOO_BENCH_PYTHON, else the first of `python3` on PATH and
 * /usr/bin/python3 (where Debian's python3-lxml installs) that can import lxml, else `python3`.
 */
function pickPython(): string {
  if (process.env.ODOO_BENCH_PYTHON) return process.env.ODOO_BENCH_PYTHON;
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', 'import lxml'], { stdio: 'ignore' }).status === 0) return py;
  }
  return 'python3';
}

/** python3's figure, or undefined when there is no python3. `withLxml`: whether lxml was used. */
export function pythonAnchor(files: readonly string[]): (AnchorResult & { withLxml: boolean }) | undefined {
  const py = pickPython();
  const r = spawnSync(py, ['-c', PYTHON], { input: files.join('\0'), encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0 || !r.stdout) return undefined;
  const [parser, n, wall, cpu] = r.stdout.trim().split('\n');
  return { parser: `${parser} (${py})`, files: Number(n), wallSeconds: Number(wall), cpuSeconds: Number(cpu), withLxml: parser.includes('lxml') && !parser.includes('not installed') };
}

/** This project's parsers (Python grammar, XML tokenizer), parse only, on this thread. */
export async function ownAnchor(files: readonly string[]): Promise<AnchorResult> {
  await loadPython();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (f.endsWith('.py')) withPythonTree(text, (root) => root.childCount);
    else {
      const x = new SaxesParser();
      x.on('error', () => undefined);
      x.write(text).close();
    }
  }
  const used = process.cpuUsage(cpu0);
  return { parser: "this project's own parsers (tree-sitter Python, saxes), parse only", files: files.length, wallSeconds: (performance.now() - t0) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}
