// Shared by every project's jest.config.js: SWC transform (with decorator metadata for Nest),
// tsconfig path aliases, and the one-per-run infrastructure resolution from @crm/testing.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
// Dependencies that ship ESM only: jest cannot require(esm) on Node 20, so they are compiled to
// CommonJS too (jose: JWT verification; content-disposition: via @fastify/static for Swagger UI).
const ESM_ONLY_PACKAGES = ['jose', 'content-disposition'];
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(root, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    [`/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  globalSetup: path.join(root, 'libs/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(root, 'libs/testing/src/jest/global-teardown.ts'),
  // Also set in package.json's root config: with `projects`, jest reads testTimeout only there.
  testTimeout: 60_000,
};
