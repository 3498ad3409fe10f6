// The demo page: `npm start` serves it, `npx vite build --config web/vite.config.js` makes
// static files in build/site for any host. The page imports 'poolkit' as a user would; here
// that is the package built into dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  publicDir: here('public'),
  resolve: { alias: { poolkit: here('../dist/index.js') } },
  server: { fs: { allow: [here('..')] } },
  build: { outDir: here('../build/site'), emptyOutDir: true },
});
