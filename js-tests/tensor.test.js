import * as poolkit from 'poolkit';

beforeAll(() => poolkit.ready());

test('ready() returns the same promise every time', () => {
  expect(poolkit.ready()).toBe(poolkit.ready());
});

describe('poolkit.tensor', () => {
  test('from a Float32Array and a shape', () => {
    const t = poolkit.tensor(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.data).toBeInstanceOf(Float32Array);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.tolist()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  test('from an Int32Array it is int32', () => {
    const t = poolkit.tensor(new Int32Array([7, -8]), [2]);
    expect(t.dtype).toBe('int32');
    expect(Array.from(t.data)).toEqual([7, -8]);
  });

  test('from nested arrays the shape comes from the nesting, like torch.tensor', () => {
    const t = poolkit.tensor([[[1, 2]], [[3, 4]]]);
    expect(t.shape).toEqual([2, 1, 2]);
    expect(t.numel()).toBe(4);
    expect(t.dim()).toBe(3);
  });

  test('keeps its values when the source array changes later', () => {
    const source = new Float32Array([1, 2]);
    const t = poolkit.tensor(source, [2]);
    source[0] = 99;
    expect(Array.from(t.data)).toEqual([1, 2]);
  });

  test('empty tensors are allowed', () => {
    expect(poolkit.tensor(new Float32Array(0), [0, 3]).data.length).toBe(0);
  });

  test.each([
    [() => poolkit.tensor(new Float32Array(3), [2, 2]), 'tensor: data has 3 elements but shape [2, 2] needs 4'],
    [() => poolkit.tensor([1, 2], [2.5]), 'tensor: shape must be an array of non-negative integers up to 2^53 - 1, got [2.5]'],
    [() => poolkit.tensor([1, 2], [-2]), 'tensor: shape must be an array of non-negative integers up to 2^53 - 1, got [-2]'],
    // Found by the boundary property test: 2^53 is an integer, but not one a number holds exactly.
    [() => poolkit.tensor(new Int32Array(0), [0, 2 ** 53]), 'tensor: shape must be an array of non-negative integers up to 2^53 - 1, got [0,9007199254740992]'],
    [() => poolkit.tensor([[1, 2], [3]]), 'tensor: nested arrays must be rectangular; data[1] should be an array of length 2'],
    [() => poolkit.tensor([1, '2'], [2]), 'tensor: data[1] must be a number, got string 2'],
    [() => poolkit.tensor(new Int16Array(2), [2]), 'tensor: data must be a Float32Array, Float64Array, Uint8Array, Uint8ClampedArray, Int32Array or an array of numbers, got a Int16Array'],
    [() => poolkit.tensor('abc'), 'tensor: without a shape, data must be (nested) arrays, got string abc'],
  ])('rejects bad input: %#', (make, message) => {
    expect(make).toThrow(new Error(message));
  });

  test('dispose frees the wasm memory, and a disposed tensor says so', () => {
    const before = poolkit.memoryStats().allocatedBytes;
    const t = poolkit.tensor(new Float32Array(1024), [1, 1, 32, 32]);
    expect(poolkit.memoryStats().allocatedBytes).toBeGreaterThanOrEqual(before + 4096);
    t.dispose();
    t.dispose(); // twice is harmless
    expect(t.isDisposed).toBe(true);
    expect(poolkit.memoryStats().allocatedBytes).toBe(before);
    expect(() => poolkit.functional.maxPool2d(t, 2)).toThrow('maxPool2d: the input tensor was disposed');
  });
});
