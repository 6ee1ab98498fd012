/** The sync's inputs parsed once: an unchanged plan and map are taken from the cache, unread. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArtifactStore } from '../../../src/state/artifact-store.js';
import { readInputs } from '../../../src/steps/sync/inputs.js';
import { allTasks } from '../../../src/steps/sync/parse/types.js';
import type { StepContext } from '../../../src/steps/types.js';
import { workspace } from './harness.js';

const PLANS = join(process.cwd(), '__tests__/fixtures/plans');

test('an unchanged plan is not read again; an edit (the digest changes) is parsed', async () => {
  const ws = workspace(join(PLANS, 'status-table.md'));
  try {
    const store = createArtifactStore(ws.root);
    const reads: string[] = [];
    const artifacts = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if ((prop !== 'read' && prop !== 'readBytes') || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
        return (file: string) => (reads.push(file), v.call(target, file));
      },
    });
    const digest = async (file: string) => {
      try {
        return createHash('sha256').update(readFileSync(join(ws.root, file))).digest('hex');
      } catch {
        return 'absent';
      }
    };
    const ctx = { config: { source: 'database', addons: [], sections: {} }, artifacts, digest } as unknown as StepContext;
    const first = await readInputs(ctx);
    expect(first.ok && allTasks(first.value.plan).length).toBe(5);
    expect(reads).toContain('ToDo.md');
    reads.length = 0;
    const second = await readInputs(ctx);
    expect(second.ok && second.value.plan).toEqual(first.ok && first.value.plan);
    expect(reads).not.toContain('ToDo.md');
    const file = join(ws.root, 'ToDo.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\| fleet\.mail .*\n/, ''));
    reads.length = 0;
    const third = await readInputs(ctx);
    expect(third.ok && allTasks(third.value.plan).length).toBe(4);
    expect(reads).toContain('ToDo.md');
  } finally {
    ws.cleanup();
  }
});
