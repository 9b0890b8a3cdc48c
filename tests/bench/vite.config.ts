import { defineConfig } from 'vite';
import { benchPageConfig } from './benchPageConfig';

/**
 * The bench pages (index.html: actors and events; documents.html: PDF import) and the probe.
 * The actors page generates records and bulk-writes them into the app's own 'casefile'
 * database, and the probe the bench injects into the app. Served by scripts/bench.mjs on the
 * app's origin at /bench/, so both share IndexedDB. appProbe.ts is injected with
 * page.addInitScript, so it is built as a plain script at a fixed name (it imports nothing
 * at run time).
 */
export default defineConfig(
  benchPageConfig(
    'bench',
    { bench: 'index.html', documents: 'documents.html', firstPage: 'firstPage.html', probe: 'appProbe.ts' },
    { entryFileNames: (chunk) => (chunk.name === 'probe' ? 'probe.js' : 'assets/[name]-[hash].js') },
  ),
);
