import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The bench pages (index.html: actors and events; documents.html: PDF import) and the
 * probe. The actors page generates records and bulk-writes them into the app's own
 * 'casefile' database, and the probe the bench injects into the app. Built apart from the app (dist/bench/) and served by
 * scripts/bench.mjs on the app's origin at /bench/, so both share IndexedDB.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // The documents bench runs the app's extraction worker and its own raw one; both import modules.
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // appProbe.ts is injected into the app with page.addInitScript, so it is built
      // as a plain script at a fixed name; it imports nothing at run time.
      input: {
        bench: fileURLToPath(new URL('index.html', import.meta.url)),
        documents: fileURLToPath(new URL('documents.html', import.meta.url)),
        probe: fileURLToPath(new URL('appProbe.ts', import.meta.url)),
      },
      output: { entryFileNames: (chunk) => (chunk.name === 'probe' ? 'probe.js' : 'assets/[name]-[hash].js') },
    },
  },
});
