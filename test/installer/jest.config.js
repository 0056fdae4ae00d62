/** Installer suite: n8n installs the packed package from a registry on loopback (see README.md). */
module.exports = {
  rootDir: '../..',
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/installer'],
  testMatch: ['<rootDir>/test/installer/**/*.installer.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/installer/global-setup.ts',
  globalTeardown: '<rootDir>/test/installer/global-teardown.ts',
  testTimeout: 600000,
  // One n8n at a time per suite: the 2.x and 1.x suites already run side by side.
  maxWorkers: 1,
};
