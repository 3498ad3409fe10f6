// Starts Vite's dev server over an example folder with vite's createServer(), as a user's default
// setup does: no config file, and for cross-origin isolation only the two response headers.
//   node vite_dev_server.js <root> <isolated: 0|1>
// Prints the server's URL on one line once it listens; runs until killed. A child process of its
// own keeps Vite out of Jest's module loader and lets the test kill a stuck server.
import { createServer } from 'vite';
import { ISOLATION_HEADERS } from './static_server.js';

const [root, isolated] = process.argv.slice(2);
const server = await createServer({
  root,
  logLevel: 'error',
  server: { host: '127.0.0.1', port: 0, headers: isolated === '1' ? ISOLATION_HEADERS : {} },
});
await server.listen();
console.log(server.resolvedUrls.local[0]);
