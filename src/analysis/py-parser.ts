/**
 * The one Python parser of the project: tree-sitter's Python grammar (WebAssembly) run by
 * web-tree-sitter. It covers the whole grammar Odoo code uses (match/case, a bare `yield`,
 * `0.`, starred comprehension targets...), which @lezer/python did not.
 *
 * The WebAssembly loads asynchronously, once per thread: `await loadPython()` before the first
 * parse (analyseModule, the generate step and each worker thread do). Parsing is synchronous.
 * Trees live in WebAssembly memory: `withPythonTree` frees each one when its callback returns,
 * so nothing may keep a node past it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node } from 'web-tree-sitter';

export type PyNode = Node;

/** The grammar, vendored from the tree-sitter-python npm package (see vendor/tree-sitter-python/README.md). */
const GRAMMAR = 'vendor/tree-sitter-python/tree-sitter-python.wasm';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Where the built CLI keeps both .wasm files (scripts/build.mjs copies them): dist/wasm/. */
const BUILT = 'wasm';

/**
 * The two .wasm files: the copies in dist/wasm/ beside a bundle (which may run from a copy of
 * dist/ anywhere), else the vendored grammar and the installed runtime of a source tree. Looked
 * for from this script's folder upwards, then from the working folder (a test's own bundle
 * written to a temporary folder).
 */
function wasmFiles(): { runtime: string; grammar: string } {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const built = join(dir, BUILT, 'tree-sitter-python.wasm');
      if (existsSync(built)) return { runtime: join(dir, BUILT, 'web-tree-sitter.wasm'), grammar: built };
      if (existsSync(join(dir, GRAMMAR))) {
        return { runtime: createRequire(join(dir, 'package.json')).resolve('web-tree-sitter/web-tree-sitter.wasm'), grammar: join(dir, GRAMMAR) };
      }
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`bug: tree-sitter-python.wasm is missing near ${fileURLToPath(import.meta.url)}; reinstall odoo-project-sync`);
}

/** Loads the parser in this thread; later calls return at once. */
export function loadPython(): Promise<void> {
  loading ??= (async () => {
    const files = wasmFiles();
    // The runtime's .wasm is handed over: inside a bundle, web-tree-sitter would look beside the chunk.
    await Parser.init({ wasmBinary: readFileSync(files.runtime) });
    const language = await Language.load(readFileSync(files.grammar));
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

/** Whether loadPython() has finished: code that may run before it (the XML of a test) asks first. */
export const pythonReady = (): boolean => parser !== undefined;

/** Parses `src` and hands the root node to `use`; the tree is freed when `use` returns. */
export function withPythonTree<T>(src: string, use: (root: PyNode) => T): T {
  if (!parser) throw new Error('bug: loadPython() was not awaited before parsing Python');
  const tree = parser.parse(src);
  if (!tree) throw new Error('bug: the Python parser returned no tree');
  try {
    return use(tree.rootNode);
  } finally {
    tree.delete();
  }
}

export interface SyntaxErrorAt {
  /** 1-based. */
  line: number;
  /** 1-based, in characters of the line. */
  column: number;
  /** What the parser met there, e.g. `missing ")"` or `unexpected "else"`. */
  detail: string;
}

/**
 * Where the parser could not fit the code into the grammar. Error recovery wraps the well-formed
 * statements around a mistake in an ERROR node, so the place is found by going down to the
 * innermost ERROR (or MISSING) node, then to its first child that is no complete statement: the
 * token the parser stumbled on. Only subtrees that hold an error are visited; a clean file
 * costs one flag read.
 */
export function firstSyntaxError(root: PyNode, src: string): SyntaxErrorAt | undefined {
  if (!root.hasError) return undefined;
  let node = root;
  for (;;) {
    const next = node.children.find((c) => c && (c.isMissing || c.hasError));
    if (!next) break;
    node = next;
    if (node.isMissing) break;
  }
  if (node.isError) node = node.children.find((c) => c && !COMPLETE.has(c.type)) ?? node;
  const at = node.startPosition;
  const snippet = textOf(node, src).split('\n')[0].trim().slice(0, 20);
  const detail = node.isMissing ? `missing "${node.type}"` : snippet ? `unexpected "${snippet}"` : 'incomplete statement';
  return { line: at.row + 1, column: at.column + 1, detail };
}

/** Nodes an ERROR can hold that are whole and fine: the mistake lies after them. */
const COMPLETE = new Set([
  'comment', 'expression_statement', 'import_statement', 'import_from_statement', 'future_import_statement',
  'function_definition', 'class_definition', 'decorated_definition', 'pass_statement', 'return_statement',
  'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'match_statement',
  'assert_statement', 'delete_statement', 'raise_statement', 'global_statement', 'nonlocal_statement',
  'break_statement', 'continue_statement', 'type_alias_statement', 'print_statement', 'exec_statement',
]);

/** Named children without comments (tree-sitter places comments anywhere). */
export function named(node: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (const c of node.namedChildren) {
    if (c && c.type !== 'comment' && c.type !== 'line_continuation') out.push(c);
  }
  return out;
}

/** The first named child that is not a comment. */
export function firstNamed(node: PyNode): PyNode | undefined {
  for (const c of node.namedChildren) {
    if (c && c.type !== 'comment' && c.type !== 'line_continuation') return c;
  }
  return undefined;
}

export const textOf = (n: PyNode, src: string): string => src.slice(n.startIndex, n.endIndex);

/** 1-based line of a node's start. */
export const lineOf = (n: PyNode): number => n.startPosition.row + 1;

/** 1-based line of a node's last character. */
export const endLineOf = (n: PyNode): number => {
  const end = n.endPosition;
  // A node that ends at column 0 ends with the newline of the line before.
  return end.column === 0 && end.row > n.startPosition.row ? end.row : end.row + 1;
};
