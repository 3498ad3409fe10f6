import * as poolkit from 'poolkit';
import { bits, loadCases } from './helpers/fixtures.js';

const { functional: F, nn } = poolkit;
const cases = loadCases('max_pool2d');
const valid = cases.filter((c) => !c.error);
const rejected = cases.filter((c) => c.error);

beforeAll(() => poolkit.ready());

const blog = () =>
  poolkit.tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);

describe('the seed article example', () => {
  test('maxPool2d(x, {kernelSize: 2, stride: 2}) is [[6, 8], [14, 16]]', () => {
    expect(F.maxPool2d(blog(), { kernelSize: 2, stride: 2 }).tolist()).toEqual([[[[6, 8], [14, 16]]]]);
  });

  test('returnIndices gives the flat positions of the maxima in each plane', () => {
    const [output, indices] = F.maxPool2d(blog(), { kernelSize: 2, stride: 2, returnIndices: true });
    expect(output.shape).toEqual([1, 1, 2, 2]);
    expect(indices.dtype).toBe('int32');
    expect(indices.tolist()).toEqual([[[[5, 7], [13, 15]]]]);
  });
});

describe('matches PyTorch bit for bit', () => {
  test('there are at least 200 generated cases', () => {
    expect(valid.length).toBeGreaterThanOrEqual(200);
  });

  test.each(valid.map((c) => [c.name, c]))('%s', (_, c) => {
    const x = poolkit.tensor(c.input.values, c.input.shape);
    const [out, idx] = F.maxPool2d(x, { ...c.options, returnIndices: true });
    expect(out.shape).toEqual(c.output.shape);
    expect(bits(out.data)).toEqual(bits(c.output.values));
    expect(Array.from(idx.data)).toEqual(Array.from(c.indices.values));
    // Without indices (a different kernel instantiation) and as an nn module.
    expect(bits(F.maxPool2d(x, c.options).data)).toEqual(bits(c.output.values));
    expect(bits(new nn.MaxPool2d(c.options).forward(x).data)).toEqual(bits(c.output.values));
    for (const t of [x, out, idx]) t.dispose();
  });
});

describe('rejects what PyTorch rejects', () => {
  test.each(rejected.map((c) => [c.name, c.error, c]))('%s (PyTorch: %s)', (_, __, c) => {
    const x = poolkit.tensor(c.input.values, c.input.shape);
    expect(() => F.maxPool2d(x, c.options)).toThrow(/^maxPool2d: /);
    x.dispose();
  });
});

describe('the API forms', () => {
  test('a number is shorthand for {kernelSize}', () => {
    expect(F.maxPool2d(blog(), 2).tolist()).toEqual([[[[6, 8], [14, 16]]]]);
  });

  test('stride defaults to kernelSize, and [h, w] pairs work', () => {
    const x = poolkit.tensor(new Float32Array(6 * 8).map((_, i) => i), [1, 6, 8]);
    expect(F.maxPool2d(x, { kernelSize: [2, 4] }).shape).toEqual([1, 3, 2]);
    expect(F.maxPool2d(x, { kernelSize: [3, 2], stride: [1, 2] }).shape).toEqual([1, 4, 4]);
  });

  test('nn.MaxPool2d takes (kernelSize, options), an options object or positional arguments', () => {
    const expected = [[[[6, 8], [14, 16]]]];
    expect(new nn.MaxPool2d(2, { stride: 2 }).forward(blog()).tolist()).toEqual(expected);
    expect(new nn.MaxPool2d({ kernelSize: 2, stride: 2 }).forward(blog()).tolist()).toEqual(expected);
    const [, indices] = new nn.MaxPool2d(2, 2, 0, 1, true).forward(blog());
    expect(indices.tolist()).toEqual([[[[5, 7], [13, 15]]]]);
  });

  test('nn.MaxPool2d prints like PyTorch', () => {
    expect(String(new nn.MaxPool2d(2, { stride: 2 }))).toBe(
      'MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)',
    );
    expect(String(new nn.MaxPool2d([3, 2], { padding: 1, ceilMode: true }))).toBe(
      'MaxPool2d(kernel_size=(3, 2), stride=(3, 2), padding=1, dilation=1, ceil_mode=True)',
    );
  });
});
