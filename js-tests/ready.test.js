import * as poolkit from 'poolkit';

// Jest gives every test file its own module registry, so this poolkit has never been loaded.
test('before ready() finishes, ops say what to do', () => {
  expect(() => poolkit.tensor([1], [1])).toThrow(
    'poolkit is not ready: await poolkit.ready() before making tensors or running ops',
  );
});

test('a failed load is sticky and says why', async () => {
  const first = poolkit.ready({ wasmUrl: './no-such-file.wasm' });
  await expect(first).rejects.toThrow(/^poolkit: the wasm module failed to load: .*no-such-file\.wasm/);
  expect(poolkit.ready()).toBe(first);
  await expect(poolkit.ready()).rejects.toThrow(/failed to load/);
});
