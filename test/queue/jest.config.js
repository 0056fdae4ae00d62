/** Queue suite: n8n in queue mode (Redis, PostgreSQL, a main and two workers) running the node (see README.md). */
module.exports = {
  rootDir: '../..',
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/queue'],
  testMatch: ['<rootDir>/test/queue/**/*.queue.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  testTimeout: 600000,
  maxWorkers: 1,
};
