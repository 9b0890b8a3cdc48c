import { defineConfig } from 'vite';
import { benchPageConfig } from './benchPageConfig';

/**
 * The mentions bench page (mentions.html → mentionsPage.ts), built into dist/bench-mentions/
 * and served by scripts/bench-mentions.mjs under the app's CSP. It bundles the app's own
 * mentions worker through getMentionsClient(), so the shipped worker code is what is measured.
 */
export default defineConfig(benchPageConfig('bench-mentions', { mentions: 'mentions.html' }));
