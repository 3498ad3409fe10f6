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
rm -f build/jest-results.json
# A hard cap, so a test that leaves a process behind fails the run instead of hanging CI.
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" timeout --kill-after=30 1200 \
  node node_modules/jest/bin/jest.js --ci --json --outputFile=build/jest-results.json || status=$?
if [ ! -f build/jest-results.json ]; then
  echo "jest: did not finish (exit status $status)"
  exit 1
fi
# One plain closing line that any CI reader understands.
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);' \
  build/jest-results.json
exit $status
