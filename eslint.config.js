// ESLint with type information for TypeScript, Astro components and Preact (JSX) accessibility.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const astroA11y = astro.configs['jsx-a11y-recommended'];
const a11yPlugin = astroA11y.find((config) => config.plugins?.['jsx-a11y'])?.plugins?.['jsx-a11y'] ?? jsxA11y;

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results*/', 'playwright-report/', 'dist-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // __LMS_BUILD__: a compile-time flag (astro.config.mjs, src/env.d.ts).
      globals: { ...globals.browser, ...globals.node, __LMS_BUILD__: 'readonly' },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused arguments named with a leading underscore are deliberate (callbacks with a fixed shape).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // In-memory stores and test fakes implement async interfaces without awaiting anything; keeping
    // them `async` makes their errors rejections, as the real IndexedDB store's are.
    files: ['tests/**', 'src/storage/memory-store.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  ...astro.configs.recommended,
  ...astroA11y,
  {
    // Preact islands get the same accessibility rules as Astro components, through the same plugin instance.
    files: ['**/*.tsx'],
    plugins: { 'jsx-a11y': a11yPlugin },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    // Astro components and plain JavaScript files are checked without type information: the Astro
    // parser's virtual files and the scripts' .mjs are outside the TypeScript project.
    files: ['**/*.astro', '**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
