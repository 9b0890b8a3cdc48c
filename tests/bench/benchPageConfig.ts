import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The vite config of a bench page: built apart from the app into dist/<outDir>/ and served by
 * its bench script beside (or on the origin of) a build of the app, under the app's CSP. The
 * pages bundle the app's own workers and modules, so what is measured is the shipped code.
 * `input` names each entry and its file in tests/bench/.
 */
export function benchPageConfig(outDir: string, input: Record<string, string>, output?: NonNullable<NonNullable<UserConfig['build']>['rollupOptions']>['output']): UserConfig {
  return {
    root: here('.'),
    base: './',
    // Bench pages run module workers (the app's extraction, search, bundle and OCR workers).
    worker: { format: 'es' },
    logLevel: 'warn',
    build: {
      outDir: here(`../../dist/${outDir}`),
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: false,
      minify: process.env.BENCH_NO_MINIFY ? false : undefined,
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(input).map(([name, file]) => [name, here(file)])),
        ...(output ? { output } : {}),
      },
    },
  };
}
