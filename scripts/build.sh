#!/bin/sh
# Builds the npm package into dist/: the wasm module (Emscripten, SIMD128, Embind; one thread,
# and with threads for browsers and for Node) next to the JavaScript API from web/lib.
# Incremental: CMake rebuilds only what changed.
set -eu
cd "$(dirname "$0")/.."
. scripts/emscripten-env.sh

[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm --target poolkit_wasm poolkit_wasm_threads poolkit_wasm_threads_node -j2

rm -rf dist
mkdir -p dist/node
# One ES module for the API: a page or Node then loads 1 file instead of 40 (Node's loader
# spent ~35 ms resolving them). The glue stays apart, imported only by the build that runs.
node_modules/.bin/esbuild web/lib/index.js --bundle --format=esm --target=es2022 --log-level=warning \
  --external:./poolkit_wasm.js --external:./threads_glue.js --outfile=dist/index.js
cp web/lib/index.d.ts dist/
cp build/wasm/poolkit_wasm.js build/wasm/poolkit_wasm.wasm dist/
cp build/wasm/poolkit_wasm_threads.wasm dist/
node scripts/write-threads-glue.js build/wasm/poolkit_wasm_threads.js \
  build/wasm/poolkit_wasm_threads.worker.js dist/threads_glue.js
# The Node glue loads the same .wasm as the browser's (web/lib/runtime.js hands it the bytes).
cmp -s build/wasm/node/poolkit_wasm_threads.wasm build/wasm/poolkit_wasm_threads.wasm || {
  echo "build: the Node and browser thread builds made different .wasm files; runtime.js loads one" >&2
  exit 1
}
cp build/wasm/node/poolkit_wasm_threads.js build/wasm/node/poolkit_wasm_threads.worker.js dist/node/
# Emscripten's Node glue is CommonJS; the package is "type": "module".
echo '{ "type": "commonjs" }' > dist/node/package.json
echo "build: dist/ holds poolkit ($(wc -c < dist/poolkit_wasm.wasm) bytes of wasm)"
