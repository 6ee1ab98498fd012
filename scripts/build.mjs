// Bundles the CLI (and the bench) with esbuild so the wizard starts fast.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'scripts', 'react-devtools-stub.js');

const entries = [
  { in: 'src/cli.tsx', out: 'cli' },
  { in: 'bench/index.ts', out: 'bench' },
  // The analysis spreads modules over worker threads; each worker runs this entry.
  { in: 'src/analysis/worker.ts', out: 'analysis-worker' },
  // The bench's parse-only measure of the Python parser runs on worker threads too.
  { in: 'src/analysis/parse-worker.ts', out: 'python-parse-worker' },
  // The check of a feature map step 4 just wrote runs beside the step's last writes.
  { in: 'src/state/check-worker.ts', out: 'review-check-worker' },
].filter((e) => existsSync(join(root, e.in)));

// Chunk names carry a content hash: clear the old ones so dist/ holds only this build.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });
for (const f of existsSync(join(root, 'dist')) ? readdirSync(join(root, 'dist')) : []) {
  if (/^tui-.*\.cjs(\.map)?$/.test(f)) rmSync(join(root, 'dist', f));
}

// Which code this is (src/core/build-id.ts): a result remembered by one build is not reused by another.
const buildId = (() => {
  const h = createHash('sha256').update(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${p.slice(root.length)}\0`).update(readFileSync(p));
    }
  };
  walk(join(root, 'src'));
  return h.digest('hex').slice(0, 16);
})();

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  // React and its reconciler ship much smaller, faster production builds; minified code parses faster.
  define: { 'process.env.NODE_ENV': '"production"', __OPS_BUILD_ID__: JSON.stringify(buildId) },
  // OPS_BUILD_PLAIN=1 keeps names readable (for node --cpu-prof).
  minify: !process.env.OPS_BUILD_PLAIN,
  logLevel: 'warning',
  // bench/reviewer.ts sets NODE_ENV for its tsx runs; in the bundle it is already the constant.
  logOverride: { 'assign-to-define': 'silent' },
  alias: { 'react-devtools-core': stub },
};

// The TUI (Ink, React, the screens and the run state) as one CommonJS file: src/core/code-cache.ts
// compiles it through V8's code cache, which Node 20 offers for scripts, not for ES modules.
// Its name carries its content hash, so a cache never outlives the code it was made from.
const yogaShim = {
  name: 'yoga-shim',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: join(root, 'scripts', 'yoga-shim.js') }));
  },
};
// Ink's reconciler awaits two imports at its top level, only under DEV=true (React DevTools, which
// this build stubs out anyway). CommonJS has no top-level await: drop those two branches, and fail
// the build if an Ink upgrade changes them.
const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to] of [
        ["await import('./devtools.js');", 'void 0;'],
        ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
      ]) {
        if (!text.includes(from)) throw new Error(`build: ink's reconciler.js no longer contains ${from}; update scripts/build.mjs`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};
// Ink measures text with string-width, whose Intl.Segmenter loads ICU (~20 ms) as soon as it is
// imported. The shim measures the wizard's own text without it and loads string-width on first
// need. wrap-ansi's older copy (7.x) is replaced too, so wrapping and measuring agree.
const stringWidthShim = {
  name: 'string-width-shim',
  setup(b) {
    const shim = join(root, 'scripts', 'string-width-shim.js');
    const realDir = join(root, 'node_modules', 'string-width');
    b.onResolve({ filter: /^(string-width|strip-ansi)$/ }, async (args) => {
      if (args.importer === shim) {
        // The real string-width by file (resolving its name would come back to the shim).
        if (args.path === 'string-width') return { path: join(realDir, 'index.js') };
        const r = await b.resolve(args.path, { resolveDir: realDir, kind: args.kind });
        return { path: r.path };
      }
      return args.path === 'string-width' ? { path: shim } : undefined;
    });
  },
};

// Ink's output path segments every line with an Intl.Segmenter that two of its dependencies create
// when they load; the first one loads ICU (~20 ms). Swap them for src/screens/segmenter.ts, which
// answers the same without ICU for the wizard's own text. A changed dependency fails the build.
const segmenterSwap = {
  name: 'grapheme-segmenter',
  setup(b) {
    const ours = join(root, 'src', 'screens', 'segmenter.ts');
    const targets = [
      [/[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, 'new Intl.Segmenter(undefined, { granularity: "grapheme" })'],
      [/[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, "new Intl.Segmenter(undefined, {granularity: 'grapheme'})"],
    ];
    for (const [filter, from] of targets) {
      b.onLoad({ filter }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes(from)) throw new Error(`build: ${args.path} no longer contains ${from}; update scripts/build.mjs`);
        const contents = `import { GraphemeSegmenter as __OpsGraphemeSegmenter } from ${JSON.stringify(ours)};\n${text.replace(from, 'new __OpsGraphemeSegmenter()')}`;
        return { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    }
  },
};
await build({
  ...common,
  entryPoints: { tui: 'scripts/tui-bundle-entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  plugins: [yogaShim, inkWithoutDevtools, stringWidthShim, segmenterSwap],
  define: { ...common.define, 'import.meta.url': '__ops_import_meta_url' },
  banner: { js: "var __ops_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
});
const tuiBuilt = readFileSync(join(root, 'dist', 'tui.cjs'), 'utf8');
const tuiName = `tui-${createHash('sha256').update(tuiBuilt).digest('hex').slice(0, 12)}.cjs`;
writeFileSync(join(root, 'dist', tuiName), tuiBuilt.replace(/sourceMappingURL=tui\.cjs\.map\s*$/, `sourceMappingURL=${tuiName}.map\n`));
rmSync(join(root, 'dist', 'tui.cjs'));
renameSync(join(root, 'dist', 'tui.cjs.map'), join(root, 'dist', `${tuiName}.map`));

// zod's small build (src/state/zod-mini.ts) is what loads at start-up (config, journal, a re-sync).
// Shared with the steps' full zod, esbuild's splitting puts zod's core in one chunk *whole* (all
// locales, JSON Schema, the compiler: 411 KB, ~50 ms to load) for both. Here the small build gets
// its own copy of the core files it uses (~16 KB): the full one still loads only with the steps
// that use it. Both copies share zod's global config (globalThis.__zod_globalConfig).
const zodMiniCopy = {
  name: 'zod-mini-copy',
  setup(b) {
    const ns = 'zod-mini';
    const own = async (path, resolveDir, kind) => {
      const r = await b.resolve(path, { resolveDir, kind });
      if (r.errors.length > 0) return { errors: r.errors };
      return { path: r.path, namespace: ns, sideEffects: false };
    };
    b.onResolve({ filter: /^zod\// }, (args) => (args.importer.endsWith(join('src', 'state', 'zod-mini.ts')) ? own(args.path, args.resolveDir, args.kind) : undefined));
    b.onResolve({ filter: /.*/, namespace: ns }, (args) => own(args.path, args.resolveDir, args.kind));
    b.onLoad({ filter: /.*/, namespace: ns }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'js', resolveDir: dirname(args.path) }));
  },
};

await build({
  ...common,
  entryPoints: entries,
  plugins: [zodMiniCopy],
  outdir: 'dist',
  format: 'esm',
  // Ink and React load in their own chunk, only on the TUI path: --help and headless stay fast.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { ...common.define, __OPS_TUI_BUNDLE__: JSON.stringify(tuiName) },
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

// The Python parser's WebAssembly (runtime and grammar) beside the bundles, so dist/ runs from
// anywhere, copied or installed (src/analysis/py-parser.ts looks for dist/wasm/ first).
const wasmDir = join(root, 'dist', 'wasm');
mkdirSync(wasmDir, { recursive: true });
copyFileSync(createRequire(join(root, 'package.json')).resolve('web-tree-sitter/web-tree-sitter.wasm'), join(wasmDir, 'web-tree-sitter.wasm'));
for (const f of ['tree-sitter-python.wasm', 'LICENSE']) {
  copyFileSync(join(root, 'vendor', 'tree-sitter-python', f), join(wasmDir, f === 'LICENSE' ? 'tree-sitter-python.LICENSE' : f));
}
