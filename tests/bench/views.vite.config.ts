import { defineConfig } from 'vite';
import { benchPageConfig } from './benchPageConfig';

/**
 * The views bench page (views.html → viewsPage.ts), built into dist/bench-views/ and served by
 * scripts/bench-views.mjs under the app's CSP with the gazetteer file beside it. It bundles the
 * app's own drawing code and gazetteer worker, so what ships is what is measured.
 */
export default defineConfig(benchPageConfig('bench-views', { views: 'views.html' }));
