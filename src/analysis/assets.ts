/**
 * What a front-end file plugs into the web client. Named by pattern, not parsed: the names of
 * patched classes, registry entries and OWL components are what a reviewer needs to attribute
 * the file; the code itself is never run.
 */
import type { AssetFile } from './types.js';

const KINDS: Record<string, AssetFile['kind']> = { js: 'js', scss: 'scss', css: 'css', xml: 'xml' };

function all(re: RegExp, text: string, pick: (m: RegExpExecArray) => string): string[] {
  const out: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = pick(m);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** `file` is relative to the analysis base; bundles list paths relative to the addons folder. */
export function assetFile(file: string, text: string, lines: number, moduleDir: string, bundles: Readonly<Record<string, readonly string[]>>): AssetFile {
  const ext = file.split('.').pop() ?? '';
  const local = file.slice(moduleDir.length - (moduleDir.split('/').pop() ?? '').length);
  const inBundles = Object.entries(bundles)
    .filter(([, paths]) => paths.some((p) => p === local || (p.includes('*') && globMatch(p, local))))
    .map(([b]) => b);
  const js = ext === 'js';
  return {
    file,
    kind: KINDS[ext] ?? 'js',
    lines,
    bundles: inBundles,
    patches: js ? all(/\bpatch\(\s*([A-Za-z_$][\w$.]*?)(?:\.prototype)?\s*,/g, text, (m) => m[1]) : [],
    registries: js ? all(/registry\s*\.category\(\s*["'`]([\w.]+)["'`]\s*\)\s*\.add\(\s*["'`]([\w.]+)["'`]/g, text, (m) => `${m[1]}/${m[2]}`) : [],
    components: js ? all(/\bclass\s+(\w+)\s+extends\s+(?:\w+\.)?Component\b/g, text, (m) => m[1]) : [],
  };
}

/** Compiled globs: a module's bundles list the same few globs for each of its hundreds of web files. */
const globs = new Map<string, RegExp>();

/** Manifest globs: '**' spans folders, '*' stays within one. */
function globMatch(glob: string, path: string): boolean {
  let re = globs.get(glob);
  if (!re) {
    const src = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(?:.*/)?');
    re = new RegExp(`^${src}$`);
    globs.set(glob, re);
  }
  return re.test(path);
}
