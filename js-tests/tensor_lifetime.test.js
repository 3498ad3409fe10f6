// Issue 11: a tensor's wasm memory is reachable only while the tensor is alive, and only through
// poolkit's own ops; no address ever crosses the public API.
import * as poolkit from 'poolkit';

beforeAll(() => poolkit.ready());

const values = () => new Float32Array([1, 2, 3, 4, 5, 6]);

describe('a disposed tensor', () => {
  // Its memory goes back to malloc, which hands it to the next tensor: a read would return
  // that tensor's values.
  const disposedWithNeighbour = () => {
    const t = poolkit.tensor(values(), [2, 3]);
    t.dispose();
    const neighbour = poolkit.tensor(new Float32Array(6).fill(-7), [2, 3]);
    return { t, neighbour };
  };

  test('throws on .data, naming the member and the rule', () => {
    const { t, neighbour } = disposedWithNeighbour();
    expect(() => t.data).toThrow(new Error('Tensor.data: the tensor was disposed; read its values before calling dispose()'));
    neighbour.dispose();
  });

  test('throws on .tolist()', () => {
    const { t, neighbour } = disposedWithNeighbour();
    expect(() => t.tolist()).toThrow(new Error('Tensor.tolist: the tensor was disposed; read its values before calling dispose()'));
    neighbour.dispose();
  });

  test('throws even when .data was read (and cached) before dispose()', () => {
    const t = poolkit.tensor(values(), [2, 3]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    t.dispose();
    expect(() => t.data).toThrow('Tensor.data: the tensor was disposed');
  });

  test('keeps its shape, dtype, isDisposed and toString; dispose() stays idempotent', () => {
    const t = poolkit.tensor(values(), [2, 3]);
    t.dispose();
    t.dispose();
    expect(t.isDisposed).toBe(true);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.numel()).toBe(6);
    expect(String(t)).toBe('Tensor(shape=[2, 3], dtype=float32)');
  });

  test('is refused by every op that reads it', () => {
    const t = poolkit.tensor(new Float32Array(16), [1, 1, 4, 4]);
    t.dispose();
    expect(() => poolkit.functional.relu(t)).toThrow('relu: the input tensor was disposed');
    expect(() => poolkit.functional.cat([t, t], 0)).toThrow(/disposed/);
  });
});

describe('no raw addresses in the public API', () => {
  test('new poolkit.Tensor(address, shape, dtype) is refused, so no address can be read or freed', () => {
    const victim = poolkit.tensor(values(), [2, 3]);
    const before = poolkit.memoryStats().allocatedBytes;
    for (const args of [[8, [2], 'float32'], [0, [1], 'float32'], [], [victim, [2, 3], 'float32']]) {
      expect(() => new poolkit.Tensor(...args)).toThrow(
        new Error('Tensor: make tensors with poolkit.tensor(data, shape)'),
      );
    }
    expect(() => new (class extends poolkit.Tensor {})(8, [2], 'float32')).toThrow(
      'Tensor: make tensors with poolkit.tensor(data, shape)',
    );
    expect(poolkit.memoryStats().allocatedBytes).toBe(before);
    expect(Array.from(victim.data)).toEqual([1, 2, 3, 4, 5, 6]);
    victim.dispose();
  });

  test('Tensor stays exported for instanceof, and what ops return is one', () => {
    const t = poolkit.tensor(values(), [1, 2, 3]);
    const out = poolkit.functional.relu(t);
    expect(t).toBeInstanceOf(poolkit.Tensor);
    expect(out).toBeInstanceOf(poolkit.Tensor);
    t.dispose();
    out.dispose();
  });

  test('a tensor has no public member that is a number other than its sizes', () => {
    const t = poolkit.tensor(values(), [2, 3]);
    const members = new Set();
    for (let o = t; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      Object.getOwnPropertyNames(o).forEach((name) => members.add(name));
    }
    const numbers = [...members].filter((name) => {
      const got = Reflect.get(Object.getPrototypeOf(t), name, t);
      return typeof got === 'number';
    });
    expect(numbers).toEqual([]);
    t.dispose();
  });
});

const symbolDispose = Symbol.dispose ? test : test.skip;
symbolDispose('tensor[Symbol.dispose]() disposes it, for `using`', () => {
  const before = poolkit.memoryStats().allocatedBytes;
  const t = poolkit.tensor(new Float32Array(1024), [1024]);
  t[Symbol.dispose]();
  expect(t.isDisposed).toBe(true);
  expect(poolkit.memoryStats().allocatedBytes).toBe(before);
  t[Symbol.dispose]();
});

test('a tensor hands out no wasm address: no method or property yields one', () => {
  const t = poolkit.tensor([1, 2], [2]);
  const members = new Set([...Object.getOwnPropertyNames(Object.getPrototypeOf(t)), ...Object.keys(t)]);
  expect(members.has('pointerFor')).toBe(false);
  for (const name of members) {
    if (name === 'constructor' || name === 'dispose') continue;
    const value = typeof t[name] === 'function' ? (t[name].length === 0 ? t[name]() : undefined) : t[name];
    expect(typeof value === 'number' && value > 1024).toBe(false);
  }
});
