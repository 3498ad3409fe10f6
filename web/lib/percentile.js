// numpy's percentiles of a float32 image, without sorting or copying it: an 8192 x 8192 image
// lives in the wasm heap, and a sorted copy would need as much memory again. A radix select on
// the float bits finds the two order statistics each percentile interpolates between.

const BUCKETS = 1 << 16;
const NON_FINITE = 0x7f800000;

// The float32 bits as a uint32 whose unsigned order is the floats' order (-0.0 before +0.0):
// negatives flipped whole, positives above them.
const orderKey = (bits) => (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;
const fromKey = (key) => (key & 0x80000000 ? key & 0x7fffffff : ~key) >>> 0;

const asFloat = new Float32Array(1);
const asBits = new Uint32Array(asFloat.buffer);

/** The index of the first NaN or +-Infinity in `values`, or -1. */
export function firstNonFinite(values) {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  for (let i = 0; i < bits.length; i++) {
    if ((bits[i] & NON_FINITE) === NON_FINITE) return i;
  }
  return -1;
}

/**
 * The values at 0-based positions `ranks` of `values` (a Float32Array of finite numbers) once
 * sorted ascending, -0.0 before +0.0. Two passes: a histogram of the keys' top 16 bits finds
 * each rank's bucket, a second one of the low 16 bits within those buckets finds the key.
 */
export function orderStatistics(values, ranks) {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const high = new Uint32Array(BUCKETS);
  for (let i = 0; i < bits.length; i++) high[orderKey(bits[i]) >>> 16]++;
  const found = ranks.map((rank) => {
    let bucket = 0;
    let below = 0;
    while (below + high[bucket] <= rank) below += high[bucket++];
    return { bucket, rest: rank - below };
  });
  // One low-bit histogram per distinct bucket (at most one per rank), filled in one pass.
  const buckets = [...new Set(found.map((f) => f.bucket))];
  const slotOf = new Int32Array(BUCKETS).fill(-1);
  buckets.forEach((bucket, i) => (slotOf[bucket] = i));
  const low = new Uint32Array(buckets.length * BUCKETS);
  for (let i = 0; i < bits.length; i++) {
    const key = orderKey(bits[i]);
    const at = slotOf[key >>> 16];
    if (at >= 0) low[at * BUCKETS + (key & 0xffff)]++;
  }
  return found.map(({ bucket, rest }) => {
    const start = slotOf[bucket] * BUCKETS;
    let slot = 0;
    let below = 0;
    while (below + low[start + slot] <= rest) below += low[start + slot++];
    asBits[0] = fromKey(((bucket << 16) | slot) >>> 0);
    return asFloat[0];
  });
}

// numpy 1.24's _get_indexes and _lerp for method='linear', step for step: which neighbours,
// the weight, and the interpolation from the nearer end (which decides the sign of a zero).
function placement(p, n) {
  const index = (n - 1) * (p / 100);
  let previous = Math.floor(index);
  let next = previous + 1;
  // numpy takes the last element for both, and the weight from the index it moved to (-1).
  if (index >= n - 1) previous = next = -1;
  return { previous, next, gamma: index - previous };
}

function lerp(a, b, t) {
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

/**
 * np.percentile(values.astype(float64), ps) with the default 'linear' method, bit for bit:
 * doubles. `values`: a non-empty Float32Array of finite numbers.
 */
export function percentiles(values, ps) {
  const n = values.length;
  const at = (i) => (i < 0 ? n + i : i);
  const places = ps.map((p) => placement(p, n));
  const ranks = [...new Set(places.flatMap(({ previous, next }) => [at(previous), at(next)]))];
  const sorted = new Map(orderStatistics(values, ranks).map((v, i) => [ranks[i], v]));
  return places.map(({ previous, next, gamma }) => lerp(sorted.get(at(previous)), sorted.get(at(next)), gamma));
}

/**
 * The percentile preprocessing of a whole image (every channel together): lo and hi from
 * `percentiles`, and map(x) = (x - lo) / (hi - lo + 1e-20) in doubles, which stored into a
 * Float32Array rounds as numpy's astype(float32) does. Throws, naming `name`, on a NaN or an
 * infinity, which have no place among percentiles.
 */
export function percentileMapping(op, name, values, { low, high }) {
  const bad = firstNonFinite(values);
  if (bad >= 0) {
    throw new Error(`${op}: ${name} must hold only finite values for the model's percentile preprocessing, got ${values[bad]} at flat index ${bad}`);
  }
  const [lo, hi] = percentiles(values, [low, high]);
  const denominator = hi - lo + 1e-20;
  return { lo, hi, map: (x) => (x - lo) / denominator };
}
