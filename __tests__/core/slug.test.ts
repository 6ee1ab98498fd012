import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from '../../src/core/slug.js';
import { moduleNameFrom } from '../../src/steps/module-map/proposal.js';
import { idPart } from '../../src/steps/sync/parse/text.js';

test('one slug: ASCII lower case, accents folded, runs collapsed, a cut never ends in "_"', () => {
  expect(slug('GAP 1: Branch promotion')).toBe('gap_1_branch_promotion');
  expect(slug('Équipe Café')).toBe('equipe_cafe');
  expect(slug('a__b--c')).toBe('a_b_c');
  expect(slug('abc def', { max: 4 })).toBe('abc');
  expect(slug('¿?')).toBe('');
});

test('feature ids keep "__" and do not fold accents, as they always did', () => {
  expect(slug('x_studio__Équipe', { keepUnderscores: true, foldAccents: false })).toBe('x_studio___quipe');
});

test('module names and external-id parts are built on it', () => {
  expect(moduleNameFrom('x_studio_Équipement')).toBe('equipement');
  expect(moduleNameFrom('123 Things')).toBe('custom_123_things');
  expect(moduleNameFrom('x_')).toBe('custom');
  expect(moduleNameFrom('A'.repeat(47) + ' b')).toBe('a'.repeat(47));
  expect(idPart('')).toBe('x');
  expect(idPart('Phase 1 — Set-up', 10)).toBe('phase_1_se');
});

test('src defines slug once (src/core/slug.ts)', () => {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else if (/\.tsx?$/.test(n) && /\b(function\s+slug\b|(const|let)\s+slug\s*=)/.test(readFileSync(f, 'utf8'))) found.push(f);
    }
  };
  walk('src');
  expect(found).toEqual([join('src', 'core', 'slug.ts')]);
});
