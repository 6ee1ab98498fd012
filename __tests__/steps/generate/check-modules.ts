/** Reads generated modules back: Python through python3 (py_compile + ast), XML through saxes. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { SaxesParser } from 'saxes';

export interface PyReport {
  errors: string[];
  strings: string[];
  imports: string[];
  /** "file: name" of module-level imports nothing in the file uses. */
  unused: string[];
  names: string[];
  manifests: Record<string, { depends: string[]; data: string[]; version: string; license: string; pre_init_hook?: string; uninstall_hook?: string }>;
  py: string[];
}

/** `python3 -m py_compile` on every .py under root; resolves with the failures (empty when all compile). */
export async function pyCompileAll(root: string): Promise<string> {
  const files = walk(root).filter((p) => p.endsWith('.py'));
  const r = await execa('python3', ['-m', 'py_compile', ...files], { reject: false, env: { PYTHONDONTWRITEBYTECODE: '1' } });
  return r.exitCode === 0 ? '' : r.stderr;
}

/** What Odoo's safe_eval would refuse in the generated server actions and crons (the module would not install). */
export async function safeEvalProblems(root: string): Promise<string[]> {
  const script = join(process.cwd(), '__tests__/steps/generate/safe_eval_check.py');
  const r = await execa('python3', [script, root], { env: { PYTHONDONTWRITEBYTECODE: '1' } });
  return JSON.parse(r.stdout) as string[];
}

export async function inspectPython(root: string): Promise<PyReport> {
  const script = join(process.cwd(), '__tests__/steps/generate/inspect_modules.py');
  const r = await execa('python3', [script, root]);
  return JSON.parse(r.stdout) as PyReport;
}

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** Parses XML into a small tree; throws on any well-formedness error. */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#root', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const node: XmlNode = { name: t.name, attributes: t.attributes as Record<string, string>, text: '', children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  return root.children[0];
}

export function allNodes(n: XmlNode): XmlNode[] {
  return [n, ...n.children.flatMap(allNodes)];
}

/** Every .xml parses; returns module-relative path -> tree. */
export function parseAllXml(modulesDir: string): Map<string, XmlNode> {
  const out = new Map<string, XmlNode>();
  for (const f of walk(modulesDir).filter((p) => p.endsWith('.xml'))) out.set(relative(modulesDir, f), parseXml(readFileSync(f, 'utf8')));
  return out;
}

/** Manifest-listed files that are missing, and data files no manifest lists. */
export function manifestProblems(modulesDir: string, manifests: PyReport['manifests']): string[] {
  const problems: string[] = [];
  for (const [dir, m] of Object.entries(manifests)) {
    const module = dir.split('/')[0];
    for (const d of m.data) {
      try {
        statSync(join(modulesDir, module, d));
      } catch {
        problems.push(`${module}: ${d} is listed but missing`);
      }
    }
    const dataFiles = walk(join(modulesDir, module))
      .map((p) => relative(join(modulesDir, module), p))
      .filter((p) => /\.(xml|csv)$/.test(p));
    for (const f of dataFiles) if (!m.data.includes(f)) problems.push(`${module}: ${f} is not listed in the manifest`);
  }
  return problems;
}
