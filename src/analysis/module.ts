/** Analyses one module directory: manifest, Python models, data files, access rights, assets. */
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analyseAccess } from './access.js';
import { displayPath, fsProblem, isEmptyDir, isFileSync, listingError, listModuleFiles, MANIFESTS, readText } from './files.js';
import { readManifest } from './manifest.js';
import { assetFile } from './assets.js';
import { loadPython } from './py-parser.js';
import { analysePython } from './python.js';
import type { Manifest, ModuleAnalysis, SourceProblem, TestModule } from './types.js';
import { analyseXml, emptyXmlData } from './xml.js';

/** Lines of a text: newlines, plus one for a last line without one. */
function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return s.length === 0 || s.endsWith('\n') ? n : n + 1;
}

/**
 * Whether a module exists to test others rather than to serve users: Odoo names them test_*
 * and files them under the "Tests" or "Hidden/Tests" category.
 */
export function isTestModule(name: string, manifest: Manifest): boolean {
  const category = manifest.category?.split('/').at(-1)?.trim().toLowerCase();
  return name.startsWith('test_') || category === 'tests';
}

/** Python test files in a module's tests/ folder (the walk skips that folder: tests are never features). */
function countTestFiles(dir: string): number {
  try {
    return readdirSync(join(dir, 'tests')).filter((f) => /^test.*\.py$/.test(f)).length;
  } catch {
    return 0;
  }
}

export async function analyseModule(
  dir: string,
  base: string,
  problems: SourceProblem[],
  /** Counts the files read (progress in files per second). */
  read: { files: number } = { files: 0 },
): Promise<ModuleAnalysis | TestModule | undefined> {
  await loadPython();
  const name = basename(dir);
  const rel = (abs: string) => displayPath(base, abs);
  // The manifest first: a folder that is not a module (a stray folder, /usr/lib under a wrong
  // addons path) is answered without walking it.
  const manifestPath = MANIFESTS.map((n) => join(dir, n)).find((p) => isFileSync(p));
  if (!manifestPath) {
    // A folder the user cannot list is a permission problem, not "not a module".
    const denied = listingError(dir);
    problems.push(
      denied !== undefined
        ? fsProblem(denied, rel(dir))
        : isEmptyDir(dir)
        ? { kind: 'empty-module', file: rel(dir), message: 'the folder holds no files; it was skipped' }
        : { kind: 'manifest-missing', file: rel(dir), message: 'no __manifest__.py: this folder is not an Odoo module and was skipped' },
    );
    return undefined;
  }
  const files = await listModuleFiles(dir, base, problems);
  read.files++;
  const manifestText = await readText(manifestPath, rel(manifestPath));
  if (!manifestText.ok) {
    problems.push(manifestText.error);
    return undefined;
  }
  const manifest = readManifest(manifestText.value, rel(manifestPath));
  if (!manifest.ok) {
    problems.push(manifest.error);
    return undefined;
  }
  if (isTestModule(name, manifest.value)) {
    return { kind: 'test', name, dir: rel(dir), file: manifest.value.file, depends: manifest.value.depends, testFiles: countTestFiles(dir) };
  }
  const m: ModuleAnalysis = {
    name,
    dir: rel(dir),
    manifest: manifest.value,
    models: [],
    access: [],
    ...emptyXmlData(),
    assets: { js: 0, scss: 0, css: 0, xml: 0 },
    assetFiles: [],
    controllers: [],
    lines: { python: countLines(manifestText.value), xml: 0, csv: 0, js: 0, scss: 0 },
    testFiles: countTestFiles(dir),
  };
  for (const abs of files) {
    if (abs === manifestPath) continue;
    const r = rel(abs);
    const ext = extname(abs);
    const inStatic = r.startsWith(`${m.dir}/static/`);
    if (inStatic) {
      if (ext === '.js') m.assets.js++;
      else if (ext === '.scss') m.assets.scss++;
      else if (ext === '.css') m.assets.css++;
      else if (ext === '.xml') m.assets.xml++;
      if (ext !== '.js' && ext !== '.scss') continue;
    } else if (ext !== '.py') continue;
    read.files++;
    const text = await readText(abs, r);
    if (!text.ok) {
      problems.push(text.error);
      continue;
    }
    if (ext === '.js') m.lines.js += countLines(text.value);
    else if (ext === '.scss') m.lines.scss += countLines(text.value);
    if (inStatic) m.assetFiles.push(assetFile(r, text.value, countLines(text.value), m.dir, m.manifest.bundles ?? {}));
    else {
      m.lines.python += countLines(text.value);
      const py = analysePython(text.value, r);
      if (py.problem) problems.push(py.problem);
      m.models.push(...py.models);
      m.controllers.push(...py.controllers);
      if (py.functions) (m.functions ??= []).push(...py.functions);
    }
  }
  for (const dataFile of m.manifest.data) {
    if (await readDataFile(m, dir, dataFile, rel, problems)) read.files++;
  }
  // A later <record model="ir.ui.menu"> with the same id updates the menu, it adds none.
  const menus = new Map<string, (typeof m.menus)[number]>();
  m.menus = m.menus.filter((x) => {
    const first = menus.get(x.id);
    if (!first) return menus.set(x.id, x), true;
    first.action = x.action ?? first.action;
    first.name = x.name ?? first.name;
    first.parent = x.parent ?? first.parent;
    if (x.groups.length) first.groups = x.groups;
    return false;
  });
  // A menuitem without a name shows its action's name.
  for (const menu of m.menus) {
    if (!menu.name && menu.action) menu.name = m.actions.find((a) => a.id === menu.action)?.name;
  }
  const records = m.other.length + m.sequences.length + m.crons.length + m.mailTemplates.length + m.groups.length + m.rules.length + m.templates.length;
  const hasContent = m.models.length > 0 || m.views.length > 0 || m.menus.length > 0 || m.actions.length > 0 || m.access.length > 0 ||
    m.controllers.length > 0 || m.assetFiles.length > 0 || records > 0;
  if (!hasContent) {
    problems.push({ kind: 'empty-module', file: m.manifest.file, message: 'the module defines no models, views, menus, routes, web assets or data records; it was skipped' });
    return undefined;
  }
  return m;
}

async function readDataFile(
  m: ModuleAnalysis,
  dir: string,
  dataFile: string,
  rel: (abs: string) => string,
  problems: SourceProblem[],
): Promise<boolean> {
  const abs = join(dir, ...dataFile.split('/'));
  const r = rel(abs);
  const ext = extname(dataFile);
  if (ext !== '.xml' && ext !== '.csv') return false;
  const text = await readText(abs, r);
  if (!text.ok) {
    const missing = text.error.kind === 'missing-file';
    problems.push(
      missing
        ? { kind: 'missing-file', file: m.manifest.file, line: m.manifest.line, message: `the manifest lists '${dataFile}', which does not exist` }
        : text.error,
    );
    return false;
  }
  if (ext === '.csv') {
    m.lines.csv += countLines(text.value);
    if (basename(dataFile) !== 'ir.model.access.csv') return true;
    const a = analyseAccess(text.value, r, m.name);
    if (a.problem) problems.push(a.problem);
    m.access.push(...a.rules);
    return true;
  }
  m.lines.xml += countLines(text.value);
  const x = analyseXml(text.value, r, m.name);
  if (x.problem) {
    problems.push(x.problem);
    return true;
  }
  for (const k of Object.keys(x.data) as (keyof typeof x.data)[]) {
    (m[k] as unknown[]).push(...x.data[k]);
  }
  return true;
}
