import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(process.cwd(), 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every module a file names: static imports, `import type`, re-exports and dynamic import(). */
function imports(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

describe('architecture: data flows cli -> state -> steps -> odoo', () => {
  test('src/steps imports no UI and no process-level I/O libraries', () => {
    const offenders = files(join(root, 'steps')).flatMap((f) =>
      imports(f)
        .filter((i) => ['ink', 'react', 'ink-select-input', 'ink-text-input'].includes(i) || i.includes('/screens/'))
        .map((i) => `${f}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  test('src/screens never talk to Odoo or call an engine directly', () => {
    const offenders = files(join(root, 'screens')).flatMap((f) =>
      imports(f)
        .filter((i) => i.includes('/odoo/') && !i.endsWith('/odoo/types.js'))
        .map((i) => `${f}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  test('only src/cli.tsx reads process.argv or calls process.exit', () => {
    const offenders = files(root)
      .filter((f) => !f.endsWith('cli.tsx') && !f.includes('/odoo/emulator/'))
      .filter((f) => /process\.(argv|exit)\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('the Odoo layer and the reviewer import nothing from src/steps (shared types live below them)', () => {
    const offenders = [...files(join(root, 'odoo')), ...files(join(root, 'review'))].flatMap((f) =>
      imports(f)
        .filter((i) => i.includes('/steps/'))
        .map((i) => `${f}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  test('the import scan sees dynamic import() and import type, so a lazy import cannot slip past', () => {
    const probe = join(root, '..', '__tests__', 'fixtures', 'architecture-probe.ts.txt');
    const src = readFileSync(probe, 'utf8');
    expect(ts.preProcessFile(src, true, true).importedFiles.map((f) => f.fileName)).toEqual(['./a.js', '../screens/b.js', 'ink']);
  });

  test('every name src re-exports (export { x } from) is used somewhere: no dead re-exports', () => {
    const everywhere = [...files(root), ...files(join(root, '..', '__tests__')), ...files(join(root, '..', 'bench'))];
    const used = new Set<string>();
    const namespaces = new Set<string>();
    for (const f of everywhere) {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isImportDeclaration(n) && n.importClause?.namedBindings && ts.isStringLiteral(n.moduleSpecifier)) {
          const b = n.importClause.namedBindings;
          if (ts.isNamespaceImport(b)) namespaces.add(n.moduleSpecifier.text.split('/').pop() ?? '');
          else for (const e of b.elements) used.add((e.propertyName ?? e.name).text);
        }
        // Lazy imports read names off the module: (await import('./x.js')).name, m.name.
        if (ts.isPropertyAccessExpression(n)) used.add(n.name.text);
        if (ts.isBindingElement(n)) used.add((n.propertyName && ts.isIdentifier(n.propertyName) ? n.propertyName : n.name).getText(sf));
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    const dead = files(root).flatMap((f) => {
      if (namespaces.has(f.split('/').pop()?.replace(/\.tsx?$/, '.js') ?? '')) return [];
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      return sf.statements.flatMap((st) =>
        ts.isExportDeclaration(st) && st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)
          ? st.exportClause.elements.filter((e) => !used.has(e.name.text)).map((e) => `${f.slice(root.length + 1)}: ${e.name.text}`)
          : [],
      );
    });
    expect(dead).toEqual([]);
  });
});
