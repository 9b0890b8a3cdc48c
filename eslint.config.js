// Lint holds the architectural boundaries of DESIGN.md, so they do not rest on memory:
//   shared/    imports nothing outside itself and no runtime (DOM-free, Node-free, no React/Dexie)
//   renderer/  never imports electron or node:*
//   electron/  never imports renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare Node built-in names are matched exactly (`paths`), so a folder of ours named util/ or url/ is not caught.
const nodeBuiltinNames = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'http', 'https', 'net', 'worker_threads'];
const nodeBuiltinPaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('shared/ is runtime-free: no Node modules. Move runtime code to renderer/ or electron/.'),
        patterns: [
          { group: ['../../renderer/*', '../../electron/*', '**/renderer/**', '**/electron/**'], message: 'shared/ imports nothing from renderer/ or electron/: it runs in Node, the renderer and workers alike.' },
          { group: ['electron', 'react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'zustand', 'zustand/*', 'node:*'], message: 'shared/ is runtime-free: no Electron, React, Dexie, zustand or Node modules. Move runtime code to renderer/ or electron/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not run the React Compiler; this rule only reports that it would skip a component.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('renderer/ never imports Node: ask the platform adapter (renderer/platform) instead.'),
        patterns: [
          { group: ['electron', 'electron/*', 'node:*'], message: 'renderer/ never imports Electron or Node: ask the platform adapter (renderer/platform) instead.' },
          { group: ['**/electron/**'], message: 'renderer/ never imports from electron/: the contract lives in shared/desktopApi.ts.' },
        ],
      }],
    },
  },
  {
    // The lower layers serve the features, never the other way round (DESIGN.md): a React
    // context lives beside what it provides (the database's in renderer/db/dbContext.ts).
    // Repeats the renderer patterns, since a later no-restricted-imports replaces the earlier one.
    files: ['renderer/{db,search,workers,platform,ocr,mentions}/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('renderer/ never imports Node: ask the platform adapter (renderer/platform) instead.'),
        patterns: [
          { group: ['electron', 'electron/*', 'node:*'], message: 'renderer/ never imports Electron or Node: ask the platform adapter (renderer/platform) instead.' },
          { group: ['**/electron/**'], message: 'renderer/ never imports from electron/: the contract lives in shared/desktopApi.ts.' },
          { group: ['**/features/**', '**/app/**'], message: 'renderer/db, search, workers, platform, ocr and mentions never import features/ or app/: move what both need down a layer.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/: share code through shared/.' }],
      }],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{js,mjs}', '**/*.test.{ts,tsx}', '*.config.{ts,js}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
