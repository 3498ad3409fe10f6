import * as poolkit from 'poolkit';
import { loadCases, loadFixture } from './helpers/fixtures.js';
import { disposeAll, expectSame, reprCases, toTensor } from './helpers/max_family.js';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

describe.each([
  ['max_pool1d', 'maxPool1d', 'MaxPool1d'],
  ['max_pool3d', 'maxPool3d', 'MaxPool3d'],
])('%s matches PyTorch', (fixture, op, moduleName) => {
  const cases = loadCases(fixture);
  const valid = cases.filter((c) => !c.error);
  const rejected = cases.filter((c) => c.error);

  test('there are at least 60 generated cases and 12 rejected ones', () => {
    expect(valid.length).toBeGreaterThanOrEqual(60);
    expect(rejected.length).toBeGreaterThanOrEqual(12);
  });

  test.each(valid.map((c) => [c.name, c]))('%s, bit for bit', (_, c) => {
    const x = toTensor(c.input);
    const [out, idx] = F[op](x, { ...c.options, returnIndices: true });
    expectSame(out, c.output);
    expectSame(idx, c.indices);
    const alone = F[op](x, c.options); // the kernel instantiation without indices
    expectSame(alone, c.output);
    const module = new nn[moduleName]({ ...c.options, returnIndices: true });
    const [moduleOut, moduleIdx] = module.forward(x);
    expectSame(moduleOut, c.output);
    expectSame(moduleIdx, c.indices);
    disposeAll(x, out, idx, alone, moduleOut, moduleIdx);
  });

  test.each(rejected.map((c) => [c.name, c.error, c]))('%s (PyTorch: %s)', (_, __, c) => {
    const x = toTensor(c.input);
    expect(() => F[op](x, c.options)).toThrow(new RegExp(`^${op}: `));
    x.dispose();
  });

  test.each(reprCases(loadFixture(fixture)))('prints as PyTorch does: %s', (repr, make) => {
    expect(String(make())).toBe(repr);
  });
});

describe('the API forms', () => {
  const ramp = () => poolkit.tensor(new Float32Array(8).map((_, i) => i), [1, 1, 8]);

  test('maxPool1d takes a kernel size alone, an options object, and unbatched input', () => {
    expect(F.maxPool1d(ramp(), 2).tolist()).toEqual([[[1, 3, 5, 7]]]);
    expect(F.maxPool1d(ramp(), [3]).tolist()).toEqual([[[2, 5]]]);
    const unbatched = poolkit.tensor([[4, 1, 3, 9, 2]]);
    const [out, idx] = F.maxPool1d(unbatched, { kernelSize: 2, stride: 1, returnIndices: true });
    expect(out.tolist()).toEqual([[4, 3, 9, 9]]);
    expect(idx.tolist()).toEqual([[0, 2, 3, 3]]);
  });

  test('nn.MaxPool3d takes PyTorch positional order, and forward returns [output, indices] with returnIndices', () => {
    const x = poolkit.tensor(new Float32Array(64).map((_, i) => i), [1, 1, 4, 4, 4]);
    const [out, idx] = new nn.MaxPool3d(2, 2, 0, 1, true).forward(x);
    expect(out.shape).toEqual([1, 1, 2, 2, 2]);
    expect(Array.from(idx.data)).toEqual([21, 23, 29, 31, 53, 55, 61, 63]);
    expect(idx.dtype).toBe('int32');
  });
});
