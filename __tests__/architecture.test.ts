import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.cwd(), 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
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
});
