import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds `npm run check:pdfs` for Node: Node cannot run our TypeScript as is, and the check must
 * run the app's own shared/pdf code. An SSR build bundles our TS and leaves pdfjs-dist
 * (and Node built-ins) as imports, so pdf.js's Node build is loaded as published.
 */
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node22',
    outDir: at('../dist/scripts'),
    emptyOutDir: false,
    minify: false,
    rollupOptions: {
      input: { 'check-pdfs': at('./check-pdfs.ts'), 'check-pdfs-child': at('./check-pdfs-child.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'check-pdfs-[name].mjs' },
    },
  },
});
