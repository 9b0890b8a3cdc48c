import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    // Two cores: keep the pool small so the suite does not thrash.
    maxWorkers: 2,
    // Hashing and age's scrypt take 1–2 s in some tests here; machines of this kind run 2–3×
    // slower under load, and a timeout is not what these tests check.
    testTimeout: 20_000,
  },
});
