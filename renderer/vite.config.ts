import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../shared/security/csp';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * pdf.js's binary data, bundled so nothing is fetched from the network: CMaps (CJK text
 * in non-embedded fonts), standard fonts, wasm image decoders, ICC profiles. Copied to
 * `pdfjs/<dir>/` in the build and served from node_modules at the same path in dev;
 * renderer/pdf/pdfAssets.ts resolves the URLs.
 */
function pdfjsAssets(): Plugin {
  const source = fileURLToPath(new URL('../node_modules/pdfjs-dist/', import.meta.url));
  const dirs = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
  let outDir = '';
  return {
    name: 'casefile-pdfjs-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      for (const dir of dirs) await cp(join(source, dir), join(outDir, 'pdfjs', dir), { recursive: true });
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const path = normalize(join(source, decodeURIComponent((req.url ?? '').split('?')[0] ?? '')));
        const inside = dirs.some((dir) => path.startsWith(join(source, dir) + sep));
        if (!inside || !existsSync(path) || !statSync(path).isFile()) return next();
        if (path.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
        createReadStream(path).pipe(res);
      });
    },
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served by the desktop app's custom
  // protocol and by the local web server.
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  // Preview serves the production build under the desktop app's CSP. Not on `server`:
  // the dev server injects inline scripts for HMR that this policy would block.
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy() } },
});
