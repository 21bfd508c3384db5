// ESLint for memokit's own code: `npm run lint`. Type-aware rules read the TypeScript projects
// (tsconfig.json for src/, tests/tsconfig.json for the tests) through the project service.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'tests/fixtures/', 'bench/corpus/', 'bench/out/', 'bench/.peers/', 'out/', 'test-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks a binding kept on purpose (`for (const _ of text)`); a rest sibling drops fields.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // We match control characters on purpose: ASCII ranges, YAML's forbidden characters, ANSI colours in tests.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`, and tests put them in objects.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // bench/, scripts/, bin/ and test helpers in plain JavaScript have no types: the type-aware rules would only report `any`.
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
