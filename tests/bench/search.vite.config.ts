import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The search bench page (search.html → searchPage.ts), built apart from the app into
 * dist/bench-search/ and served by scripts/bench-search.mjs at /bench-search/ under the app's
 * CSP. It bundles the app's own search worker (renderer/workers/search.worker.ts) through
 * getSearchClient(), so what is measured is the shipped worker code, not a copy.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench-search', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { search: fileURLToPath(new URL('search.html', import.meta.url)) } },
  },
});
