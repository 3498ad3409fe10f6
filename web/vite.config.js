// The demo page: `npm start` serves it, `npx vite build --config web/vite.config.js` makes
// static files in build/site for any host. The page imports 'poolkit' as a user would; here
// that is the package built into dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Cross-origin isolation (COOP + COEP) lets the page use SharedArrayBuffer, so poolkit can load
// its threaded build. A static host without these headers gets the single-threaded build.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: here('.'),
  publicDir: here('public'),
  resolve: { alias: { poolkit: here('../dist/index.js') } },
  server: { fs: { allow: [here('..')] }, headers: isolation },
  preview: { headers: isolation },
  build: { outDir: here('../build/site'), emptyOutDir: true },
  // The UNet demo's worker imports poolkit, which loads its wasm glue with dynamic imports.
  worker: { format: 'es' },
});
