// Issue 11: sizes that wrapped in 32 bits (2^30 + 16 floats is 64 bytes) wrote over other live
// tensors, trapped, or returned tensors backed by too little memory. Each is now an Error naming
// the op and the bytes, before anything is allocated, and the module keeps working.
import * as poolkit from 'poolkit';

const { functional: F, nn, tensor } = poolkit;

beforeAll(() => poolkit.ready());

const allocated = () => poolkit.memoryStats().allocatedBytes;
const tooLarge = (op, bytes) => `${op}: the output needs ${bytes} bytes, more than wasm memory can hold`;
const ones = (shape) => tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(1), shape);

test.each([
  ['adaptiveAvgPool1d', () => F.adaptiveAvgPool1d(tensor([5], [1, 1, 1]), 2 ** 30 + 16), tooLarge('adaptiveAvgPool1d', '4,294,967,360')],
  ['conv2d with padding 16384', () => F.conv2d(ones([1, 1, 1, 1]), ones([1, 1, 1, 1]), null, { padding: 16384 }), tooLarge('conv2d', '4,295,229,444')],
  ['convTranspose2d with stride 32768', () => F.convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), null, { stride: 32768 }), tooLarge('convTranspose2d', '4,295,491,600')],
  ['convTranspose2d with stride 2^31 - 1', () => F.convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), null, { stride: 2 ** 31 - 1 }), tooLarge('convTranspose2d', 'over 2^63')],
  ['convTranspose2d with dilation 2^31 - 1', () => F.convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), null, { dilation: 2 ** 31 - 1 }), tooLarge('convTranspose2d', 'over 2^63')],
  ['maxUnpool1d to 2^30 + 16', () => F.maxUnpool1d(ones([1, 1, 1]), tensor(new Int32Array([0]), [1, 1, 1]), { kernelSize: 2 ** 30 + 16 }), tooLarge('maxUnpool1d', '4,294,967,360')],
  ['maxUnpool3d to 2^31 a side', () => F.maxUnpool3d(ones([1, 1, 1, 1, 1]), tensor(new Int32Array([0]), [1, 1, 1, 1, 1]), { kernelSize: 2 ** 31 - 1 }), 'maxUnpool3d: the output of shape [1, 1, 2147483647, 2147483647, 2147483647] would have more than 2^31 - 1 elements'],
  ['maxPool2d with indices', () => F.maxPool2d(ones([1, 1, 1, 1]), { kernelSize: 1, padding: 0, dilation: 1, stride: 1, returnIndices: true }), null],
])('%s: an Error before anything is written, and the module keeps working', (_, call, message) => {
  const before = tensor([7, 7, 7, 7], [4]);
  const baseline = allocated();
  if (message) {
    expect(call).toThrow(message);
  } else {
    const [out, indices] = call();
    expect(out.tolist()).toEqual([[[[1]]]]);
    out.dispose();
    indices.dispose();
  }
  expect(before.tolist()).toEqual([7, 7, 7, 7]);
  // Inputs of the call are left to the finalizer; only what the op allocated is compared.
  expect(allocated()).toBeLessThanOrEqual(baseline + 4096);
  expect(F.maxPool2d(tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]), 2).tolist()).toEqual([[[[6, 8], [14, 16]]]]);
});

test('a failed op allocates nothing', () => {
  const input = tensor([5], [1, 1, 1]);
  const baseline = allocated();
  for (let i = 0; i < 100; i++) expect(() => F.adaptiveAvgPool1d(input, 2 ** 30 + 16)).toThrow('more than wasm memory can hold');
  expect(allocated()).toBe(baseline);
});

test('tensor() of more data than wasm memory holds is a clear Error, and leaks nothing', () => {
  const baseline = allocated();
  expect(() => tensor(new Float32Array(1.1e9), [1.1e9])).toThrow(
    'tensor: the data needs 4,400,000,000 bytes, more than wasm memory can hold',
  );
  expect(allocated()).toBe(baseline);
});

test('an nn.Conv2d whose weight cannot fit wasm memory is a clear Error', () => {
  const baseline = allocated();
  expect(() => new nn.Conv2d(2 ** 15, 2 ** 15, 3)).toThrow(
    'Conv2d: the weight needs 38,654,705,664 bytes, more than wasm memory can hold',
  );
  expect(() => new nn.ConvTranspose2d(2 ** 15, 2 ** 15, 3)).toThrow(
    'ConvTranspose2d: the weight needs 38,654,705,664 bytes, more than wasm memory can hold',
  );
  expect(allocated()).toBe(baseline);
});

test('cat and centerCrop size their outputs through the same check', () => {
  const t = tensor([1, 2, 3, 4], [1, 1, 2, 2]);
  expect(F.cat([t, t], 1).shape).toEqual([1, 2, 2, 2]);
  expect(F.centerCrop(t, [1, 1]).tolist()).toEqual([[[[1]]]]);
});
