import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../shared/security/csp';
import { buildGazetteerText } from '../scripts/build-gazetteer.mjs';

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

/**
 * tesseract.js's files, served by the app itself so OCR makes no network request: its worker
 * script (spawned from 'self', not a blob: URL), the wasm core next to it (Emscripten looks for
 * the .wasm beside the worker script) and the language data. Copied to `tesseract/` in the
 * build and served from node_modules at the same paths in dev; renderer/ocr/ocrAssets.ts
 * resolves the URLs. Which core and which data, and why: see ocrAssets.ts.
 */
function tesseractAssets(): Plugin {
  const modules = fileURLToPath(new URL('../node_modules/', import.meta.url));
  const tessdata = fileURLToPath(new URL('../resources/tessdata/', import.meta.url));
  // URL path under tesseract/ → file. English and Spanish are tessdata_fast, shipped in
  // resources/tessdata (no npm package has it; see the README there): ~40 % less CPU per page
  // than npm's best_int data at the same error rate (bench:ocr).
  const files = new Map<string, string>([
    ['worker.min.js', join(modules, 'tesseract.js/dist/worker.min.js')],
    ['tesseract-core-simd.js', join(modules, 'tesseract.js-core/tesseract-core-simd.js')],
    ['tesseract-core-simd.wasm', join(modules, 'tesseract.js-core/tesseract-core-simd.wasm')],
    ['lang/eng.traineddata.gz', join(tessdata, 'eng.traineddata.gz')],
    ['lang/spa.traineddata.gz', join(tessdata, 'spa.traineddata.gz')],
    ['lang/osd.traineddata.gz', join(modules, '@tesseract.js-data/osd/4.0.0/osd.traineddata.gz')],
  ]);
  let outDir = '';
  return {
    name: 'casefile-tesseract-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      for (const [to, from] of files) await cp(from, join(outDir, 'tesseract', to));
    },
    configureServer(server) {
      server.middlewares.use('/tesseract/', (req, res, next) => {
        const from = files.get(decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, ''));
        if (!from) return next();
        const path = from;
        if (path.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
        if (path.endsWith('.js')) res.setHeader('Content-Type', 'text/javascript');
        createReadStream(path).pipe(res);
      });
    },
  };
}

/**
 * The offline gazetteer (GeoNames places and region names, scripts/build-gazetteer.mjs), made
 * from the installed data packages at build time: written to `gazetteer/places.tsv` in the build
 * and served at the same path in dev; the gazetteer worker fetches it from the app itself.
 */
function gazetteerAsset(): Plugin {
  let outDir = '';
  let text: string | null = null;
  const get = () => (text ??= buildGazetteerText());
  return {
    name: 'casefile-gazetteer',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      await mkdir(join(outDir, 'gazetteer'), { recursive: true });
      await writeFile(join(outDir, 'gazetteer', 'places.tsv'), get());
    },
    configureServer(server) {
      server.middlewares.use('/gazetteer/places.tsv', (_req, res) => {
        res.setHeader('Content-Type', 'text/tab-separated-values; charset=utf-8');
        res.end(get());
      });
    },
  };
}

/**
 * The start-up probe as an entry of its own (renderer/startupOpen.ts: the version guard's
 * raw open and the actor list's first screen, no other module), loaded by a module script
 * marked async ahead of the app's: it runs as soon as its own few KB are fetched, so the
 * database opens while the browser still fetches and runs the app's modules (an HTML page's
 * module scripts are otherwise bundled into one entry, which runs only once its whole graph
 * is in). main.tsx takes the same probe over (db/startupProbe.ts); in dev the app starts it.
 */
function startupOpenEntry(): Plugin {
  return {
    name: 'casefile-startup-open',
    apply: 'build',
    config: () => ({ build: { rollupOptions: { input: { index: join(root, 'index.html'), startupOpen: join(root, 'startupOpen.ts') } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const entry = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'startupOpen');
        if (!entry || entry.type !== 'chunk') throw new Error('the startupOpen entry is missing from the build');
        // First in the head, its import beside it: fetched before the app's ~25 modules and
        // stylesheets take the browser's connections.
        const tags = [
          `<script type="module" async crossorigin src="./${entry.fileName}"></script>`,
          ...entry.imports.map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
        ].map((tag) => `\n    ${tag}`).join('');
        const charset = /<meta charset="UTF-8" \/>/;
        if (!charset.test(html)) throw new Error('index.html has no <meta charset="UTF-8" /> to place the startupOpen entry after');
        return html.replace(charset, (meta) => `${meta}${tags}`);
      },
    },
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served by the desktop app's custom
  // protocol and by the local web server.
  base: './',
  plugins: [react(), pdfjsAssets(), tesseractAssets(), gazetteerAsset(), startupOpenEntry()],
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
