/** The newcomer test alone (`npm run test:newcomer`): a fresh clone on the default ports, no harness. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/newcomer/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 20 * 60_000,
};
