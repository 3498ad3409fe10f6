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
cp -R web/lib/. dist/
cp build/wasm/poolkit_wasm.js build/wasm/poolkit_wasm.wasm dist/
cp build/wasm/poolkit_wasm_threads.js build/wasm/poolkit_wasm_threads.wasm \
  build/wasm/poolkit_wasm_threads.worker.js dist/
# The Node glue loads the same .wasm as the browser's (web/lib/runtime.js hands it the bytes).
cmp -s build/wasm/node/poolkit_wasm_threads.wasm build/wasm/poolkit_wasm_threads.wasm || {
  echo "build: the Node and browser thread builds made different .wasm files; runtime.js loads one" >&2
  exit 1
}
cp build/wasm/node/poolkit_wasm_threads.js build/wasm/node/poolkit_wasm_threads.worker.js dist/node/
# Emscripten's Node glue is CommonJS; the package is "type": "module".
echo '{ "type": "commonjs" }' > dist/node/package.json
echo "build: dist/ holds poolkit ($(wc -c < dist/poolkit_wasm.wasm) bytes of wasm)"
