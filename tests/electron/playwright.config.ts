// Smoke tests of the packaged-shape app (dist/), run by `npm run test:electron` only
// on machines where the Electron binary is installed.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One app instance at a time: the single-instance lock would refuse a second.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
