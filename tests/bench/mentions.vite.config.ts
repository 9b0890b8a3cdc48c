import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The mentions bench page (mentions.html → mentionsPage.ts), built into dist/bench-mentions/
 * and served by scripts/bench-mentions.mjs under the app's CSP. It bundles the app's own
 * mentions worker through getMentionsClient(), so the shipped worker code is what is measured.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench-mentions', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { mentions: fileURLToPath(new URL('mentions.html', import.meta.url)) } },
  },
});
