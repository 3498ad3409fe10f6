import * as poolkit from 'poolkit';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

const t = (shape) => poolkit.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(1), shape);

// Each message names the argument, shows the value and states the rule.
test.each([
  [() => F.avgPool2d(t([1, 1, 4, 4]), { kernelSize: [2, 0] }), 'avgPool2d: kernelSize must be greater than zero, got kernelSize=[2, 0]'],
  [() => F.avgPool1d(t([1, 1, 4]), { kernelSize: 2, stride: 0 }), 'avgPool1d: stride must be greater than zero, got stride=[0]'],
  [() => F.avgPool3d(t([1, 1, 4, 4, 4]), { kernelSize: 2, padding: 2 }), 'avgPool3d: padding must be at most half of kernelSize, got padding=[2, 2, 2] with kernelSize=[2, 2, 2]'],
  [() => F.avgPool2d(t([1, 1, 4, 4]), { kernelSize: 2, divisorOverride: 0 }), 'avgPool2d: divisorOverride must be a non-zero integer from -2147483648 to 2147483647, got divisorOverride=0'],
  [() => F.avgPool2d(t([1, 1, 4, 4]), { kernelSize: 2, divisorOverride: 1.5 }), 'avgPool2d: divisorOverride must be an integer or null, got 1.5'],
  [() => F.avgPool1d(t([1, 1, 4]), { kernelSize: 2, divisorOverride: 2 }), 'avgPool1d: unknown option divisorOverride; the options are kernelSize, stride, padding, ceilMode, countIncludePad'],
  [() => F.avgPool2d(t([1, 1, 4, 4]), { kernelSize: 1e20 }), 'avgPool2d: kernelSize must hold integers from -2147483648 to 2147483647, got 100000000000000000000'],
  [() => F.avgPool2d(t([1, 1, 4, 4]), { kernelSize: 2, countIncludePad: 'no' }), 'avgPool2d: countIncludePad must be true or false, got "no"'],
  [() => F.avgPool2d(t([1, 1, 1, 1]), 2), 'avgPool2d: output size must be at least 1, got [0, 0] for input size [1, 1] with kernelSize=[2, 2], stride=[2, 2], padding=[0, 0]'],
  [() => F.avgPool3d(t([1, 1, 1, 4, 4]), { kernelSize: 2, padding: 1 }), 'avgPool3d: input must be at least as large as kernelSize in every spatial dimension (padding does not count), got input size [1, 4, 4] with kernelSize=[2, 2, 2]'],
  [() => F.avgPool1d(t([1, 1, 1, 4]), 2), 'avgPool1d: input must be 2D or 3D (C, L) or (N, C, L), got a 4D tensor of shape [1, 1, 1, 4]'],
  [() => F.avgPool3d(t([1, 0, 2, 2, 2]), 2), 'avgPool3d: input must have non-empty channel and spatial dimensions (only the batch may be empty), got shape [1, 0, 2, 2, 2]'],
  [() => F.adaptiveAvgPool2d(t([1, 1, 4, 4]), 0), 'adaptiveAvgPool2d: outputSize must be at least 1 in every dimension, got outputSize=[0, 0]'],
  [() => F.adaptiveAvgPool3d(t([1, 1, 4, 4, 4]), [2, -1, null]), 'adaptiveAvgPool3d: outputSize must be at least 1 in every dimension, got outputSize=[2, -1, null]'],
  [() => F.adaptiveAvgPool1d(t([1, 1, 4]), [null]), 'adaptiveAvgPool1d: outputSize must be an integer, got [null]'],
  [() => F.adaptiveAvgPool2d(t([1, 1, 4, 4]), [1, 2, 3]), 'adaptiveAvgPool2d: outputSize must be an integer or an array of 2 integers or nulls, got [1, 2, 3]'],
  [() => F.adaptiveAvgPool2d(t([4, 4]), 2), 'adaptiveAvgPool2d: input must be 3D or 4D (C, H, W) or (N, C, H, W), got a 2D tensor of shape [4, 4]'],
  [() => F.adaptiveAvgPool2d(t([1, 1, 4, 4]), {}), 'adaptiveAvgPool2d: outputSize is required'],
  [() => F.lpPool2d(t([1, 1, 4, 4]), { normType: 0, kernelSize: 2 }), 'lpPool2d: normType must be a positive, finite number, got normType=0'],
  [() => F.lpPool1d(t([1, 1, 4]), { normType: -2, kernelSize: 2 }), 'lpPool1d: normType must be a positive, finite number, got normType=-2'],
  [() => F.lpPool1d(t([1, 1, 4]), { normType: Infinity, kernelSize: 2 }), 'lpPool1d: normType must be a positive, finite number, got normType=Infinity'],
  [() => F.lpPool2d(t([1, 1, 4, 4]), { normType: '2', kernelSize: 2 }), 'lpPool2d: normType must be a number, got "2"'],
  [() => F.lpPool2d(t([1, 1, 4, 4]), 2), 'lpPool2d: options must be an object such as {normType: 2, kernelSize: 3}, got 2'],
  [() => F.lpPool2d(t([1, 1, 4, 4]), { normType: 2, kernelSize: 5 }), 'lpPool2d: output size must be at least 1, got [0, 0] for input size [4, 4] with kernelSize=[5, 5], stride=[5, 5]'],
  [() => F.lpPool2d(t([1, 1, 4, 4]), { kernelSize: 2 }), 'lpPool2d: normType is required'],
  [() => F.lpPool2d(t([1, 1, 4, 4]), { normType: 2, kernelSize: 2, padding: 1 }), 'lpPool2d: unknown option padding; the options are normType, kernelSize, stride, ceilMode'],
  [() => F.relu(t([2]), { in_place: true }), 'relu: unknown option in_place; the options are inplace'],
])('%#: %s', (call, message) => {
  expect(call).toThrow(new Error(message));
});

test('nn modules reject bad arguments where they are made', () => {
  expect(() => new nn.AvgPool2d(2, { stide: 1 })).toThrow(/^AvgPool2d: unknown option stide/);
  expect(() => new nn.AvgPool1d(2, 1, 0, false, true, 3)).toThrow(
    'AvgPool1d: takes at most 5 positional arguments (kernelSize, stride, padding, ceilMode, countIncludePad), got 6',
  );
  expect(() => new nn.AdaptiveAvgPool2d()).toThrow('AdaptiveAvgPool2d: outputSize is required');
  expect(() => new nn.LPPool2d(2)).toThrow('LPPool2d: kernelSize is required');
  // Value rules are PyTorch's and live in C++: they surface at forward.
  expect(() => new nn.LPPool2d(-1, 2).forward(t([1, 1, 4, 4]))).toThrow(/^lpPool2d: normType must be a positive/);
});

test('after many errors every op keeps working and wasm memory does not grow', () => {
  const x2 = t([1, 2, 8, 8]);
  const x1 = t([1, 2, 8]);
  const x3 = t([1, 2, 4, 4, 4]);
  const run = () => [
    F.avgPool1d(x1, 2),
    F.avgPool2d(x2, { kernelSize: 3, padding: 1, stride: 1, countIncludePad: false }),
    F.avgPool3d(x3, { kernelSize: 2, divisorOverride: 3 }),
    F.adaptiveAvgPool2d(x2, 1),
    F.adaptiveAvgPool3d(x3, [3, null, 2]),
    F.lpPool2d(x2, { normType: 1.5, kernelSize: 2 }),
    F.relu(x2),
  ];
  run().forEach((out) => out.dispose());
  const before = poolkit.memoryStats();
  for (let i = 0; i < 500; i++) {
    expect(() => F.avgPool2d(x2, { kernelSize: 2, padding: 2 })).toThrow(Error);
    expect(() => F.avgPool3d(x3, { kernelSize: 5 })).toThrow(Error);
    expect(() => F.adaptiveAvgPool2d(x2, 0)).toThrow(Error);
    expect(() => F.lpPool2d(x2, { normType: -1, kernelSize: 2 })).toThrow(Error);
    expect(() => F.lpPool1d(x1, { normType: 2, kernelSize: 9 })).toThrow(Error);
    const outs = run();
    expect(outs[3].data[0]).toBe(1);
    outs.forEach((out) => out.dispose());
  }
  const after = poolkit.memoryStats();
  // At most equal: tensors dropped by earlier tests may be finalized during the loop.
  expect(after.allocatedBytes).toBeLessThanOrEqual(before.allocatedBytes);
  expect(after.heapBytes).toBe(before.heapBytes);
});
