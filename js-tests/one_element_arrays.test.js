// Where PyTorch wants one int per spatial dimension (a bare int is shorthand), a one-element
// array is an error there too: fractional and adaptive average pooling, lpPool's kernel, and
// max unpooling from 2d on. The other pools expand [k] as PyTorch's int[N] arguments do.
import * as poolkit from 'poolkit';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

const input = (shape) => poolkit.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).map((_, i) => Math.sin(i)), shape);
const x2d = () => input([1, 2, 8, 8]);
const x3d = () => input([1, 2, 6, 6, 6]);

describe.each([
  // [call, message]
  [() => F.fractionalMaxPool2d(x2d(), { kernelSize: [1], outputSize: 3 }), 'fractionalMaxPool2d: kernelSize must be an integer or an array of 2 integers, got [1]'],
  [() => F.fractionalMaxPool2d(x2d(), { kernelSize: 2, outputSize: [3] }), 'fractionalMaxPool2d: outputSize must be an integer or an array of 2 integers, got [3]'],
  [() => F.fractionalMaxPool2d(x2d(), { kernelSize: 2, outputRatio: [0.5] }), 'fractionalMaxPool2d: outputRatio must be a number or an array of 2 numbers, got [0.5]'],
  [() => new nn.FractionalMaxPool2d([1], { outputSize: 3 }), 'fractionalMaxPool2d: kernelSize must be an integer or an array of 2 integers, got [1]'],
  [() => new nn.FractionalMaxPool2d(2, [3]), 'fractionalMaxPool2d: outputSize must be an integer or an array of 2 integers, got [3]'],
  [() => new nn.FractionalMaxPool2d(2, { outputRatio: [0.5] }), 'fractionalMaxPool2d: outputRatio must be a number or an array of 2 numbers, got [0.5]'],
  [() => F.fractionalMaxPool3d(x3d(), { kernelSize: [2], outputSize: 3 }), 'fractionalMaxPool3d: kernelSize must be an integer or an array of 3 integers, got [2]'],
  [() => F.fractionalMaxPool3d(x3d(), { kernelSize: 2, outputSize: [3] }), 'fractionalMaxPool3d: outputSize must be an integer or an array of 3 integers, got [3]'],
  [() => F.fractionalMaxPool3d(x3d(), { kernelSize: 2, outputRatio: [0.5] }), 'fractionalMaxPool3d: outputRatio must be a number or an array of 3 numbers, got [0.5]'],
  [() => new nn.FractionalMaxPool3d(2, { outputSize: [3] }), 'fractionalMaxPool3d: outputSize must be an integer or an array of 3 integers, got [3]'],
  [() => F.adaptiveAvgPool2d(x2d(), [3]), 'adaptiveAvgPool2d: outputSize must be an integer or an array of 2 integers or nulls, got [3]'],
  [() => F.adaptiveAvgPool2d(x2d(), { outputSize: [null] }), 'adaptiveAvgPool2d: outputSize must be an integer or an array of 2 integers or nulls, got [null]'],
  [() => new nn.AdaptiveAvgPool2d([3]), 'AdaptiveAvgPool2d: outputSize must be an integer or an array of 2 integers or nulls, got [3]'],
  [() => F.adaptiveAvgPool3d(x3d(), [3]), 'adaptiveAvgPool3d: outputSize must be an integer or an array of 3 integers or nulls, got [3]'],
  [() => new nn.AdaptiveAvgPool3d([3]), 'AdaptiveAvgPool3d: outputSize must be an integer or an array of 3 integers or nulls, got [3]'],
  [() => F.lpPool2d(x2d(), { normType: 2, kernelSize: [2] }), 'lpPool2d: kernelSize must be an integer or an array of 2 integers, got [2]'],
  [() => new nn.LPPool2d(2, [2]), 'LPPool2d: kernelSize must be an integer or an array of 2 integers, got [2]'],
  // PyTorch's lp_pool1d multiplies by kernel_size, which must therefore be an int.
  [() => F.lpPool1d(input([1, 2, 8]), { normType: 2, kernelSize: [2] }), 'lpPool1d: kernelSize must be an integer, got [2]'],
  [() => new nn.LPPool1d(2, [2]), 'LPPool1d: kernelSize must be an integer, got [2]'],
])('rejected as in PyTorch: %#', (call, message) => {
  test('with the argument and the rule named', () => {
    expect(call).toThrow(new Error(message));
  });
});

describe('maxUnpool2d/3d take no one-element kernelSize, stride or padding', () => {
  const pooled = (dims) => {
    const x = dims === 2 ? x2d() : x3d();
    const pool = dims === 2 ? F.maxPool2d : F.maxPool3d;
    return pool(x, { kernelSize: 2, returnIndices: true });
  };

  test.each([
    [2, { kernelSize: [2] }, 'kernelSize', '[2]'],
    [2, { kernelSize: 2, stride: [2] }, 'stride', '[2]'],
    [2, { kernelSize: 2, padding: [0] }, 'padding', '[0]'],
    [3, { kernelSize: [2] }, 'kernelSize', '[2]'],
    [3, { kernelSize: 2, stride: [2] }, 'stride', '[2]'],
    [3, { kernelSize: 2, padding: [0] }, 'padding', '[0]'],
  ])('maxUnpool%id(%j)', (dims, options, name, shown) => {
    const [out, indices] = pooled(dims);
    const op = `maxUnpool${dims}d`;
    const rule = `${op}: ${name} must be an integer or an array of ${dims} integers, got ${shown}`;
    expect(() => F[op](out, indices, options)).toThrow(new Error(rule));
    expect(() => new nn[`MaxUnpool${dims}d`](options)).toThrow(new Error(rule));
  });
});

describe('a bare number and the full array stay fine', () => {
  test('fractional, adaptive average, lp and unpooling', () => {
    poolkit.manualSeed(0);
    expect(F.fractionalMaxPool2d(x2d(), { kernelSize: 2, outputSize: [3, 3] }).shape).toEqual([1, 2, 3, 3]);
    expect(F.fractionalMaxPool2d(x2d(), { kernelSize: [2, 1], outputRatio: 0.5 }).shape).toEqual([1, 2, 4, 4]);
    expect(F.fractionalMaxPool3d(x3d(), { kernelSize: 2, outputRatio: [0.5, 0.5, 0.5] }).shape).toEqual([1, 2, 3, 3, 3]);
    expect(F.adaptiveAvgPool2d(x2d(), [3, null]).shape).toEqual([1, 2, 3, 8]);
    expect(F.adaptiveAvgPool3d(x3d(), 2).shape).toEqual([1, 2, 2, 2, 2]);
    expect(F.lpPool2d(x2d(), { normType: 2, kernelSize: [2, 2], stride: [2] }).shape).toEqual([1, 2, 4, 4]);
    expect(F.lpPool1d(input([1, 2, 8]), { normType: 2, kernelSize: 2, stride: [2] }).shape).toEqual([1, 2, 4]);
    const [out, indices] = F.maxPool2d(x2d(), { kernelSize: 2, returnIndices: true });
    expect(F.maxUnpool2d(out, indices, { kernelSize: [2, 2], stride: 2, padding: [0, 0] }).shape).toEqual([1, 2, 8, 8]);
  });

  test('PyTorch\'s one-element forms still work where it takes them', () => {
    expect(F.adaptiveAvgPool1d(input([1, 2, 8]), [4]).shape).toEqual([1, 2, 4]);
    const [out, indices] = F.maxPool1d(input([1, 2, 8]), { kernelSize: 2, returnIndices: true });
    expect(F.maxUnpool1d(out, indices, { kernelSize: [2], stride: [2], padding: [0] }).shape).toEqual([1, 2, 8]);
    expect(F.maxPool2d(x2d(), { kernelSize: [2], stride: [2] }).shape).toEqual([1, 2, 4, 4]);
    expect(F.avgPool2d(x2d(), { kernelSize: [2], padding: [1] }).shape).toEqual([1, 2, 5, 5]);
    expect(F.avgPool3d(x3d(), [2]).shape).toEqual([1, 2, 3, 3, 3]);
  });
});
