/** ir.model.access.csv rows. */
import { readCsv } from './csv.js';
import type { AccessRule, SourceProblem } from './types.js';

export function analyseAccess(src: string, file: string, moduleName: string): { rules: AccessRule[]; problem?: SourceProblem } {
  const q = (id: string) => (id.includes('.') ? id : `${moduleName}.${id}`);
  const { rows, error } = readCsv(src);
  if (error) return { rules: [], problem: { kind: 'csv', file, line: error.line, message: `${error.message}; the file was skipped` } };
  // Odoo accepts both 'model_id:id' and 'model_id/id' in headers.
  const header = rows[0]?.cells.map((c) => c.trim().replace(/^\uFEFF/, '').replace(/\/id$/, ':id'));
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const idx = { id: col('id'), name: col('name'), model: col('model_id:id'), group: col('group_id:id'), r: col('perm_read'), w: col('perm_write'), c: col('perm_create'), u: col('perm_unlink') };
  if (!header || idx.id < 0 || idx.model < 0) {
    return { rules: [], problem: { kind: 'csv', file, line: 1, message: "the header needs at least 'id' and 'model_id:id'; the file was skipped" } };
  }
  const flag = (cells: string[], i: number) => i >= 0 && ['1', 'true', 'True'].includes((cells[i] ?? '').trim());
  const rules = rows.slice(1).map(({ cells, line }) => ({
    id: q(cells[idx.id].trim()),
    name: idx.name >= 0 ? cells[idx.name] ?? '' : '',
    modelRef: q((cells[idx.model] ?? '').trim()),
    group: idx.group >= 0 && cells[idx.group]?.trim() ? q(cells[idx.group].trim()) : undefined,
    perms: { read: flag(cells, idx.r), write: flag(cells, idx.w), create: flag(cells, idx.c), unlink: flag(cells, idx.u) },
    file,
    line,
  }));
  return { rules };
}
