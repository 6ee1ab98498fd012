/** The benches measure what their figures say (issue #10): the real map check, the analysis' own memory. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const src = (f: string) => readFileSync(join(process.cwd(), 'bench', f), 'utf8');

test('the reviewer bench validates with the spec the wizard loads for module_model_map.toml, not a test fixture', () => {
  const s = src('reviewer.ts');
  expect(s).toContain('loadMapReviewSpec(artifacts)');
  expect(s).not.toMatch(/__tests__\/review\/review-spec\.fixture|testSpec/);
});

test('the analysis bench reads maxRSS in a child process that runs only the analysis', () => {
  const a = src('analysis.ts');
  expect(a).toMatch(/maxRssKb: resourceUsage\(\)\.maxRSS/);
  expect(a).toMatch(/execFile/);
  expect(a).not.toMatch(/memoryUsage\(\)/);
  expect(src('index.ts')).toMatch(/'--analysis-child'[\s\S]*analysisChild\(process\.argv\[3\]\)/);
});
