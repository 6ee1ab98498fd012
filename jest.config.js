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
  // No test is timed (speed lives in `npm run bench`): the limit only ends a hang. Generated
  // modules are checked with py_compile, which takes seconds when the machine is busy.
  testTimeout: 30_000,
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
