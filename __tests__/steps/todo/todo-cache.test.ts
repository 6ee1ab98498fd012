/** Step 6 reuses step 4's analysis while the sources are unchanged, and re-reads them once they change. */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HashCache } from '../../../src/state/hash-cache.js';
import { inputDigest } from '../../../src/state/input-digest.js';
import { featureMapStep } from '../../../src/steps/feature-map/index.js';
import type { StepProgress } from '../../../src/steps/types.js';
import { todoStep } from '../../../src/steps/todo/index.js';
import { cleanup, copyExamples, makeContext, tempDir } from '../feature-map/support.js';

let dir: string;
afterEach(() => cleanup(dir));

function context() {
  const ctx = makeContext(dir, { sections: { sync: { project_name: 'Plant Upkeep' } } });
  const cache = HashCache.memory();
  const seen: string[] = [];
  return {
    ...ctx,
    seen,
    progress: (p: StepProgress) => void seen.push(p.activity),
    digest: async (path: string) => (await inputDigest(join(dir, path), cache)) ?? 'absent',
  };
}

test('todo after feature-map reads no module source; after an edit it reads them again', async () => {
  dir = tempDir();
  copyExamples(dir);
  const first = context();
  expect((await featureMapStep.run(first)).ok).toBe(true);
  expect(first.seen).toContain('reading helpdesk_lite');

  const todo = context();
  expect((await todoStep.run(todo)).ok).toBe(true);
  expect(todo.seen.some((a) => a.startsWith('reading ') && a !== 'reading module sources')).toBe(false);
  expect(todo.seen).toContain('module sources unchanged since the last analysis: reusing it');
  const before = readFileSync(join(dir, 'ToDo.md'), 'utf8');

  // A new field on the team: the next todo parses again and the task counts it.
  appendFileSync(join(dir, 'addons/helpdesk_lite/models/helpdesk_team.py'), "    motto = fields.Char(string='Motto')\n");
  const again = context();
  expect((await todoStep.run(again)).ok).toBe(true);
  expect(again.seen).toContain('reading helpdesk_lite');
  expect(readFileSync(join(dir, 'ToDo.md'), 'utf8')).not.toBe(before);
});
