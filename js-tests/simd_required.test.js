// Issue 12: a browser without WebAssembly SIMD used to fail with a CompileError naming no cause.
import * as poolkit from 'poolkit';

test('without WebAssembly SIMD, ready() says what is missing and which browsers have it', async () => {
  const validate = WebAssembly.validate;
  WebAssembly.validate = () => false;
  try {
    await expect(poolkit.ready()).rejects.toThrow(
      'poolkit: the wasm module failed to load: this JavaScript engine lacks WebAssembly SIMD, which poolkit needs (Chrome and Edge 91+',
    );
  } finally {
    WebAssembly.validate = validate;
  }
  // The probe itself is a valid SIMD module: with SIMD, the same call loads.
  await expect(poolkit.ready({ threads: 1 })).resolves.toBeUndefined();
  expect(poolkit.functional.relu(poolkit.tensor([-1, 1], [2])).tolist()).toEqual([0, 1]);
});
