import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The hub runs on Node's own type stripping (no tsx): only erasable TypeScript there.
    files: ['hub/*.ts', 'hub/src/**', 'shared/**'],
    rules: {
      '@typescript-eslint/parameter-properties': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Node type stripping has no enums.' },
        { selector: 'TSModuleDeclaration[declare=false]', message: 'Nor namespaces.' },
      ],
    },
  },
  {
    files: ['test/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
