import * as poolkit from 'poolkit';
import { loadFixture } from './helpers/fixtures.js';
import { disposeAll, expectSame, loadOpCases, reprCases, toTensor } from './helpers/max_family.js';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

describe.each([
  ['max_unpool1d', 'maxUnpool1d', 'MaxUnpool1d'],
  ['max_unpool2d', 'maxUnpool2d', 'MaxUnpool2d'],
  ['max_unpool3d', 'maxUnpool3d', 'MaxUnpool3d'],
])('%s matches PyTorch', (fixture, op, moduleName) => {
  const cases = loadOpCases(fixture);
  const valid = cases.filter((c) => c.output);
  const rejected = cases.filter((c) => !c.output);
  const split = ({ indices, outputSize, ...options }) => ({ indices, outputSize, options });

  test('there are at least 60 generated cases, and rejected ones', () => {
    expect(valid.length).toBeGreaterThanOrEqual(60);
    expect(rejected.length).toBeGreaterThanOrEqual(15);
  });

  test.each(valid.map((c) => [c.name, c]))('%s, bit for bit', (_, c) => {
    const { indices, outputSize, options } = split(c.options);
    const x = toTensor(c.input);
    const idx = toTensor(indices);
    const out = F[op](x, idx, { ...options, outputSize });
    expectSame(out, c.output);
    const module = new nn[moduleName](options.kernelSize, options.stride ?? null, options.padding);
    const moduleOut = module.forward(x, idx, outputSize);
    expectSame(moduleOut, c.output);
    disposeAll(x, idx, out, moduleOut);
  });

  test.each(rejected.map((c) => [c.name, c.error ?? c.poolkitRejects, c]))(
    '%s is rejected (PyTorch: %s)',
    (_, __, c) => {
      const { indices, outputSize, options } = split(c.options);
      const x = toTensor(c.input);
      const idx = toTensor(indices);
      expect(() => F[op](x, idx, { ...options, outputSize })).toThrow(new RegExp(`^${op}: `));
      disposeAll(x, idx);
    },
  );

  test.each(reprCases(loadFixture(fixture)))('prints as PyTorch does: %s', (repr, make) => {
    expect(String(make())).toBe(repr);
  });
});

describe('unpooling what max pooling returns', () => {
  const image = () => poolkit.tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);

  test('maxUnpool2d puts the maxima back and zeros elsewhere', () => {
    const [pooled, indices] = F.maxPool2d(image(), { kernelSize: 2, returnIndices: true });
    expect(F.maxUnpool2d(pooled, indices, 2).tolist()).toEqual([
      [[[0, 0, 0, 0], [0, 6, 0, 8], [0, 0, 0, 0], [0, 14, 0, 16]]],
    ]);
    const unpool = new nn.MaxUnpool2d(2);
    expect(unpool.forward(pooled, indices, [5, 5]).shape).toEqual([1, 1, 5, 5]);
    expect(String(unpool)).toBe('MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))');
  });

  test('a bad index is reported with its position, before anything is written', () => {
    const values = poolkit.tensor([[[1, 2, 3]]]);
    const indices = poolkit.tensor(new Int32Array([0, 7, 2]), [1, 1, 3]);
    expect(() => F.maxUnpool1d(values, indices, 2)).toThrow(
      new Error('maxUnpool1d: indices must lie in the output plane of 6 = 6 elements (0 to 5), got 7 at indices[0, 0, 1]'),
    );
    expect(() => F.maxUnpool1d(values, values, 2)).toThrow(
      'maxUnpool1d: indices must be an int32 Tensor, as max pooling returns with returnIndices: true, got a float32 Tensor',
    );
    expect(() => F.maxUnpool1d(values, indices, { kernelSize: 2, outputSize: 6 })).toThrow(
      'maxUnpool1d: outputSize must be an array of 1 integer, or of 3 (N, C and the spatial sizes), got 6',
    );
  });
});
