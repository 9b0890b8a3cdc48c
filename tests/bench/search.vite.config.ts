import { defineConfig } from 'vite';
import { benchPageConfig } from './benchPageConfig';

/**
 * The search bench page (search.html → searchPage.ts), served by scripts/bench-search.mjs at
 * /bench-search/. It bundles the app's own search worker (renderer/workers/search.worker.ts)
 * through getSearchClient(), so what is measured is the shipped worker code, not a copy.
 */
export default defineConfig(benchPageConfig('bench-search', { search: 'search.html', searchCold: 'searchCold.html', segmentsRead: 'segmentsRead.html' }));
