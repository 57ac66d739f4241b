// ESLint (run as `eslint --config src/config/eslint.config.mjs .` from the
// repository root, so patterns below are relative to the root) for the site's TypeScript and React: the recommended rules of
// typescript-eslint, React and the Rules of Hooks. Formatting is Prettier's.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', '.docusaurus/**', 'node_modules/**', '.packets/**', 'test-results/**', 'playwright-report/**', '.scratch/**', '.benchmark/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Props are typed with TypeScript.
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
