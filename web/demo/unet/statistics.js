// Does an image look like the ones the model was trained on? The training export records, over
// its training images, the range of three statistics of each image after the model's percentile
// normalization; an image far outside any of them is not what the model learnt, and a mask of it
// is a guess. The arithmetic follows scripts/cells/normalize.py (numpy, float64).

/**
 * {mean, std, skewness} of the grey image once normalized as the model does it,
 * (x - lo) / (hi - lo + 1e-20), with lo and hi from UNet.preprocessingBounds (the image's
 * percentiles); std is the population std.
 */
export function normalizedStatistics(grey, { lo, hi }) {
  const scale = hi - lo + 1e-20;
  const n = grey.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (grey[i] - lo) / scale;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = (grey[i] - lo) / scale - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  const std = Math.sqrt(m2 / n);
  return { mean, std, skewness: std > 0 ? m3 / n / std ** 3 : 0 };
}

/**
 * The statistics outside their ranges ({name: [lo, hi]}): [{name, value, range}], [] if none.
 * The ranges are already the extremes over hundreds of training images drawn with randomized
 * cells, backgrounds and cameras, so outside them is far from anything the model saw.
 */
export function outOfRange(statistics, ranges) {
  return Object.entries(ranges)
    .filter(([name, range]) => name in statistics && Array.isArray(range) && range.length === 2)
    .filter(([name, [lo, hi]]) => statistics[name] < lo || statistics[name] > hi)
    .map(([name, range]) => ({ name, value: statistics[name], range }));
}

/**
 * The mean spread between a pixel's largest and smallest channel, as a fraction of 255: 0 for a
 * grey image; JPEG noise on a grey image stays well under COLOUR_SPREAD, photos are 0.2 to 0.4.
 */
export function colourSpread(rgba) {
  let total = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const r = rgba[i];
    const g = rgba[i + 1];
    const b = rgba[i + 2];
    total += Math.max(r, g, b) - Math.min(r, g, b);
  }
  return total / (rgba.length / 4) / 255;
}

export const COLOUR_SPREAD = 0.05;

/** The input_statistics ranges from a model's __metadata__ strings, or null when it has none. */
export function trainingRanges(metadata) {
  const text = metadata?.input_statistics;
  if (typeof text !== 'string') return null;
  try {
    const ranges = JSON.parse(text);
    return ranges && typeof ranges === 'object' ? ranges : null;
  } catch {
    return null; // a model whose metadata we cannot read gets no warning rather than a wrong one
  }
}

const NAMES = { mean: 'mean brightness', std: 'contrast (std)', skewness: 'skewness' };
const round = (x) => (Math.abs(x) >= 10 ? x.toFixed(0) : x.toFixed(2));

/** The warnings' reasons, in words, for an image's checks; [] when it looks like training data. */
export function describeReasons({ spread, outside }) {
  const reasons = [];
  if (spread > COLOUR_SPREAD) {
    reasons.push(`it is in colour (its red, green and blue differ by ${(100 * spread).toFixed(0)}% on average), and fluorescence images have one channel`);
  }
  for (const { name, value, range } of outside) {
    reasons.push(`its normalized ${NAMES[name] ?? name} is ${round(value)}, where the training images range over ${round(range[0])} to ${round(range[1])}`);
  }
  return reasons;
}
