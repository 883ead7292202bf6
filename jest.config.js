/** One jest run for the whole repo: TypeScript through SWC, workspace packages mapped to their sources. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: { '^@fasttodo/(redact|health|telemetry)$': '<rootDir>/packages/$1/src/index.ts' },
  testTimeout: 30000,
  maxWorkers: 2,
};
