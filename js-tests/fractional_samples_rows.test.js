// randomSamples may have more rows than the batch, as in current PyTorch (its
// FractionalMaxPool3d_ratio_no_batch_dim and _size_no_batch_dim module tests pass samples of
// shape [2, 4, 3] with an unbatched input); the first N rows are used.
import * as poolkit from 'poolkit';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

const wave = (shape) => poolkit.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).map((_, i) => Math.sin(i * 1.7)), shape);
// Distinct values in [0, 1), so another row would move the windows.
const samples = (shape, seed) => poolkit.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).map((_, i) => (i * 0.37 + seed) % 1), shape);
const rowsOf = (t, from, to) => {
  const row = t.shape[1] * t.shape[2];
  return poolkit.tensor(t.data.slice(from * row, to * row), [to - from, ...t.shape.slice(1)]);
};
const firstRows = (t, rows) => rowsOf(t, 0, rows);

const values = (result) => [result[0].tolist(), result[1].tolist()];

describe.each([
  ['unbatched 3d, samples [2, 4, 3] (PyTorch\'s no_batch_dim module tests)', 'fractionalMaxPool3d', [4, 7, 7, 7], [2, 4, 3], 1, { outputSize: [3, 3, 3] }],
  ['unbatched 3d with outputRatio', 'fractionalMaxPool3d', [4, 7, 7, 7], [2, 4, 3], 1, { outputRatio: 0.5 }],
  ['unbatched 2d', 'fractionalMaxPool2d', [3, 9, 9], [3, 3, 2], 1, { outputSize: 4 }],
  ['batched 2d, 2 of 5 rows', 'fractionalMaxPool2d', [2, 3, 9, 9], [5, 3, 2], 2, { outputSize: [4, 5] }],
])('%s', (_, op, inputShape, samplesShape, n, sizeOptions) => {
  test('uses the first N rows: the same result as samples holding only those rows', () => {
    const x = wave(inputShape);
    const many = samples(samplesShape, 0.05);
    const options = { kernelSize: 2, returnIndices: true, ...sizeOptions };
    const got = F[op](x, { ...options, randomSamples: many });
    const expected = F[op](x, { ...options, randomSamples: firstRows(many, n) });
    expect(values(got)).toEqual(values(expected));
    expect(got[0].shape).toEqual(expected[0].shape);
    // The rows matter: the next N give other windows, so the comparison above can fail.
    const other = F[op](x, { ...options, randomSamples: rowsOf(many, n, 2 * n) });
    expect(values(other)).not.toEqual(values(expected));
  });

  test('the rows after the first N are not read, even when out of range', () => {
    const x = wave(inputShape);
    const good = samples(samplesShape, 0.05);
    const tail = good.data.slice();
    tail.fill(7, n * samplesShape[1] * samplesShape[2]);
    const tailed = poolkit.tensor(tail, samplesShape);
    const options = { kernelSize: 2, returnIndices: true, ...sizeOptions };
    const got = F[op](x, { ...options, randomSamples: tailed });
    expect(values(got)).toEqual(values(F[op](x, { ...options, randomSamples: firstRows(good, n) })));
  });

  test('the nn module takes them too', () => {
    const x = wave(inputShape);
    const many = samples(samplesShape, 0.05);
    const Module = nn[op[0].toUpperCase() + op.slice(1)];
    const pool = new Module({ kernelSize: 2, randomSamples: many, ...sizeOptions });
    const expected = F[op](x, { kernelSize: 2, randomSamples: firstRows(many, n), ...sizeOptions });
    expect(pool.forward(x).tolist()).toEqual(expected.tolist());
  });
});

test('fewer rows than the batch are still an Error', () => {
  const x = wave([3, 2, 9, 9]);
  expect(() => F.fractionalMaxPool2d(x, { kernelSize: 2, outputSize: 4, randomSamples: samples([2, 2, 2], 0.1) })).toThrow(
    /^fractionalMaxPool2d: randomSamples must have .*got shape \[2, 2, 2\]$/,
  );
});

test('a wrong channel count or last dimension is still an Error, whatever the rows', () => {
  const x = wave([1, 2, 9, 9]);
  expect(() => F.fractionalMaxPool2d(x, { kernelSize: 2, outputSize: 4, randomSamples: samples([3, 3, 2], 0.1) })).toThrow(
    /^fractionalMaxPool2d: randomSamples must have .*got shape \[3, 3, 2\]$/,
  );
  expect(() => F.fractionalMaxPool2d(x, { kernelSize: 2, outputSize: 4, randomSamples: samples([3, 2, 3], 0.1) })).toThrow(
    /^fractionalMaxPool2d: randomSamples must have .*got shape \[3, 2, 3\]$/,
  );
});
