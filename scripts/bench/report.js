// What both steady-state benchmarks (run.js in Node, browser_run.js in Chromium) print with:
// the agreement measure, medians of medians and number formats.

/** Largest difference relative to the reference's largest magnitude. */
export function relativeDifference(a, b) {
  if (a.length !== b.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return diff / (scale || 1);
}

/** The median of the values that are there (null when none is). */
export function medianOf(values) {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
}

export const fmt = (v, digits = 1) => (v == null || Number.isNaN(v) ? '—' : v.toFixed(digits));
// Milliseconds: two decimals below 10 ms, where the pooling cases live.
export const fmtMs = (v) => fmt(v, v != null && v < 10 ? 2 : 1);

/** A Float32Array over a Buffer's bytes (copied, so it is aligned). */
export const floats = (bytes) => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
