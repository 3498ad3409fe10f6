// The threaded build (what ready() picks in Node): large inputs split across the pool must give
// PyTorch's bits with any thread count.
import * as poolkit from 'poolkit';
import { bits, hashedInput, loadLargeCases } from './helpers/fixtures.js';

beforeAll(() => poolkit.ready({ threads: 2 }));
afterEach(() => poolkit.setNumThreads(2));

test('ready({threads: 2}) starts the threaded build with two threads', () => {
  expect(poolkit.runtimeInfo()).toEqual({ simd: true, threads: 2, build: 'threads', fallbackReason: null });
});

test.each(loadLargeCases('max_pool2d').map((c) => [c.name, c]))('%s matches PyTorch on 2 threads and on 1', (_, c) => {
  const x = poolkit.tensor(hashedInput(c.inputShape), c.inputShape);
  for (const threads of [2, 1]) {
    poolkit.setNumThreads(threads);
    expect(poolkit.getNumThreads()).toBe(threads);
    const [out, idx] = poolkit.functional.maxPool2d(x, { ...c.options, returnIndices: true });
    expect(out.shape).toEqual(c.output.shape);
    expect(bits(out.data)).toEqual(bits(c.output.values));
    if (c.indices) expect(Array.from(idx.data)).toEqual(Array.from(c.indices.values));
    out.dispose();
    idx.dispose();
  }
  x.dispose();
});

test('setNumThreads rejects what is not a positive integer and caps at the pool', () => {
  expect(() => poolkit.setNumThreads(0)).toThrow('setNumThreads: threads must be a positive integer, got 0');
  poolkit.setNumThreads(64);
  expect(poolkit.getNumThreads()).toBe(2);
});
