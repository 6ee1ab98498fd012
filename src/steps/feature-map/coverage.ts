/**
 * Tests are never features: a module's tests/ folder and the modules that exist to test others
 * (Odoo's test_* modules) are reported as coverage of the modules they exercise.
 */
import type { AddonsAnalysis } from '../../analysis/types.js';

export interface ModuleCoverage {
  module: string;
  /** Python test files in the module's own tests/ folder. */
  testFiles: number;
  /** Test modules that depend on it directly. */
  testedBy: readonly string[];
}

export interface Coverage {
  modules: readonly ModuleCoverage[];
  /** Test modules none of whose dependencies is among the analysed modules. */
  unattached: readonly string[];
}

export function coverageOf(analysis: AddonsAnalysis): Coverage {
  const tests = analysis.testModules ?? [];
  const names = new Set(analysis.modules.map((m) => m.name));
  const modules = analysis.modules
    .map((m) => ({ module: m.name, testFiles: m.testFiles ?? 0, testedBy: tests.filter((t) => t.depends.includes(m.name)).map((t) => t.name) }))
    .filter((c) => c.testFiles > 0 || c.testedBy.length > 0);
  const unattached = tests.filter((t) => !t.depends.some((d) => names.has(d))).map((t) => t.name);
  return { modules, unattached };
}

/** The step report's section: one line per module with tests. */
export function coverageReport(c: Coverage | undefined): string {
  if (!c || (c.modules.length === 0 && c.unattached.length === 0)) return '';
  const lines = c.modules.map((m) => {
    const own = m.testFiles > 0 ? `${m.testFiles} test file${m.testFiles === 1 ? '' : 's'}` : 'no test file of its own';
    return `- ${m.module}: ${own}${m.testedBy.length ? `; tested by ${m.testedBy.join(', ')}` : ''}`;
  });
  if (c.unattached.length) lines.push(`- test modules for modules not analysed here: ${c.unattached.join(', ')}`);
  return `\n## Tests (coverage; tests are never features)\n${lines.join('\n')}\n`;
}
