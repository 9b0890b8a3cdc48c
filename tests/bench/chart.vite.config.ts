import { defineConfig } from 'vite';
import { benchPageConfig } from './benchPageConfig';

/**
 * The link chart bench page (chart.html → chartPage.ts), built into dist/bench-chart/
 * and served by scripts/bench-views-chart.mjs under the app's CSP. It bundles the app's own
 * layout worker (getLayoutClient) and canvas painter, so the shipped code is what is measured.
 */
export default defineConfig(benchPageConfig('bench-chart', { chart: 'chart.html' }));
