/** Schedule suite: workflows started by n8n's Schedule Trigger in a running n8n (see README.md). */
module.exports = {
  rootDir: '../..',
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/schedule'],
  testMatch: ['<rootDir>/test/schedule/**/*.schedule.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  testTimeout: 600000,
  maxWorkers: 1,
};
