import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The views bench page (views.html → viewsPage.ts), built into dist/bench-views/ and served by
 * scripts/bench-views.mjs under the app's CSP with the gazetteer file beside it. It bundles the
 * app's own drawing code and gazetteer worker, so what ships is what is measured.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench-views', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { views: fileURLToPath(new URL('views.html', import.meta.url)) } },
  },
});
