import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const DEPARTMENTS = ['environment', 'market', 'credit', 'finance'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/generated/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Type-aware rules read the types of tsconfig.json's program (src, migrations, bench, test).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.ts'],
    // Decorated classes need their parameter types at run time (decorator metadata).
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function without await is how this code implements a promise-returning contract
      // synchronously (Apollo plugin hooks, RateLimiter, SubjectFacts); Promise.resolve wrappers say less.
      '@typescript-eslint/require-await': 'off',
      // Entities hold the database's strings, and the GraphQL enums are string enums whose values are
      // those strings: comparing the two is the intended check (the rule guards numeric-enum mixups).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      'no-console': 'off',
    },
  },
  // Department boundaries (DESIGN.md, conventions 1): code outside a department reaches it only through
  // its index.ts, and departments never import each other (their data meets only through federation).
  {
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/subgraphs/*/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: `(^|/)subgraphs/(${DEPARTMENTS.join('|')})/.+`,
          message: 'Import a department only through its index.ts (src/subgraphs/<department>).',
        }],
      }],
    },
  },
  ...DEPARTMENTS.map((department) => {
    const others = DEPARTMENTS.filter((other) => other !== department).join('|');
    return {
      files: [`src/subgraphs/${department}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [{
            regex: `(^|/)(subgraphs/|\\.\\./)(${others})(/|$)`,
            message: `The ${department} department does not import another department: other departments' data arrives through federation; shared code lives in src/shared.`,
          }],
        }],
      },
    };
  }),
  // Rooms (DESIGN.md, "Shape"): src/gateway/ is the request path only and never imports an application
  // (src/apps/) or the composition root (src/hub/); applications reach the hub only through its API.
  {
    files: ['src/gateway/**/*.ts', 'src/shared/**/*.ts', 'src/subgraphs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '(^|/)(apps|hub)(/|$)',
          message: 'The request path (gateway, shared, subgraphs) never imports src/apps or src/hub: applications are wired in at the composition root (src/hub).',
        }],
      }],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.objectContaining, ...) are typed `any` by design.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Plain JavaScript outside the TypeScript program: no type information to check against.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
