// Builds main (ESM) and preload (one CommonJS file) in two passes, chosen by --mode:
//   vite build -c electron/vite.config.ts --mode main
//   vite build -c electron/vite.config.ts --mode preload
// The preload must be a single CJS file because a sandboxed preload can neither load
// ES modules nor require anything but 'electron'.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const external = ['electron', /^electron\//, /^node:/, ...builtinModules];

const targets = {
  main: { entry: 'electron/main/index.ts', outDir: 'dist/electron/main', format: 'es', fileName: 'index.js' },
  preload: { entry: 'electron/preload/index.ts', outDir: 'dist/electron/preload', format: 'cjs', fileName: 'index.cjs' },
} as const;

/**
 * Fails the preload build if the bundle would require anything but 'electron': the
 * sandbox would throw at load time and the app would start without window.desktop.
 */
export function sandboxedPreloadGuard(): Plugin {
  return {
    name: 'casefile:sandboxed-preload-guard',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const requires = [...output.code.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => (m[1] ?? '').trim());
        const bad = requires.filter((arg) => arg !== '"electron"' && arg !== "'electron'");
        if (bad.length > 0) this.error(`preload ${output.fileName} requires ${bad.join(', ')}; only "electron" is available in a sandboxed preload`);
        if (/^\s*(import|export)\s/m.test(output.code)) this.error(`preload ${output.fileName} is not CommonJS`);
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') {
    throw new Error(`electron/vite.config.ts: pass --mode main or --mode preload (got "${mode}")`);
  }
  const target = targets[mode];
  return {
    root: repoRoot,
    publicDir: false,
    plugins: mode === 'preload' ? [sandboxedPreloadGuard()] : [],
    // Nothing from process.env leaks into the bundles.
    envPrefix: 'CASEFILE_BUILD_',
    // Bundle everything we import (shared/ included); only Electron and Node stay external.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: target.entry,
      outDir: target.outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: mode === 'main',
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        output: { format: target.format, entryFileNames: target.fileName, codeSplitting: false },
      },
    },
  };
});
