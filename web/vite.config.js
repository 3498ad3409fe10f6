// The demo page: `npm start` serves it, `npx vite build --config web/vite.config.js` makes
// static files in build/site for any host. The page imports 'poolkit' as a user would; here
// that is the package built into dist/.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Cross-origin isolation (COOP + COEP) lets the page use SharedArrayBuffer, so poolkit can load
// its threaded build. A static host without these headers gets the single-threaded build.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Emscripten's pthread worker is a classic script; Vite's dev server would rewrite it as a
// module (it contains a dynamic import) and break it, so it is served from dist/ untouched.
const pthreadWorker = {
  name: 'poolkit-pthread-worker',
  configureServer(server) {
    const dist = `${here('../dist')}/`;
    server.middlewares.use((request, response, next) => {
      const path = decodeURIComponent(request.url.split('?')[0]).replace(/^\/@fs/, '');
      if (!path.endsWith('.worker.js') || !path.startsWith(dist)) return next();
      response.setHeader('Content-Type', 'text/javascript');
      for (const [name, value] of Object.entries(isolation)) response.setHeader(name, value);
      createReadStream(path).on('error', next).pipe(response);
    });
  },
};

export default defineConfig({
  plugins: [pthreadWorker],
  root: here('.'),
  publicDir: here('public'),
  resolve: { alias: { poolkit: here('../dist/index.js') } },
  server: { fs: { allow: [here('..')] }, headers: isolation },
  preview: { headers: isolation },
  // No inlining: a worker script as a data: URL has an opaque origin, and a cross-origin
  // isolated page's worker cannot import the module glue from there.
  build: { outDir: here('../build/site'), emptyOutDir: true, assetsInlineLimit: 0 },
  // The UNet demo's worker imports poolkit, which loads its wasm glue with dynamic imports.
  worker: { format: 'es' },
});
