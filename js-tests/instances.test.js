// poolkit.instances against scripts/cells/instances.py, the evaluation's reference
// (scripts/fixtures/instances.py): the same labels, count, areas and centroids, exactly.
import * as poolkit from 'poolkit';
import { decodeTensor, loadFixture } from './helpers/fixtures.js';

const fixture = loadFixture('instances');

beforeAll(() => poolkit.ready());

test.each(fixture.cases.map((c) => [c.name, c]))('%s', (name, c) => {
  const input = decodeTensor(c.logits);
  const logits = poolkit.tensor(input.values, input.shape);
  const expected = decodeTensor(c.labels);
  const got = poolkit.instances(logits, { minArea: c.min_area });
  expect(got.height).toBe(expected.shape[0]);
  expect(got.width).toBe(expected.shape[1]);
  expect(got.labels).toBeInstanceOf(Int32Array);
  expect(Array.from(got.labels)).toEqual(Array.from(expected.values));
  expect(got.count).toBe(c.count);
  expect(got.cells).toEqual(c.cells);
  logits.dispose();
});

test('minArea defaults to 0: every component is kept', () => {
  const c = fixture.cases.find((k) => k.name === 'the same with minArea 0 keeps every component');
  const input = decodeTensor(c.logits);
  const logits = poolkit.tensor(input.values, input.shape);
  expect(poolkit.instances(logits).cells).toEqual(c.cells);
  logits.dispose();
});

test('the logits are read, not changed or kept', () => {
  const c = fixture.cases.find((k) => k.name.startsWith('random 64x64'));
  const input = decodeTensor(c.logits);
  const logits = poolkit.tensor(input.values, input.shape);
  const before = poolkit.memoryStats().allocatedBytes;
  poolkit.instances(logits);
  expect(Array.from(logits.data)).toEqual(Array.from(input.values));
  expect(poolkit.memoryStats().allocatedBytes).toBe(before);
  logits.dispose();
});

describe('bad arguments are Errors naming the argument and the rule', () => {
  const make = (shape, dtype = Float32Array) => poolkit.tensor(new dtype(shape.reduce((a, b) => a * b, 1)), shape);

  test.each([
    ['an array', () => [[[0, 1]]], 'instances: logits must be a poolkit Tensor (UNet.segment\'s output), got [[[0, 1]]]'],
    ['an int32 tensor', () => make([2, 2, 2], Int32Array), 'instances: logits must be float32, got int32'],
    ['rank 2', () => make([2, 3]), 'instances: logits must be [1, C, H, W] or [C, H, W], got shape [2, 3]'],
    ['a batch of 2', () => make([2, 3, 4, 4]), 'instances: logits must be [1, C, H, W] or [C, H, W], got shape [2, 3, 4, 4]'],
    ['one channel', () => make([1, 1, 4, 4]), 'instances: logits must have at least 2 channels (background, cell[, boundary]), got shape [1, 1, 4, 4]'],
  ])('%s', (_, build, message) => {
    const logits = build();
    expect(() => poolkit.instances(logits)).toThrow(message);
    logits.dispose?.();
  });

  test('a disposed tensor', () => {
    const logits = make([3, 2, 2]);
    logits.dispose();
    expect(() => poolkit.instances(logits)).toThrow('instances: logits was disposed');
  });

  test.each([
    [-1, 'instances: minArea must be a non-negative integer, got -1'],
    [2.5, 'instances: minArea must be a non-negative integer, got 2.5'],
    ['3', 'instances: minArea must be a non-negative integer, got "3"'],
    [NaN, 'instances: minArea must be a non-negative integer, got NaN'],
  ])('minArea %p', (minArea, message) => {
    const logits = make([3, 2, 2]);
    expect(() => poolkit.instances(logits, { minArea })).toThrow(message);
    logits.dispose();
  });

  test('unknown options and a non-object', () => {
    const logits = make([3, 2, 2]);
    expect(() => poolkit.instances(logits, { min_area: 3 })).toThrow('instances: unknown option min_area; the options are minArea');
    expect(() => poolkit.instances(logits, 3)).toThrow('instances: options must be an object such as {minArea: 20}, got 3');
    logits.dispose();
  });
});
