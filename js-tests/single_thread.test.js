// The single-threaded build, which browsers without cross-origin isolation get: the same API
// and PyTorch's numbers.
import * as poolkit from 'poolkit';
import { bits, hashedInput, loadCases, loadLargeCases } from './helpers/fixtures.js';

beforeAll(() => poolkit.ready({ threads: 1 }));

test('ready({threads: 1}) loads the single-threaded build', () => {
  expect(poolkit.runtimeInfo()).toEqual({ simd: true, threads: 1, build: 'single', fallbackReason: null });
});

test('maxPool2d matches the PyTorch fixtures', () => {
  const cases = [...loadCases('max_pool2d').filter((c) => !c.error), ...loadLargeCases('max_pool2d')];
  for (const c of cases) {
    const shape = c.input?.shape ?? c.inputShape;
    const x = poolkit.tensor(c.input?.values ?? hashedInput(shape), shape);
    const out = poolkit.functional.maxPool2d(x, c.options);
    expect(bits(out.data)).toEqual(bits(c.output.values));
    x.dispose();
    out.dispose();
  }
});
