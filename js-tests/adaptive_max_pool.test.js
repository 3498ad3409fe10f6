import * as poolkit from 'poolkit';
import { loadFixture } from './helpers/fixtures.js';
import { disposeAll, expectSame, loadOpCases, reprCases, toTensor } from './helpers/max_family.js';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

describe.each([
  ['adaptive_max_pool1d', 'adaptiveMaxPool1d', 'AdaptiveMaxPool1d'],
  ['adaptive_max_pool2d', 'adaptiveMaxPool2d', 'AdaptiveMaxPool2d'],
  ['adaptive_max_pool3d', 'adaptiveMaxPool3d', 'AdaptiveMaxPool3d'],
])('%s matches PyTorch', (fixture, op, moduleName) => {
  const cases = loadOpCases(fixture);
  const valid = cases.filter((c) => c.output);
  const rejected = cases.filter((c) => !c.output);

  test('there are at least 60 generated cases, and rejected ones', () => {
    expect(valid.length).toBeGreaterThanOrEqual(60);
    expect(rejected.length).toBeGreaterThanOrEqual(7);
  });

  test.each(valid.map((c) => [c.name, c]))('%s, bit for bit', (_, c) => {
    const x = toTensor(c.input);
    const [out, idx] = F[op](x, { ...c.options, returnIndices: true });
    expectSame(out, c.output);
    expectSame(idx, c.indices);
    const alone = F[op](x, c.options);
    expectSame(alone, c.output);
    const [moduleOut, moduleIdx] = new nn[moduleName](c.options.outputSize, true).forward(x);
    expectSame(moduleOut, c.output);
    expectSame(moduleIdx, c.indices);
    expectSame(new nn[moduleName](c.options).forward(x), c.output);
    disposeAll(x, out, idx, alone, moduleOut, moduleIdx);
  });

  test.each(rejected.map((c) => [c.name, c.error ?? c.poolkitRejects, c]))(
    '%s is rejected (PyTorch: %s)',
    (_, __, c) => {
      const x = toTensor(c.input);
      expect(() => F[op](x, c.options)).toThrow(new RegExp(`^${op}: `));
      x.dispose();
    },
  );

  test.each(reprCases(loadFixture(fixture)))('prints as PyTorch does: %s', (repr, make) => {
    expect(String(make())).toBe(repr);
  });
});

describe('the API forms', () => {
  const x = () => poolkit.tensor(new Float32Array(2 * 4 * 6).map((_, i) => (i * 7) % 11), [2, 4, 6]);

  test('an output size alone is shorthand for {outputSize}, and null keeps an input size', () => {
    expect(F.adaptiveMaxPool2d(x(), 2).shape).toEqual([2, 2, 2]);
    expect(F.adaptiveMaxPool2d(x(), [null, 3]).shape).toEqual([2, 4, 3]);
    expect(F.adaptiveMaxPool2d(x(), { outputSize: [3, null] }).shape).toEqual([2, 3, 6]);
  });

  test('outputSize is checked where PyTorch checks it, and where PyTorch accepts nonsense', () => {
    expect(() => F.adaptiveMaxPool2d(x(), [3])).toThrow(
      'adaptiveMaxPool2d: outputSize must be an integer or an array of 2 integers or nulls (null keeps that input size), got [3]',
    );
    expect(() => F.adaptiveMaxPool1d(x(), [null])).toThrow(
      'adaptiveMaxPool1d: outputSize must be an integer (adaptive 1d pooling has no null, as in PyTorch), got [null]',
    );
    expect(() => F.adaptiveMaxPool1d(x(), null)).toThrow('adaptiveMaxPool1d: outputSize is required');
    expect(() => F.adaptiveMaxPool2d(x(), [0, 2])).toThrow(
      'adaptiveMaxPool2d: outputSize must be at least 1 in every dimension, got outputSize=[0, 2]',
    );
    expect(() => F.adaptiveMaxPool3d(x(), 2)).toThrow(
      'adaptiveMaxPool3d: input must be 4D or 5D (C, D, H, W) or (N, C, D, H, W), got a 3D tensor of shape [2, 4, 6]',
    );
    expect(() => new nn.AdaptiveMaxPool2d({ outputsize: 2 })).toThrow(
      'adaptiveMaxPool2d: unknown option outputsize; the options are outputSize, returnIndices',
    );
  });
});
