#!/bin/sh
# Times every kernel's SIMD version against its scalar reference, as wasm under Node.
set -eu
cd "$(dirname "$0")/.."
. scripts/emscripten-env.sh
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm --target kernel_bench -j2 >/dev/null
node build/wasm/cpp-tests/kernel_bench.cjs
