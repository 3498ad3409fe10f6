import * as poolkit from 'poolkit';

// Jest gives every test file its own module registry, so this poolkit has never been loaded.
test('before ready() finishes, ops say what to do', () => {
  expect(() => poolkit.tensor([1], [1])).toThrow(
    'poolkit is not ready: await poolkit.ready() before making tensors or running ops',
  );
});

// Issue 11: a failed or refused ready() used to be sticky for the life of the process.
test('bad options reject only that call', async () => {
  await expect(poolkit.ready({ threads: 0 })).rejects.toThrow('ready: threads must be a positive integer, got 0');
  await expect(poolkit.ready(null)).rejects.toThrow('ready: options must be an object such as {threads: 1}, got null');
  await expect(poolkit.ready({ thread: 2 })).rejects.toThrow('ready: unknown option thread');
  await expect(poolkit.ready({ loadTimeout: -1 })).rejects.toThrow('ready: loadTimeout must be a positive number');
});

// Issue 12: one wasmUrl or wasmBinary for two different builds failed later as a LinkError.
test('wasm locations and bytes name their build', async () => {
  await expect(poolkit.ready({ wasmUrl: 'x.wasm' })).rejects.toThrow('ready: wasmUrl was replaced by wasmPaths');
  await expect(poolkit.ready({ wasmBinary: new Uint8Array(8) })).rejects.toThrow(
    'ready: wasmBinary must say which build the bytes are, {single: bytes} or {threads: bytes}',
  );
  await expect(poolkit.ready({ wasmBinary: { simd: new Uint8Array(8) } })).rejects.toThrow(
    'ready: wasmBinary has an unknown build simd; the builds are single and threads',
  );
  await expect(poolkit.ready({ wasmBinary: { single: [0, 97, 115, 109] } })).rejects.toThrow(
    'ready: wasmBinary.single must be an ArrayBuffer or a typed array',
  );
  await expect(poolkit.ready({ wasmPaths: 42 })).rejects.toThrow('ready: wasmPaths must be a folder URL (string or URL) or {single, threads}');
  await expect(poolkit.ready({ wasmPaths: { threads: 7 } })).rejects.toThrow('ready: wasmPaths.threads must be a URL');
});

test('a failed load says why, and a later call tries again', async () => {
  const first = poolkit.ready({ threads: 1, wasmPaths: { single: './no-such-file.wasm' } });
  await expect(first).rejects.toThrow(
    /^poolkit: the wasm module failed to load: could not read file:.*\/no-such-file\.wasm \(ENOENT\); if your bundler did not ship it, copy node_modules\/poolkit\/dist\/\*\.wasm next to your bundle or pass ready\(\{wasmPaths\}\)$/,
  );
  const notWasm = poolkit.ready({ threads: 1, wasmPaths: { single: new URL('../package.json', import.meta.url) } });
  await expect(notWasm).rejects.toThrow(/package\.json is not poolkit's poolkit_wasm\.wasm \(got \d+ bytes that are not wasm\)/);
  const second = poolkit.ready({ threads: 1 });
  expect(second).not.toBe(first);
  await expect(second).resolves.toBeUndefined();
  expect(poolkit.ready()).toBe(second);
  expect(poolkit.tensor([1, 2], [2]).tolist()).toEqual([1, 2]);
  // Once loaded, bad options still reject that call and nothing else.
  await expect(poolkit.ready({ threads: 1.5 })).rejects.toThrow('threads must be a positive integer');
  expect(poolkit.runtimeInfo().build).toBe('single');
});
