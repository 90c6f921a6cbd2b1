import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-bench', 'build', 'release', '.tsbuild', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only relevant to the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
    },
  },
  // The domain layer stays pure: no DOM or storage globals. Which room may import which (and the
  // packages the domain may not use) is kept by dependency-cruiser: .dependency-cruiser.cjs.
  {
    files: ['src-renderer/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage'],
    },
  },
  {
    files: ['src-main/**/*.ts', 'scripts/**/*.{mjs,ts}', 'e2e/**/*.ts', '*.config.{mts,ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  // Functions passed to page.evaluate run in the browser.
  {
    files: ['scripts/bench.mjs', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
