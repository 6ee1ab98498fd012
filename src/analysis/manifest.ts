/** Reads __manifest__.py: a Python dict literal, read with the Python parser, never evaluated. */
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { literal, NOT_LITERAL, type PyValue } from './py-literal.js';
import { firstNamed, firstSyntaxError, lineOf, named, withPythonTree } from './py-parser.js';
import type { Manifest, SourceProblem } from './types.js';

/** Reads a manifest. Needs `await loadPython()` first (see py-parser.ts). */
export function readManifest(src: string, file: string): Result<Manifest, SourceProblem> {
  return withPythonTree(src, (root) => {
    const bad = (message: string, line?: number, column?: number): Result<Manifest, SourceProblem> =>
      err({ kind: 'manifest-malformed', file, line, column, message });
    const syntax = firstSyntaxError(root, src);
    if (syntax) return bad(`the manifest is not valid Python (${syntax.detail}); the module was skipped`, syntax.line, syntax.column);
    const dictNode = named(root)
      .filter((s) => s.type === 'expression_statement')
      .map((s) => firstNamed(s))
      .find((n) => n?.type === 'dictionary');
    if (!dictNode) return bad('the manifest holds no dictionary literal; the module was skipped', 1);
    const value = literal(dictNode, src);
    if (value === NOT_LITERAL || value === null || typeof value !== 'object' || Array.isArray(value)) {
      // Point at the first entry that is not a plain literal (a call, a name, an expression).
      const culprit = named(dictNode).find((pair) => named(pair).some((n) => literal(n, src) === NOT_LITERAL)) ?? dictNode;
      return bad('the manifest must be a plain literal (no names, calls or expressions); the module was skipped', lineOf(culprit));
    }
    return read(value as Record<string, PyValue>, file, lineOf(dictNode), bad);
  });
}

function read(
  v: Record<string, PyValue>,
  file: string,
  line: number,
  bad: (message: string, line?: number) => Result<Manifest, SourceProblem>,
): Result<Manifest, SourceProblem> {
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as PyValue[]).filter((x): x is string => typeof x === 'string') : []);
  const assets: string[] = [];
  const bundles: Record<string, string[]> = {};
  const a = v.assets;
  if (a && typeof a === 'object' && !Array.isArray(a)) {
    for (const [name, bundle] of Object.entries(a)) {
      if (!Array.isArray(bundle)) continue;
      // Entries are paths or ('include'|'remove'|..., path) tuples.
      const paths = bundle.map((x) => (Array.isArray(x) ? x.at(-1) : x)).filter((x): x is string => typeof x === 'string');
      assets.push(...bundle.filter((x): x is string => typeof x === 'string'));
      bundles[name] = paths;
    }
  }
  if (typeof v.name !== 'string') return bad("the manifest has no 'name'; the module was skipped", line);
  return ok({
    file,
    line,
    name: str('name'),
    summary: str('summary'),
    description: str('description'),
    category: str('category'),
    version: str('version'),
    depends: list('depends'),
    data: list('data'),
    demo: list('demo'),
    application: v.application === true,
    installable: v.installable !== false,
    assets,
    bundles,
    postInitHook: str('post_init_hook'),
  });
}
