import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The bundle bench page (bundle.html → bundlePage.ts), built apart from the app into
 * dist/bench-bundle/ and served by scripts/bench-bundle.mjs at /bench-bundle/ under the app's
 * CSP. It bundles the shipped shared/bundle code and the app's database schema.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench-bundle', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { bundle: fileURLToPath(new URL('bundle.html', import.meta.url)) } },
  },
});
