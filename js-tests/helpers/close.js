// Tolerance checks for results whose summation order differs from PyTorch's.

/**
 * The largest |got - expected| over the largest finite |expected| (at least 1e-3), or Infinity
 * when NaN appears in one and not the other.
 */
export function relativeError(got, expected) {
  if (got.length !== expected.length) return Infinity;
  let magnitude = 1e-3;
  for (const e of expected) if (Number.isFinite(e)) magnitude = Math.max(magnitude, Math.abs(e));
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    if (Number.isNaN(expected[i]) !== Number.isNaN(got[i])) return Infinity;
    if (!Number.isNaN(expected[i])) worst = Math.max(worst, Math.abs(got[i] - expected[i]));
  }
  return worst / magnitude;
}
