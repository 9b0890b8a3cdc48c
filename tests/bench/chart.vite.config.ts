import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The link chart bench page (chart.html → chartPage.ts), built into dist/bench-chart/
 * and served by scripts/bench-views-chart.mjs under the app's CSP. It bundles the app's own
 * layout worker (getLayoutClient) and canvas painter, so the shipped code is what is measured.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench-chart', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { chart: fileURLToPath(new URL('chart.html', import.meta.url)) } },
  },
});
