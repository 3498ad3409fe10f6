import * as poolkit from 'poolkit';
import { relativeError } from './helpers/close.js';
import { describeConvFixtures, make } from './helpers/conv_fixtures.js';

const { functional: F, nn } = poolkit;
beforeAll(() => poolkit.ready());

const valid = describeConvFixtures('conv_transpose2d', 'convTranspose2d');

describe('nn.ConvTranspose2d', () => {
  test('holds weight (inChannels, outChannels / groups, kH, kW) with PyTorch initialisation ranges', () => {
    const up = new nn.ConvTranspose2d(6, 4, 2, { stride: 2, groups: 2 });
    expect(up.weight.shape).toEqual([6, 2, 2, 2]);
    expect(up.bias.shape).toEqual([4]);
    const bound = 1 / Math.sqrt(2 * 2 * 2);
    for (const v of [...up.weight.data, ...up.bias.data]) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
  });

  test('forward(input, outputSize) with loaded weights matches PyTorch', () => {
    const c = valid.find((v) => v.name === 'output size picks the output padding');
    const up = new nn.ConvTranspose2d(4, 2, 3, { stride: 2 });
    up.weight = make(c.weight);
    up.bias = make(c.bias);
    const out = up.forward(make(c.input), c.options.outputSize);
    expect(out.shape).toEqual(c.output.shape);
    expect(relativeError(out.data, c.output.values)).toBeLessThanOrEqual(1e-5);
  });

  test('prints like PyTorch', () => {
    expect(String(new nn.ConvTranspose2d(512, 256, 2, { stride: 2 }))).toBe(
      'ConvTranspose2d(512, 256, kernel_size=(2, 2), stride=(2, 2))',
    );
    expect(String(new nn.ConvTranspose2d(4, 4, 3, 2, 1, 1, 2, false))).toBe(
      'ConvTranspose2d(4, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1), groups=2, bias=False)',
    );
  });
});

describe('functional.convTranspose2d arguments', () => {
  const x = () => poolkit.tensor(new Float32Array(2 * 16).fill(1), [1, 2, 4, 4]);
  const w = () => poolkit.tensor(new Float32Array(2 * 3 * 4).fill(0.25), [2, 3, 2, 2]);

  test('k2 s2 doubles the size; outputSize may be the whole output shape', () => {
    expect(F.convTranspose2d(x(), w(), { stride: 2 }).shape).toEqual([1, 3, 8, 8]);
    expect(F.convTranspose2d(x(), w(), null, { stride: 3, outputSize: [1, 3, 12, 13] }).shape).toEqual([1, 3, 12, 13]);
  });

  test.each([
    [{ stride: 2, outputPadding: 2 }, 'convTranspose2d: outputPadding must be smaller than stride or dilation, got outputPadding=[2, 2] with stride=[2, 2], dilation=[1, 1]'],
    [{ stride: 2, outputSize: [20, 20] }, 'convTranspose2d: outputSize must be between [8, 8] and [9, 9] for input size [4, 4], got outputSize=[20, 20]'],
    [{ padding: 3 }, 'convTranspose2d: output size must be at least 1, got [-1, -1] for input size [4, 4] with kernelSize=[2, 2], stride=[1, 1], padding=[3, 3], dilation=[1, 1], outputPadding=[0, 0]'],
    [{ groups: 3 }, 'convTranspose2d: weight.shape[0] must be divisible by groups, got weight of shape [2, 3, 2, 2] with groups=3'],
    [{ outputSize: [1, 2, 3] }, 'convTranspose2d: outputSize must be an integer or an array of 2 integers, got [1, 2, 3]'],
  ])('%j throws a clear Error', (options, message) => {
    expect(() => F.convTranspose2d(x(), w(), null, options)).toThrow(new Error(message));
  });
});
