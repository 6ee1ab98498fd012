import { parse } from 'smol-toml';
import type { Diagnostic, ReviewSpec } from '../../src/steps/types.js';

/**
 * A small schema for tests: every [module.*] table needs a `models` array; `status` must be
 * "keep" or "drop". Diagnostics point at the offending key's line and column.
 */
export const testSpec: ReviewSpec = {
  id: 'map-review',
  file: 'module_model_map.toml',
  validate(text: string): Diagnostic[] {
    const doc = parse(text) as { module?: Record<string, { models?: unknown; status?: unknown }> };
    const lines = text.split('\n');
    const headers = new Map<string, number>();
    lines.forEach((l, i) => {
      const m = /^\s*\[module\.([^\]]+)\]\s*$/.exec(l);
      if (m) headers.set(m[1], i);
    });
    const out: Diagnostic[] = [];
    for (const [name, mod] of Object.entries(doc.module ?? {})) {
      const header = headers.get(name) ?? -1;
      if (!Array.isArray(mod.models)) {
        out.push({ line: header + 1, column: 1, message: `module.${name}: models is required`, severity: 'error' });
      }
      if (mod.status !== undefined && mod.status !== 'keep' && mod.status !== 'drop') {
        const at = lines.findIndex((l, i) => i > header && /^\s*status\s*=/.test(l));
        out.push({
          line: at + 1,
          column: lines[at].indexOf('=') + 3,
          message: `module.${name}.status must be "keep" or "drop"`,
          severity: 'error',
        });
      }
    }
    return out;
  },
};

export const validMap = [
  '# module map',
  '[module.sales_extra]',
  'models = ["x_equipment"]',
  'status = "keep"',
  '',
  '[module.hr_extra]',
  'models = []',
  '',
].join('\n');
