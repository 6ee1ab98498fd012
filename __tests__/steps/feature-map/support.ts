/** Test ports for step engines: a temp-dir ArtifactStore and a StepContext builder. */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'smol-toml';
import { featureMapStep } from '../../../src/steps/feature-map/index.js';
import type { ArtifactStore, StepContext, WorkspaceConfig } from '../../../src/steps/types.js';

export const EXAMPLES = resolve(process.cwd(), 'examples/addons');

export function tempDir(prefix = 'ops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function copyExamples(into: string): string {
  const dest = join(into, 'addons');
  cpSync(EXAMPLES, dest, { recursive: true });
  return dest;
}

function treeHash(p: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else h.update(relative(p, f)).update(readFileSync(f));
    }
  };
  walk(p);
  return h.digest('hex');
}

export class DirStore implements ArtifactStore {
  constructor(readonly root: string) {}
  resolve(rel: string): string {
    const abs = resolve(this.root, rel);
    if (abs !== this.root && !abs.startsWith(this.root + sep)) throw new Error(`${rel} leaves the workspace`);
    return abs;
  }
  async read(rel: string) {
    try {
      return await readFile(this.resolve(rel), 'utf8');
    } catch {
      return undefined;
    }
  }
  async readBytes(rel: string) {
    try {
      return await readFile(this.resolve(rel));
    } catch {
      return undefined;
    }
  }
  async write(rel: string, content: string | Buffer) {
    const abs = this.resolve(rel);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(`${abs}.tmp`, content);
    await rename(`${abs}.tmp`, abs);
    return createHash('sha256').update(content).digest('hex');
  }
  async remove(rel: string) {
    rmSync(this.resolve(rel), { force: true });
  }
  async exists(rel: string) {
    try {
      await stat(this.resolve(rel));
      return true;
    } catch {
      return false;
    }
  }
  async hash(rel: string) {
    const abs = this.resolve(rel);
    try {
      const st = statSync(abs);
      return st.isDirectory() ? treeHash(abs) : createHash('sha256').update(readFileSync(abs)).digest('hex');
    } catch {
      return undefined;
    }
  }
}

export function makeContext(root: string, config: Partial<WorkspaceConfig> = {}): StepContext & { logs: string[] } {
  const logs: string[] = [];
  return {
    config: { source: 'source', addons: ['addons'], sections: {}, ...config },
    artifacts: new DirStore(root),
    signal: new AbortController().signal,
    progress: () => undefined,
    connect: () => Promise.reject(new Error('no Odoo in these tests')),
    log: (l) => logs.push(l),
    ask: (q) => Promise.resolve(q.defaultValue),
    dryRun: false,
    assumeYes: true,
    logs,
  };
}

export const cleanup = (dir: string) => rmSync(dir, { recursive: true, force: true });

export interface MapFeature {
  title: string;
  stories: { text: string; acceptance: string[] }[];
}

/** Every story text and acceptance line of a feature, in map order. */
export const storyLines = (f: MapFeature): string[] => f.stories.flatMap((s) => [s.text, ...s.acceptance]);

/**
 * Step 4 over a source workspace holding `files` (paths under `addons` -> content), in a temporary
 * folder removed afterwards: the features of the map it wrote, by id.
 */
export async function featureMapOf(files: Readonly<Record<string, string>>, addons = 'addons'): Promise<Record<string, MapFeature>> {
  return (await mapDocOf(files, addons)).features;
}

/** The same, the whole map: its [modules] tables too. */
export async function mapDocOf(files: Readonly<Record<string, string>>, addons = 'addons'): Promise<{ modules: Record<string, { title: string; summary?: string }>; features: Record<string, MapFeature> }> {
  const root = tempDir();
  try {
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(join(root, addons, rel, '..'), { recursive: true });
      writeFileSync(join(root, addons, rel), content);
    }
    const r = await featureMapStep.run(makeContext(root, { addons: [addons] }));
    if (!r.ok) throw r.error;
    return parse(readFileSync(join(root, 'feature_user_story_map.toml'), 'utf8')) as unknown as { modules: Record<string, { title: string; summary?: string }>; features: Record<string, MapFeature> };
  } finally {
    cleanup(root);
  }
}
