/** Trigger suite: the Truto Trigger in a running n8n, webhooks registered with and delivered by the mock (see README.md). */
module.exports = {
  rootDir: '../..',
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/trigger'],
  testMatch: ['<rootDir>/test/trigger/**/*.trigger.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  testTimeout: 600000,
  maxWorkers: 1,
};
