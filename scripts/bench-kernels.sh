#!/bin/sh
# Times every kernel's SIMD version against its scalar reference, as wasm under Node.
# With --peak, prints the single-thread wasm SIMD peak instead; with a family name (conv2d),
# times only that family, with more runs.
set -eu
cd "$(dirname "$0")/.."
. scripts/emscripten-env.sh
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
if [ "${1:-}" = --peak ]; then
  cmake --build build/wasm --target simd_peak -j2 >/dev/null
  exec node build/wasm/cpp-tests/simd_peak.cjs
fi
cmake --build build/wasm --target kernel_bench -j2 >/dev/null
# --no-liftoff: V8 first runs wasm through its baseline compiler and swaps in optimized code in
# the background; a case timed before that happens measures the baseline compiler, not the kernel.
exec node --no-liftoff build/wasm/cpp-tests/kernel_bench.cjs "$@"
