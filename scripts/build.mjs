// Bundles the CLI (and the bench) with esbuild so the wizard starts fast.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'scripts', 'react-devtools-stub.js');

const entries = [
  { in: 'src/cli.tsx', out: 'cli' },
  { in: 'bench/index.ts', out: 'bench' },
].filter((e) => existsSync(join(root, e.in)));

await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
  alias: { 'react-devtools-core': stub },
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
