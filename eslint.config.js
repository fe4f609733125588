// Flat config. The module-boundary rule is what makes the layering a lint failure rather than a
// convention (tags in each project.json):
//   layer:domain   contracts, event-sourcing, values: pure core, no Nest, nothing above it
//   layer:edge     messaging, embedded-postgres: adapters; may use domain, never the platform
//   layer:platform platform: the Nest runtime of a service; may use edge and domain
//   layer:test-support  testing: only tests, test apps, fixtures and benches may import it
//   type:service + scope:<service>: services use libs only, never each other
// Test support reached through a lib's own `/testing` entry (`@crm/platform/testing`) is the same
// project to Nx, so production files also get no-restricted-imports for those paths.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const nx = require('@nx/eslint-plugin');
const prettier = require('eslint-config-prettier');

/** Where test support may be imported: specs, test apps and fixtures, benches, system tests. */
const TEST_FILES = ['**/*.spec.ts', '**/testing/**', '**/bench/**', 'services/*/src/system/**'];

const TEST_SUPPORT = 'layer:test-support';

/** depConstraints; `tests`: the file may also import test support. */
function boundaries(tests) {
  const withTests = (tags) => (tests ? [...tags, TEST_SUPPORT] : tags);
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        // Only direct imports: Nx checks notDependOnLibsWithTags through the whole graph, and
        // every lib's specs do reach test support.
        {
          sourceTag: 'type:service',
          onlyDependOnLibsWithTags: withTests(['type:lib']),
          notDependOnLibsWithTags: ['type:service'],
        },
        { sourceTag: 'type:lib', onlyDependOnLibsWithTags: withTests(['type:lib']) },
        {
          sourceTag: 'layer:domain',
          // Its tests and benches may also start real infrastructure (embedded-postgres).
          onlyDependOnLibsWithTags: tests
            ? ['layer:domain', 'layer:edge', TEST_SUPPORT]
            : ['layer:domain'],
          bannedExternalImports: ['@nestjs/*', 'fastify', '@fastify/*', 'kafkajs'],
        },
        {
          sourceTag: 'layer:edge',
          onlyDependOnLibsWithTags: withTests(['layer:domain', 'layer:edge']),
        },
        {
          sourceTag: 'layer:platform',
          onlyDependOnLibsWithTags: withTests(['layer:domain', 'layer:edge', 'layer:platform']),
        },
        {
          sourceTag: TEST_SUPPORT,
          onlyDependOnLibsWithTags: ['layer:domain', 'layer:edge', 'layer:platform', TEST_SUPPORT],
        },
      ],
    },
  ];
}

module.exports = tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.nx/**',
      'deploy/kafka/lib/**',
      'deploy/kafka/data/**',
      'coverage/**',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@crm/testing', '@crm/*/testing'],
              message: 'Test support: import it only from specs, test apps, fixtures and benches.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: TEST_FILES.map((glob) => (glob.endsWith('.ts') ? glob : `${glob}/*.ts`)),
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
