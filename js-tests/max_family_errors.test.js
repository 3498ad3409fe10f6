import * as poolkit from 'poolkit';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

const x1 = () => poolkit.tensor(new Float32Array(8).map((_, i) => i), [1, 2, 4]);
const x2 = () => poolkit.tensor(new Float32Array(2 * 5 * 5).map((_, i) => i), [1, 2, 5, 5]);
const x3 = () => poolkit.tensor(new Float32Array(64).map((_, i) => i), [1, 1, 4, 4, 4]);
const ints = (values, shape) => poolkit.tensor(new Int32Array(values), shape);

// Each message names the argument, shows the value and states the rule.
test.each([
  [() => F.maxPool1d(x1(), 0), 'maxPool1d: kernelSize must be greater than zero, got kernelSize=[0]'],
  [() => F.maxPool1d(x1(), { kernelSize: 2, padding: 2 }), 'maxPool1d: padding must be at most half of kernelSize, got padding=[2] with kernelSize=[2]'],
  [() => F.maxPool1d(x1(), 5), 'maxPool1d: output size must be at least 1, got [0] for input size [4] with kernelSize=[5], stride=[5], padding=[0], dilation=[1]'],
  [() => F.maxPool1d(x2(), 2), 'maxPool1d: input must be 2D or 3D (C, L) or (N, C, L), got a 4D tensor of shape [1, 2, 5, 5]'],
  [() => F.maxPool3d(x3(), { kernelSize: 2, dilation: [1, 0, 1] }), 'maxPool3d: dilation must be greater than zero, got dilation=[1, 0, 1]'],
  [() => F.maxPool3d(x3(), [2, 2]), 'maxPool3d: kernelSize must be an integer or an array of 3 integers, got [2, 2]'],
  [() => F.maxPool3d(x1(), 2), 'maxPool3d: input must be 4D or 5D (C, D, H, W) or (N, C, D, H, W), got a 3D tensor of shape [1, 2, 4]'],
  [() => F.adaptiveMaxPool2d(x2(), { outputSize: [2, 0] }), 'adaptiveMaxPool2d: outputSize must be at least 1 in every dimension, got outputSize=[2, 0]'],
  [() => F.adaptiveMaxPool1d(x1(), { outputSize: 2, returnIndex: true }), 'adaptiveMaxPool1d: unknown option returnIndex; the options are outputSize, returnIndices'],
  [() => F.maxUnpool2d(x2(), ints(Array(50).fill(0), [1, 2, 5, 5]), { kernelSize: 2, outputSize: [12, 9] }),
    'maxUnpool2d: outputSize must lie strictly between default size - stride and default size + stride, got outputSize=[12, 9] where dimension 0 must be between 8 and 12 (default size [10, 10], stride=[2, 2])'],
  [() => F.maxUnpool2d(x2(), ints(Array(50).fill(0), [2, 5, 5]), 2), "maxUnpool2d: indices must have the input's shape [1, 2, 5, 5], got shape [2, 5, 5]"],
  [() => F.maxUnpool2d(x2(), ints([...Array(49).fill(0), 100], [1, 2, 5, 5]), 2),
    'maxUnpool2d: indices must lie in the output plane of 10x10 = 100 elements (0 to 99), got 100 at indices[0, 1, 4, 4]'],
  [() => F.maxUnpool3d(x3(), ints(Array(64).fill(0), [1, 1, 4, 4, 4]), { kernelSize: 2, stride: 0 }), 'maxUnpool3d: stride must be greater than zero, got stride=[0, 0, 0]'],
  [() => F.fractionalMaxPool2d(x2(), { kernelSize: 2, outputSize: 5 }),
    'fractionalMaxPool2d: kernelSize=[2, 2] is too large for outputSize=[5, 5] and input size [5, 5]: outputSize + kernelSize - 1 must be at most the input size in every dimension'],
  [() => F.fractionalMaxPool2d(x2(), { kernelSize: 0, outputSize: 2 }), 'fractionalMaxPool2d: kernelSize must be greater than zero, got kernelSize=[0, 0]'],
  [() => F.fractionalMaxPool2d(x2(), { kernelSize: 2, outputRatio: 0.1 }),
    'fractionalMaxPool2d: outputRatio=[0.1, 0.1] gives outputSize=[0, 0] for input size [5, 5]; every output size must be at least 1'],
  [() => F.fractionalMaxPool3d(x3(), { kernelSize: 2, outputSize: 3 }),
    'fractionalMaxPool3d: kernelSize=[2, 2, 2] is too large for outputSize=[3, 3, 3] and input size [4, 4, 4]: outputSize + kernelSize - 1 must be less than the input size in every dimension'],
])('%#: a clear Error', (call, message) => {
  expect(call).toThrow(new Error(message));
});

test('the module keeps working after errors, and nothing leaks', () => {
  const a = x1();
  const b = x2();
  const c = x3();
  const badIndices = ints([...Array(49).fill(0), 100], [1, 2, 5, 5]);
  const run = () => {
    expect(() => F.maxPool1d(a, { kernelSize: 2, padding: 2 })).toThrow(Error);
    expect(() => F.maxPool3d(c, 5)).toThrow(Error);
    expect(() => F.adaptiveMaxPool2d(b, 0)).toThrow(Error);
    expect(() => F.maxUnpool2d(b, badIndices, 2)).toThrow(Error);
    // Samples are drawn (allocated) before the C++ side rejects the output size.
    expect(() => F.fractionalMaxPool2d(b, { kernelSize: 2, outputSize: 5 })).toThrow(Error);
    const outputs = [
      F.maxPool1d(a, { kernelSize: 2, returnIndices: true }),
      F.maxPool3d(c, { kernelSize: 2, returnIndices: true }),
      F.adaptiveMaxPool2d(b, { outputSize: 3, returnIndices: true }),
      F.fractionalMaxPool2d(b, { kernelSize: 2, outputSize: 3, returnIndices: true }),
    ];
    const [pooled, indices] = F.maxPool3d(c, { kernelSize: 2, returnIndices: true });
    outputs.push(F.maxUnpool3d(pooled, indices, 2), pooled, indices);
    expect(outputs[1][0].data[7]).toBe(63);
    for (const t of outputs.flat()) t.dispose();
  };
  run(); // warm up: the first calls may grow the heap
  const before = poolkit.memoryStats();
  for (let i = 0; i < 500; i++) run();
  const after = poolkit.memoryStats();
  // At most equal: tensors dropped by earlier tests may be finalized during the loop.
  expect(after.allocatedBytes).toBeLessThanOrEqual(before.allocatedBytes);
  expect(after.heapBytes).toBe(before.heapBytes);
});

test('nn modules reject bad arguments where they are made', () => {
  expect(() => new nn.MaxPool3d(2, 1, 0, 1, false, false, 3)).toThrow(
    'MaxPool3d: takes at most 6 positional arguments (kernelSize, stride, padding, dilation, returnIndices, ceilMode), got 7',
  );
  expect(() => new nn.AdaptiveMaxPool3d([1, 2])).toThrow(
    'adaptiveMaxPool3d: outputSize must be an integer or an array of 3 integers or nulls (null keeps that input size), got [1, 2]',
  );
  expect(() => new nn.MaxUnpool1d({ kernelSize: 2, strides: 2 })).toThrow(
    'maxUnpool1d: unknown option strides; the options are kernelSize, stride, padding, outputSize',
  );
});
