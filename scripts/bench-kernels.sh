#!/bin/sh
# Times every kernel's SIMD version against its scalar reference, as wasm under Node.
set -eu
cd "$(dirname "$0")/.."
. scripts/emscripten-env.sh
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm --target kernel_bench -j2 >/dev/null
# --no-liftoff: V8 first runs wasm through its baseline compiler and swaps in optimized code in
# the background; a case timed before that happens measures the baseline compiler, not the kernel.
node --no-liftoff build/wasm/cpp-tests/kernel_bench.cjs
