import * as poolkit from 'poolkit';
import { relativeError } from './helpers/close.js';
import { describeConvFixtures, make } from './helpers/conv_fixtures.js';

const { functional: F, nn } = poolkit;
beforeAll(() => poolkit.ready());

const valid = describeConvFixtures('conv2d', 'conv2d');

describe('nn.Conv2d', () => {
  test('holds weight and bias of PyTorch shapes with PyTorch initialisation ranges', () => {
    const conv = new nn.Conv2d(4, 6, [3, 2], { groups: 2 });
    expect(conv.weight.shape).toEqual([6, 2, 3, 2]);
    expect(conv.bias.shape).toEqual([6]);
    const bound = 1 / Math.sqrt(2 * 3 * 2);
    for (const v of [...conv.weight.data, ...conv.bias.data]) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
    // Not all equal: the values are drawn.
    expect(new Set(conv.weight.data).size).toBeGreaterThan(20);
    expect(new nn.Conv2d(2, 3, 1, { bias: false }).bias).toBeNull();
  });

  test('forward with loaded weights equals functional conv2d (checked against PyTorch above)', () => {
    const c = valid.find((v) => v.name === "3x3 'same' keeps the size");
    const conv = new nn.Conv2d(3, 7, 3, { padding: 'same' });
    conv.weight = make(c.weight);
    conv.bias = make(c.bias);
    expect(relativeError(conv.forward(make(c.input)).data, c.output.values)).toBeLessThanOrEqual(1e-5);
  });

  test('accepts PyTorch positional order and an options object', () => {
    const conv = new nn.Conv2d(4, 8, 3, 2, 1, 1, 2, false);
    expect([conv.stride, conv.padding, conv.groups, conv.bias]).toEqual([[2, 2], [1, 1], 2, null]);
    const same = new nn.Conv2d({ inChannels: 1, outChannels: 2, kernelSize: 3, padding: 'same' });
    expect(same.forward(poolkit.tensor(new Float32Array(25), [1, 1, 5, 5])).shape).toEqual([1, 2, 5, 5]);
  });

  test('prints like PyTorch', () => {
    expect(String(new nn.Conv2d(1, 64, 3))).toBe('Conv2d(1, 64, kernel_size=(3, 3), stride=(1, 1))');
    expect(String(new nn.Conv2d(4, 8, [3, 5], { stride: 2, padding: 1, dilation: 2, groups: 2, bias: false }))).toBe(
      'Conv2d(4, 8, kernel_size=(3, 5), stride=(2, 2), padding=(1, 1), dilation=(2, 2), groups=2, bias=False)',
    );
    expect(String(new nn.Conv2d(2, 2, 3, { padding: 'same' }))).toBe(
      'Conv2d(2, 2, kernel_size=(3, 3), stride=(1, 1), padding=same)',
    );
  });

  test.each([
    [() => new nn.Conv2d(3, 6, 3, { groups: 2 }), 'Conv2d: inChannels and outChannels must be divisible by groups, got inChannels=3, outChannels=6, groups=2'],
    [() => new nn.Conv2d(3, 6, 3, { stride: 2, padding: 'same' }), "Conv2d: padding='same' needs stride 1, got stride=[2, 2]"],
    [() => new nn.Conv2d(3, 6, 3, { paddingMode: 'reflect' }), 'Conv2d: paddingMode "reflect" is not supported; poolkit pads with zeros only'],
    [() => new nn.Conv2d(3, 6), 'Conv2d: kernelSize is required'],
    [() => new nn.Conv2d(3, 6, 3, { padding_mode: 'zeros' }), 'Conv2d: unknown option padding_mode (did you mean paddingMode?); the options are inChannels, outChannels, kernelSize, stride, padding, dilation, groups, bias, paddingMode'],
    [() => new nn.Conv2d(3, 6, 0), 'Conv2d: kernelSize must be greater than zero, got kernelSize=[0, 0]'],
    [() => new nn.Conv2d(3, 6, 3, { padding: 'full' }), `Conv2d: padding must be an integer, an array of 2 integers, 'same' or 'valid', got "full"`],
  ])('rejects bad arguments: %#', (make, message) => {
    expect(make).toThrow(new Error(message));
  });
});

describe('functional.conv2d arguments', () => {
  const x = () => poolkit.tensor(new Float32Array(2 * 36).fill(1), [1, 2, 6, 6]);
  const w = () => poolkit.tensor(new Float32Array(3 * 2 * 9).fill(0.5), [3, 2, 3, 3]);

  test('bias may be left out, with the options third', () => {
    expect(F.conv2d(x(), w(), { padding: 1 }).shape).toEqual([1, 3, 6, 6]);
    expect(F.conv2d(x(), w(), null, { stride: 2 }).shape).toEqual([1, 3, 2, 2]);
    expect(Array.from(F.conv2d(x(), w()).data.slice(0, 3))).toEqual([9, 9, 9]);
  });

  test.each([
    [{ stride: 0 }, 'conv2d: stride must be greater than zero, got stride=[0, 0]'],
    [{ padding: [-1, 0] }, 'conv2d: padding must be non-negative, got padding=[-1, 0]'],
    [{ dilation: 0 }, 'conv2d: dilation must be greater than zero, got dilation=[0, 0]'],
    [{ groups: 2 }, 'conv2d: weight.shape[0] must be divisible by groups, got weight of shape [3, 2, 3, 3] with groups=2'],
    [{ padding: 'same', stride: 2 }, "conv2d: padding='same' needs stride 1, got stride=[2, 2]"],
    [{ dilation: 3 }, 'conv2d: the kernel (with dilation) must fit in the padded input, got kernel extent [7, 7] for padded input size [6, 6]'],
    [{ strides: 2 }, 'conv2d: unknown option strides; the options are stride, padding, dilation, groups'],
  ])('%j throws a clear Error', (options, message) => {
    expect(() => F.conv2d(x(), w(), null, options)).toThrow(new Error(message));
  });

  test('operands are checked with their names', () => {
    expect(() => F.conv2d(x(), new Float32Array(4))).toThrow(/^conv2d: weight must be a poolkit Tensor/);
    expect(() => F.conv2d(x(), w(), poolkit.tensor([1, 2], [2]))).toThrow(
      'conv2d: bias must be 1D with 3 elements (outChannels), got bias of shape [2]',
    );
    expect(() => F.conv2d(x(), poolkit.tensor(new Float32Array(27), [3, 1, 3, 3]))).toThrow(
      'conv2d: input must have 1 channels (weight.shape[1] * groups, for weight of shape [3, 1, 3, 3] and groups=1), got 2 channels in input of shape [1, 2, 6, 6]',
    );
  });

  test('errors leak no wasm memory', () => {
    const [input, weight] = [x(), w()];
    F.conv2d(input, weight).dispose();
    const before = poolkit.memoryStats().allocatedBytes;
    for (let i = 0; i < 200; i++) {
      expect(() => F.conv2d(input, weight, null, { dilation: 4 })).toThrow(Error);
      F.conv2d(input, weight, null, { padding: 'same' }).dispose();
    }
    expect(poolkit.memoryStats().allocatedBytes).toBeLessThanOrEqual(before);
  });
});
