import * as poolkit from 'poolkit';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

const x = () => poolkit.tensor(new Float32Array(16).map((_, i) => i + 1), [1, 1, 4, 4]);

// Each message names the argument, shows the value and states the rule.
test.each([
  [{ kernelSize: 0 }, 'maxPool2d: kernelSize must be greater than zero, got kernelSize=[0, 0]'],
  [{ kernelSize: 2, stride: [1, 0] }, 'maxPool2d: stride must be greater than zero, got stride=[1, 0]'],
  [{ kernelSize: 2, dilation: 0 }, 'maxPool2d: dilation must be greater than zero, got dilation=[0, 0]'],
  [{ kernelSize: 2, padding: -1 }, 'maxPool2d: padding must be non-negative, got padding=[-1, -1]'],
  [{ kernelSize: 3, padding: [2, 1] }, 'maxPool2d: padding must be at most half of kernelSize, got padding=[2, 1] with kernelSize=[3, 3]'],
  [{ kernelSize: 5 }, 'maxPool2d: output size must be at least 1, got [0, 0] for input size [4, 4] with kernelSize=[5, 5], stride=[5, 5], padding=[0, 0], dilation=[1, 1]'],
  [{ kernelSize: [2, 2, 2] }, 'maxPool2d: kernelSize must be an integer or an array of 2 integers, got [2, 2, 2]'],
  [{ kernelSize: '2' }, 'maxPool2d: kernelSize must be an integer or an array of 2 integers, got "2"'],
  [{ kernelSize: 2, ceilMode: 1 }, 'maxPool2d: ceilMode must be true or false, got 1'],
  [{ kernelSize: 1e20 }, 'maxPool2d: kernelSize must hold integers from -2147483648 to 2147483647, got 100000000000000000000'],
  [{ kernel_size: 2 }, 'maxPool2d: unknown option kernel_size (did you mean kernelSize?); the options are kernelSize, stride, padding, dilation, ceilMode, returnIndices'],
  [{}, 'maxPool2d: kernelSize is required'],
])('maxPool2d(x, %j) throws a clear Error', (options, message) => {
  expect(() => F.maxPool2d(x(), options)).toThrow(new Error(message));
});

test('the input must be a float32 Tensor of rank 3 or 4', () => {
  expect(() => F.maxPool2d(new Float32Array(16), 2)).toThrow(
    'maxPool2d: input must be a poolkit Tensor (make one with poolkit.tensor(data, shape)), got Float32Array',
  );
  expect(() => F.maxPool2d(poolkit.tensor(new Int32Array(16), [1, 1, 4, 4]), 2)).toThrow(
    'maxPool2d: input must be float32, got int32',
  );
  expect(() => F.maxPool2d(poolkit.tensor(new Float32Array(16), [4, 4]), 2)).toThrow(
    'maxPool2d: input must be 3D or 4D (C, H, W) or (N, C, H, W), got a 2D tensor of shape [4, 4]',
  );
  expect(() => F.maxPool2d(poolkit.tensor(new Float32Array(0), [1, 0, 4, 4]), 2)).toThrow(
    'maxPool2d: input must have non-empty channel and spatial dimensions (only the batch may be empty), got shape [1, 0, 4, 4]',
  );
});

test('nn.MaxPool2d rejects bad arguments where it is made', () => {
  expect(() => new nn.MaxPool2d({ kernelSize: 2, strde: 1 })).toThrow(/unknown option strde/);
  expect(() => new nn.MaxPool2d(2, 1, 0, 1, false, false, 7)).toThrow(
    'MaxPool2d: takes at most 6 positional arguments (kernelSize, stride, padding, dilation, returnIndices, ceilMode), got 7',
  );
  expect(() => new nn.MaxPool2d(2, { kernelSize: 3 })).toThrow(
    'MaxPool2d: kernelSize given both positionally and in the options',
  );
});

test('after many errors the module keeps working and wasm memory does not grow', () => {
  const input = x();
  const warm = F.maxPool2d(input, { kernelSize: 2, returnIndices: true });
  warm.forEach((t) => t.dispose());
  const before = poolkit.memoryStats();
  for (let i = 0; i < 2000; i++) {
    expect(() => F.maxPool2d(input, { kernelSize: 2, padding: 2 })).toThrow(Error);
    expect(() => F.maxPool2d(input, { kernelSize: 9 })).toThrow(Error);
    const [out, idx] = F.maxPool2d(input, { kernelSize: 2, returnIndices: true });
    expect(out.data[3]).toBe(16);
    out.dispose();
    idx.dispose();
  }
  const after = poolkit.memoryStats();
  // At most equal: tensors dropped by earlier tests may be finalized during the loop.
  expect(after.allocatedBytes).toBeLessThanOrEqual(before.allocatedBytes);
  expect(after.heapBytes).toBe(before.heapBytes);
});
