// Jest: four projects — pure logic and emulator (unit), the built bundle in node:vm, the playground's
// command line and xlsx files and the property-based tests (bundle), the bundle tests again as an
// editor add-on (bundle-addon), and headless Chromium against the playground (browser).
const transform = { '^.+\\.tsx?$': '<rootDir>/scripts/jest-transform.cjs' };
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/core/**/*.test.ts', '<rootDir>/test/emulator/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'bundle',
      testMatch: [
        '<rootDir>/test/bundle/**/*.test.ts',
        '<rootDir>/test/playground/**/*.test.ts',
        '<rootDir>/test/property/**/*.test.ts',
      ],
    },
    // The bundle tests again with the editor add-on deployment (test/helpers/bundle.ts DEPLOYMENT).
    {
      ...common,
      displayName: 'bundle-addon',
      testMatch: ['<rootDir>/test/bundle/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/helpers/addon-mode.cjs'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
