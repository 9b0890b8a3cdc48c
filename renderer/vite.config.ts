import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../shared/security/csp';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served by the desktop app's custom
  // protocol and by the local web server.
  base: './',
  plugins: [react()],
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
