/**
 * Entry of dist/tui-<hash>.cjs, the TUI as one CommonJS file that src/core/code-cache.ts
 * compiles through V8's code cache.
 *
 * - The step engines and the Odoo layer stay outside it: the TUI runs them from the CLI's ES
 *   modules (env.registry, env.connect), loaded when a step first runs. Bundled here they would
 *   add ~1 MB and ~30 ms to every start. What crosses between the two copies of the shared code
 *   is plain data and UserError, whose instanceof works across copies (src/core/user-error.ts).
 * - Yoga (Ink's layout engine) instantiates its WebAssembly asynchronously, which CommonJS cannot
 *   await at the top level: the shim starts it, and the TUI waits for it just before its first
 *   render, so the compile overlaps opening the workspace.
 */
import * as tui from '../src/tui.js';
// @ts-expect-error a JavaScript shim, aliased in by scripts/build.mjs
import { yogaReady } from './yoga-shim.js';

export async function load(): Promise<typeof tui> {
  return {
    ...tui,
    launchTui: (env, o) => tui.launchTui(env, { ...o, beforeRender: () => yogaReady }),
  };
}
