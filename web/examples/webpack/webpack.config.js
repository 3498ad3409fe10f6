import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './main.js',
  output: { path: fileURLToPath(new URL('dist', import.meta.url)), filename: 'main.js' },
  // webpack's size hint (244 KiB) counts poolkit's .wasm files; they are fetched once, in parallel.
  performance: { assetFilter: (file) => !file.endsWith('.wasm') },
};
