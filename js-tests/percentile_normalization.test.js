// The model's percentile preprocessing (web/lib/percentile.js) against numpy
// (scripts/fixtures/percentile_normalization.py): np.percentile's linear method bit for bit,
// found by a radix select on the float bits instead of a sort, and the float32 values segment
// feeds the network equal to the fixture's normalized images.
import { loadFixture, decodeTensor, bits } from './helpers/fixtures.js';
import { firstNonFinite, percentileMapping, percentiles } from '../web/lib/percentile.js';

const fixture = loadFixture('percentile_normalization');
const pairs = fixture.cases.flatMap((c) => c.pairs.map((pair) => [`${c.name}, ${pair.low}..${pair.high}`, decodeTensor(c.image).values, pair]));

// -0.0 and 0.0 as the same bits: where numpy's sign of a zero depends on the pixels' order.
const zeroBlind = (floats) => bits(floats).map((b) => (b === 0x80000000 ? 0 : b));

test.each(pairs)('%s: lo and hi are numpy\'s', (name, values, pair) => {
  const got = percentiles(values, [pair.low, pair.high]);
  ['lo', 'hi'].forEach((which, i) => {
    // A value numpy gave for some order of the pixels; its own order's unless that is not
    // determined by the values alone.
    const signs = pair.over_orders[which].map(Number);
    expect({ name, which, seen: signs.some((v) => Object.is(v, got[i])) }).toEqual({ name, which, seen: true });
    if (!pair.order_dependent) expect(Object.is(got[i], Number(pair[which]))).toBe(true);
  });
});

test.each(pairs)('%s: the values fed to the network are numpy\'s normalized image', (name, values, pair) => {
  const { lo, hi, map } = percentileMapping('test', 'image', values, pair);
  const fed = Float32Array.from(values, map);
  const expected = decodeTensor(pair.normalized).values;
  if (Object.is(lo, Number(pair.lo)) && Object.is(hi, Number(pair.hi))) {
    expect(bits(fed)).toEqual(bits(expected));
  } else {
    expect(pair.order_dependent).toBe(true);
    expect(zeroBlind(fed)).toEqual(zeroBlind(expected));
  }
});

test('NaN and infinities are refused, naming the image and the index', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const values = new Float32Array([0.5, 1, bad, 2]);
    expect(firstNonFinite(values)).toBe(2);
    expect(() => percentileMapping('UNet.segment', 'image', values, { low: 1, high: 99.8 })).toThrow(
      `UNet.segment: image must hold only finite values for the model's percentile preprocessing, got ${bad} at flat index 2`,
    );
  }
  expect(firstNonFinite(new Float32Array([3.4e38, -3.4e38, -0]))).toBe(-1);
});
