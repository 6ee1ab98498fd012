/**
 * What the ToDo sizes at module level, taken from the analysis once: kept with the features (and
 * in the sources cache), so step 6 never needs the full analysis again.
 */
import type { ModuleAnalysis } from '../../analysis/types.js';

export interface ModuleFacts {
  /** Module folder, relative to the workspace. */
  dir: string;
  manifest: { file: string; line: number; version?: string };
  access: number;
  groups: number;
  rules: number;
  menus: number;
  views: number;
  /** Lines of Python and XML the module has. */
  python: number;
  xml: number;
  /** Lines of Python outside model and controller classes (hooks, helpers), the manifest excluded. */
  otherPython: number;
  /** Front-end lines by kind, and QWeb template files, of the asset files (static/lib excluded). */
  assets: { js: number; scss: number; qweb: number };
  /** Stored models the module defines or extends, with the fields it adds to each. */
  models: [string, number][];
}

export function moduleFacts(m: ModuleAnalysis): ModuleFacts {
  // Third-party libraries shipped in static/lib are not the module's own work.
  const files = m.assetFiles.filter((f) => !f.file.includes('/static/lib/'));
  const lines = (kinds: string[]) => files.filter((f) => kinds.includes(f.kind)).reduce((s, f) => s + f.lines, 0);
  const inClasses = [...m.models, ...m.controllers].reduce((s, c) => s + (c.endLine - c.line + 1), 0);
  const manifestLines = m.manifest.data.length + m.manifest.depends.length + 15;
  const models = new Map<string, number>();
  for (const c of m.models) {
    const name = c.name ?? c.inherit[0];
    if (name && c.kind !== 'transient') models.set(name, (models.get(name) ?? 0) + c.fields.length);
  }
  return {
    dir: m.dir,
    manifest: { file: m.manifest.file, line: m.manifest.line, version: m.manifest.version },
    access: m.access.length,
    groups: m.groups.length,
    rules: m.rules.length,
    menus: m.menus.length,
    views: m.views.length,
    python: m.lines.python,
    xml: m.lines.xml,
    otherPython: Math.max(0, m.lines.python - inClasses - manifestLines),
    assets: { js: lines(['js']), scss: lines(['scss', 'css']), qweb: files.filter((f) => f.kind === 'xml').length },
    models: [...models].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  };
}
