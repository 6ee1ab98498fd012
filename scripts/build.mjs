// Bundles the CLI (and the bench) with esbuild so the wizard starts fast.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, rmSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'scripts', 'react-devtools-stub.js');

const entries = [
  { in: 'src/cli.tsx', out: 'cli' },
  { in: 'bench/index.ts', out: 'bench' },
  // The analysis spreads modules over worker threads; each worker runs this entry.
  { in: 'src/analysis/worker.ts', out: 'analysis-worker' },
].filter((e) => existsSync(join(root, e.in)));

// Chunk names carry a content hash: clear the old ones so dist/ holds only this build.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Ink and React load in their own chunk, only on the TUI path: --help and headless stay fast.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  jsx: 'automatic',
  sourcemap: 'linked',
  // React and its reconciler ship much smaller, faster production builds; minified code parses faster.
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  logLevel: 'warning',
  // bench/reviewer.ts sets NODE_ENV for its tsx runs; in the bundle it is already the constant.
  logOverride: { 'assign-to-define': 'silent' },
  alias: { 'react-devtools-core': stub },
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
