import * as poolkit from 'poolkit';
import { loadFixture } from './helpers/fixtures.js';
import { disposeAll, expectSame, loadOpCases, reprCases, toTensor } from './helpers/max_family.js';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

// A case's options as poolkit takes them: randomSamples as a tensor, or (seeded cases) the
// generator seeded as PyTorch's was.
function prepare(c) {
  const { randomSamples, seed, ...options } = c.options;
  if (randomSamples) options.randomSamples = toTensor(randomSamples);
  const reseed = () => seed !== undefined && poolkit.manualSeed(seed);
  return { options, reseed };
}

describe.each([
  ['fractional_max_pool2d', 'fractionalMaxPool2d', 'FractionalMaxPool2d'],
  ['fractional_max_pool3d', 'fractionalMaxPool3d', 'FractionalMaxPool3d'],
])('%s matches PyTorch', (fixture, op, moduleName) => {
  const cases = loadOpCases(fixture);
  const valid = cases.filter((c) => c.output);
  const rejected = cases.filter((c) => !c.output);

  test('there are at least 60 generated cases, seeded ones, and rejected ones', () => {
    expect(valid.length).toBeGreaterThanOrEqual(60);
    expect(valid.filter((c) => c.options.seed !== undefined).length).toBe(3);
    expect(rejected.length).toBeGreaterThanOrEqual(15);
  });

  test.each(valid.map((c) => [c.name, c]))('%s, bit for bit', (_, c) => {
    const { options, reseed } = prepare(c);
    const x = toTensor(c.input);
    reseed();
    const [out, idx] = F[op](x, { ...options, returnIndices: true });
    expectSame(out, c.output);
    expectSame(idx, c.indices);
    reseed();
    const alone = F[op](x, options);
    expectSame(alone, c.output);
    reseed();
    const [moduleOut, moduleIdx] = new nn[moduleName]({ ...options, returnIndices: true }).forward(x);
    expectSame(moduleOut, c.output);
    expectSame(moduleIdx, c.indices);
    disposeAll(x, out, idx, alone, moduleOut, moduleIdx, options.randomSamples);
  });

  test.each(rejected.map((c) => [c.name, c.error ?? c.poolkitRejects, c]))(
    '%s is rejected (PyTorch: %s)',
    (_, __, c) => {
      const { options } = prepare(c);
      const x = toTensor(c.input);
      expect(() => F[op](x, options)).toThrow(new RegExp(`^${op}: `));
      disposeAll(x, options.randomSamples);
    },
  );

  test.each(reprCases(loadFixture(fixture)))('prints as PyTorch does: %s', (repr, make) => {
    expect(String(make())).toBe(repr);
  });
});

describe('random samples', () => {
  const x = () => poolkit.tensor(new Float32Array(2 * 3 * 9 * 9).map((_, i) => Math.sin(i)), [2, 3, 9, 9]);

  test('the same seed gives the same windows; the generator moves on between calls', () => {
    const input = x();
    poolkit.manualSeed(5);
    const first = F.fractionalMaxPool2d(input, { kernelSize: 2, outputSize: 5 });
    const second = F.fractionalMaxPool2d(input, { kernelSize: 2, outputSize: 5 });
    poolkit.manualSeed(5);
    const again = F.fractionalMaxPool2d(input, { kernelSize: 2, outputSize: 5 });
    expect(Array.from(again.data)).toEqual(Array.from(first.data));
    expect(Array.from(second.data)).not.toEqual(Array.from(first.data));
    expect(poolkit.initialSeed()).toBe(5);
  });

  test('randomSamples of the wrong shape or range are rejected with the rule', () => {
    const input = x();
    const samples = poolkit.tensor(new Float32Array(12).fill(0.5), [1, 3, 4]);
    expect(() => F.fractionalMaxPool2d(input, { kernelSize: 2, outputSize: 4, randomSamples: samples })).toThrow(
      new Error('fractionalMaxPool2d: randomSamples must have shape [2, 3, 2] (N, C, 2) or more rows, got shape [1, 3, 4]'),
    );
    const big = poolkit.tensor(new Float32Array(12).fill(0.5).fill(1.5, 7, 8), [2, 3, 2]);
    expect(() => F.fractionalMaxPool2d(input, { kernelSize: 2, outputSize: 4, randomSamples: big })).toThrow(
      new Error('fractionalMaxPool2d: randomSamples must lie in [0, 1), as torch.rand makes them, got 1.5 at randomSamples[1, 0, 1]'),
    );
    expect(() => poolkit.manualSeed(1.5)).toThrow('manualSeed: seed must be an integer (a safe integer or a BigInt), got 1.5');
  });

  test('the modules check their arguments as PyTorch\'s do', () => {
    expect(() => new nn.FractionalMaxPool2d(2, { outputRatio: 1 })).toThrow(
      'FractionalMaxPool2d: outputRatio must be between 0 and 1 (exclusive), got 1',
    );
    expect(() => new nn.FractionalMaxPool3d(2)).toThrow('fractionalMaxPool3d: outputSize or outputRatio is required');
    expect(() => new nn.FractionalMaxPool2d(2, 3, 0.5)).toThrow('fractionalMaxPool2d: give outputSize or outputRatio, not both');
    const samples = poolkit.tensor(new Float32Array(12).fill(0.25), [2, 3, 2]);
    const pool = new nn.FractionalMaxPool2d(2, 4, null, true, samples);
    expect(pool.randomSamples).toBe(samples);
    const [out, idx] = pool.forward(x());
    expect(out.shape).toEqual([2, 3, 4, 4]);
    expect(idx.dtype).toBe('int32');
  });
});
