import { defineConfig } from 'vite';
import { benchPageConfig } from './benchPageConfig';

/**
 * The bundle bench page (bundle.html → bundlePage.ts), served by scripts/bench-bundle.mjs at
 * /bench-bundle/. It bundles the shipped shared/bundle code, the app's database schema and the
 * bundle worker's host (tests/bench/bundleBench.worker.ts → renderer/workers/bundleHost.ts).
 */
export default defineConfig(benchPageConfig('bench-bundle', { bundle: 'bundle.html' }));
