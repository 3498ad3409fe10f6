// One cold start in a fresh Node process; prints one JSON line (cold_start_runtimes.js's result).
// Usage: node scripts/bench/cold_start_node_child.js '<configuration label>'
// poolkit is imported from $POOLKIT_DIST_DIR (default: the repository's dist/).
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { coldStart } from './cold_start_runtimes.js';

const distDir = resolve(process.env.POOLKIT_DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url)));
const result = await coldStart(process.argv[2], { poolkitUrl: pathToFileURL(join(distDir, 'index.js')).href });
console.log(JSON.stringify(result));
// Thread pools (poolkit's, onnxruntime-web's) must not decide when the measurement ends.
process.exit(0);
