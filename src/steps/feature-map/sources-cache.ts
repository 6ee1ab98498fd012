/**
 * The analysis result steps 4 and 6 share, kept in the workspace and keyed by the digests of
 * the files the analysis reads: todo, or a second feature-map over an unchanged tree, reads it
 * back instead of parsing every module again. A cache that is missing, unreadable, or made by
 * other code or from other files is simply not used.
 */
import { createHash } from 'node:crypto';
import type { SourceProblem } from '../../analysis/types.js';
import type { StepContext } from '../types.js';
import type { FeatureSet } from './types.js';

export const SOURCES_CACHE = '.odoo-project-sync/cache/sources.json';

/** What a cache entry holds; bump FORMAT when it changes shape. */
const FORMAT = 3;

export interface CachedSources {
  problems: SourceProblem[];
  features: FeatureSet;
}

interface CacheFile extends CachedSources {
  key: string;
}

/**
 * The key: this code (in a build, its file name carries its content hash), the workspace kind,
 * and each addons path with its digest. undefined when the runner offers no digests.
 */
export async function sourcesKey(ctx: StepContext, paths: readonly string[], fresh = false): Promise<string | undefined> {
  if (!ctx.digest) return undefined;
  const parts: unknown[] = [FORMAT, import.meta.url, ctx.config.source];
  for (const p of paths) parts.push(p, await ctx.digest(p, fresh));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export async function readCachedSources(ctx: StepContext, key: string): Promise<CachedSources | undefined> {
  let text: string | undefined;
  try {
    text = await ctx.artifacts.read(SOURCES_CACHE);
  } catch {
    return undefined;
  }
  // The key is written first: a stale cache is recognised without parsing the whole file.
  if (text === undefined || !text.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
  try {
    const c = JSON.parse(text) as CacheFile;
    return Array.isArray(c.problems) && Array.isArray(c.features?.features) ? { problems: c.problems, features: c.features } : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCachedSources(ctx: StepContext, key: string, value: CachedSources): Promise<void> {
  const file: CacheFile = { key, problems: value.problems, features: value.features };
  try {
    await ctx.artifacts.write(SOURCES_CACHE, JSON.stringify(file));
  } catch {
    // A cache that cannot be written only costs the next step a parse.
  }
}
