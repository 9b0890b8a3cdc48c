import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    // Two cores: keep the pool small so the suite does not thrash.
    maxWorkers: 2,
  },
});
