import * as poolkit from 'poolkit';
import { bits, loadCases } from './helpers/fixtures.js';

const { functional: F, nn } = poolkit;
const cases = loadCases('relu');

beforeAll(() => poolkit.ready());

describe('matches PyTorch bit for bit, -0 and NaN included', () => {
  test('there are at least 40 generated cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  test.each(cases.map((c) => [c.name, c]))('%s', (_, c) => {
    const x = poolkit.tensor(c.input.values, c.input.shape);
    const out = F.relu(x);
    expect(out.shape).toEqual(c.output.shape);
    expect(bits(out.data)).toEqual(bits(c.output.values));
    expect(bits(new nn.ReLU().forward(x).data)).toEqual(bits(c.output.values));
    x.dispose();
    out.dispose();
  });
});

test('any rank, and PyTorch print form', () => {
  expect(F.relu(poolkit.tensor([[-1, 2], [3, -4]])).tolist()).toEqual([[0, 2], [3, 0]]);
  expect(F.relu(poolkit.tensor([-5], [])).shape).toEqual([]);
  expect(String(new nn.ReLU())).toBe('ReLU()');
});

test('inplace cannot be honoured by immutable tensors', () => {
  const message = 'relu: inplace must be false: poolkit tensors are immutable, so relu returns a new tensor';
  expect(() => F.relu(poolkit.tensor([1], [1]), { inplace: true })).toThrow(new Error(message));
  expect(() => new nn.ReLU(true)).toThrow(new Error(message));
  expect(() => F.relu(poolkit.tensor(new Int32Array(2), [2]))).toThrow('relu: input must be float32, got int32');
});
