import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from '../../src/core/result.js';
import { UserError } from '../../src/core/user-error.js';
import { featureReviewSpec } from '../../src/steps/feature-map/index.js';
import { buildRegistry, type Engines, type StepRegistry } from '../../src/steps/registry.js';
import type { Diagnostic, ReviewSpec, StepEngine, StepId } from '../../src/steps/types.js';
import { createRunner, type Runner, type RunnerOptions } from '../../src/state/runner.js';
import { openWorkspace } from '../../src/state/workspace.js';

export function tempDir(prefix = 'ops-state-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A review spec that accepts any TOML whose `name` key is not "bad". */
export function testSpec(id: 'map-review' | 'feature-review', file: string): ReviewSpec {
  return {
    id,
    file,
    validate(text: string): Diagnostic[] {
      const i = text.split('\n').findIndex((l) => /^name\s*=\s*"bad"/.test(l));
      return i < 0 ? [] : [{ line: i + 1, column: 1, message: 'name must not be "bad"', severity: 'error' }];
    },
  };
}

/**
 * A deterministic engine: reads its inputs, writes `count` artifacts derived from them (one at
 * a time, optionally slowly so a test can kill it midway), and reports their hashes.
 */
export function fileEngine(
  id: StepId,
  inputs: readonly string[],
  outputs: readonly string[],
  opts: { delayMs?: number; fail?: () => UserError | Error | undefined } = {},
): StepEngine {
  return {
    id,
    inputs,
    async run(ctx) {
      const failure = opts.fail?.();
      if (failure instanceof UserError) return { ok: false, error: failure };
      if (failure) throw failure;
      const seed = (await Promise.all(inputs.map((f) => ctx.artifacts.hash(f)))).map((h) => h ?? '-').join('|');
      const hashes: Record<string, string> = {};
      for (let i = 0; i < outputs.length; i++) {
        ctx.signal.throwIfAborted();
        ctx.progress({ activity: `writing ${outputs[i]}`, done: i, total: outputs.length });
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
        hashes[outputs[i]] = await ctx.artifacts.write(outputs[i], `# ${id} ${outputs[i]} from ${createHash('sha256').update(seed).digest('hex')}\nname = "${id}"\n`);
        ctx.log(`wrote ${outputs[i]}`);
      }
      return ok({ summary: `${outputs.length} files`, outputs: hashes, warnings: [] });
    },
  };
}

/** The full seven-step registry of test engines, with some replaced by a test's own. */
export function registryWith(own: Partial<Engines>): StepRegistry {
  return buildRegistry({ ...testEngines(), ...own });
}

/** A full seven-step registry of test engines over small files. */
export function testRegistry(o: { delayMs?: number; failTodo?: () => UserError | Error | undefined } = {}): StepRegistry {
  return buildRegistry(testEngines(o));
}

function testEngines(o: { delayMs?: number; failTodo?: () => UserError | Error | undefined } = {}): Engines {
  return {
    extract: fileEngine('extract', [], ['extract.json', 'module_model_map.toml'], o),
    mapReview: testSpec('map-review', 'module_model_map.toml'),
    generate: fileEngine('generate', ['extract.json', 'module_model_map.toml'], ['modules/a/x.py', 'modules/b/y.py'], o),
    featureMap: fileEngine('feature-map', ['modules'], ['feature_user_story_map.toml', 'analysis.json'], o),
    featureReview: testSpec('feature-review', 'feature_user_story_map.toml'),
    todo: fileEngine('todo', ['feature_user_story_map.toml'], ['ToDo.md'], { ...o, fail: o.failTodo }),
    sync: fileEngine('sync', ['ToDo.md'], ['.odoo-project-sync/sync-plan.json'], o),
  };
}

export async function openTestRunner(root: string, registry: StepRegistry, extra: Partial<RunnerOptions> = {}, pid = 4242): Promise<Runner> {
  const ws = await openWorkspace({ root, now: () => 1_000, lock: { pid, host: 'test-host', isAlive: () => false } });
  if (!ws.ok) throw ws.error;
  return createRunner({ workspace: ws.value, registry, now: () => 2_000, ...extra });
}

export const SOURCE_CONFIG = 'source = "source"\naddons = ["addons"]\n';
export const DB_CONFIG = 'source = "database"\n\n[connection]\nurl = "http://127.0.0.1:8069"\ndb = "demo"\nuser = "admin"\n';

/** A small valid feature map: one module, one feature with one story. */
export const FEATURE_MAP = `version = 1

[modules.repair]
title = "Repair"

[features.repair-request]
title = "Request"
module = "repair"
kind = "model"
priority = "high"

[[features.repair-request.stories]]
text = "As a Repair User, I want to log requests, so that they get fixed."
`;

/** The real feature map check, telling `seen` each text it is asked to check (placed or not). */
export function countingFeatureSpec(seen: (text: string) => void): ReviewSpec {
  const find = featureReviewSpec.find!;
  return {
    ...featureReviewSpec,
    validate: (text, parsed, errorsOnly) => {
      seen(text);
      return featureReviewSpec.validate(text, parsed, errorsOnly);
    },
    find: (text, parsed, errorsOnly) => {
      seen(text);
      return find(text, parsed, errorsOnly);
    },
  };
}
