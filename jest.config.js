const { existsSync } = require('node:fs');
const { join } = require('node:path');

/** One jest run for the whole repo: TypeScript through SWC, workspace packages mapped to their sources. */
module.exports = {
  testEnvironment: 'node',
  // `test/` holds cross-package suites once they exist; jest refuses a root that is missing.
  roots: ['packages', 'test', 'deploy']
    .filter((dir) => existsSync(join(__dirname, dir)))
    .map((dir) => `<rootDir>/${dir}`),
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: {
    '^@fasttodo/(redact|health|telemetry|express|fastify|koa)$': '<rootDir>/packages/$1/src/index.ts',
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
