// The preprocessing a model was trained with, as its .safetensors __metadata__ records it:
// "preprocessing" holds JSON such as {"type": "percentile", "low": 1, "high": 99.8} (the image's
// low-th to high-th percentile mapped to 0..1; scripts/cells/normalize.py). A model whose
// record poolkit cannot apply exactly is refused at load: segmenting with other inputs than the
// training saw would give wrong cells without any error.

const KEYS = ['type', 'low', 'high'];

const isPercent = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** The parsed, frozen preprocessing of `metadata` (strings by key), or null when it has none. */
export function readPreprocessing(op, metadata) {
  if (!Object.hasOwn(metadata, 'preprocessing')) return null;
  const text = metadata.preprocessing;
  const where = `${op}: __metadata__.preprocessing`;
  let value;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${where} must be JSON such as {"type": "percentile", "low": 1, "high": 99.8}, got ${JSON.stringify(text)} (${cause.message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where} must be a JSON object such as {"type": "percentile", "low": 1, "high": 99.8}, got ${text}`);
  }
  if (value.type !== 'percentile') {
    throw new Error(`${where} has type ${JSON.stringify(value.type)}; the only type poolkit applies is "percentile"`);
  }
  const unknown = Object.keys(value).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) {
    throw new Error(`${where} has unknown keys ${unknown.join(', ')}; a percentile preprocessing has ${KEYS.join(', ')}`);
  }
  const { low, high } = value;
  if (!isPercent(low) || !isPercent(high)) {
    throw new Error(`${where} must have low and high percentiles, numbers from 0 to 100, got low ${JSON.stringify(low)} and high ${JSON.stringify(high)}`);
  }
  if (!(low < high)) throw new Error(`${where} must have low < high, got low ${low} and high ${high}`);
  return Object.freeze({ type: 'percentile', low, high });
}
