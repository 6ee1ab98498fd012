/** Jest in ESM mode with ts-jest (transpile only: `tsc --noEmit` type-checks in `npm test`). */
const tsJest = [
  'ts-jest',
  { useESM: true, diagnostics: false, tsconfig: 'tsconfig.json' },
];
const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.tsx?$': tsJest },
  setupFiles: ['<rootDir>/__tests__/setup/env.ts'],
  testEnvironment: 'node',
};
export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts?(x)'],
      testPathIgnorePatterns: ['/node_modules/', '/__tests__/live/'],
    },
    {
      ...common,
      displayName: 'live',
      testMatch: ['<rootDir>/__tests__/live/**/*.test.ts?(x)'],
    },
  ],
};
