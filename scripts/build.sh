#!/bin/sh
# Builds the npm package into dist/: the wasm module (Emscripten, SIMD128, Embind) next to the
# JavaScript API from web/lib. Incremental: CMake rebuilds only what changed.
set -eu
cd "$(dirname "$0")/.."
. scripts/emscripten-env.sh

[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm --target poolkit_wasm -j2

rm -rf dist
mkdir -p dist
cp -R web/lib/. dist/
cp build/wasm/poolkit_wasm.js build/wasm/poolkit_wasm.wasm dist/
echo "build: dist/ holds poolkit ($(wc -c < dist/poolkit_wasm.wasm) bytes of wasm)"
