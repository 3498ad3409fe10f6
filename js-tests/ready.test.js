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

test('a failed load says why, and a later call tries again', async () => {
  const first = poolkit.ready({ wasmUrl: './no-such-file.wasm' });
  await expect(first).rejects.toThrow(/^poolkit: the wasm module failed to load: .*no-such-file\.wasm/);
  const second = poolkit.ready({ threads: 1 });
  expect(second).not.toBe(first);
  await expect(second).resolves.toBeUndefined();
  expect(poolkit.ready()).toBe(second);
  expect(poolkit.tensor([1, 2], [2]).tolist()).toEqual([1, 2]);
  // Once loaded, bad options still reject that call and nothing else.
  await expect(poolkit.ready({ threads: 1.5 })).rejects.toThrow('threads must be a positive integer');
  expect(poolkit.runtimeInfo().build).toBe('single');
});
