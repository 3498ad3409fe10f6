#!/bin/sh
# Every test: C++ natively under ASan+UBSan (plus the libFuzzer target), the same C++ tests as
# wasm under Node, then Jest (the public API, the package tarball, the demo page in Chromium).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
sh scripts/build.sh
. scripts/emscripten-env.sh

echo "== C++ tests, native (clang), ASan + UBSan, and the fuzzer for a bounded time"
[ -f build/native-asan/CMakeCache.txt ] ||
  CC=clang CXX=clang++ cmake -S . -B build/native-asan -DPOOLKIT_SANITIZE=ON -DPOOLKIT_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/native-asan -j2
ctest --test-dir build/native-asan --output-on-failure

echo "== C++ tests, wasm SIMD under Node"
cmake --build build/wasm -j2
ctest --test-dir build/wasm --output-on-failure

echo "== JavaScript tests (Jest)"
status=0
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" npx jest --ci \
  --json --outputFile=build/jest-results.json || status=$?
# One plain closing line that any CI reader understands.
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);' \
  build/jest-results.json
exit $status
