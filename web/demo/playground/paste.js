// Numbers as people type or paste them: one per grid cell, or a whole grid as rows of text,
// NumPy/PyTorch printouts (`tensor([[1., 2.], [3., 4.]])`) or JSON.

// A number as a user types it; 'nan', 'inf' and '-inf' included, as PyTorch prints them.
export function parseNumber(text) {
  const t = String(text).trim().toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === '+inf') return Infinity;
  if (t === '-inf') return -Infinity;
  const v = t === '' ? NaN : Number(t);
  if (Number.isNaN(v)) throw new Error(`"${String(text).trim()}" is not a number`);
  return v;
}

// Nested brackets, as Python prints a list or a tensor: parsed as JSON after making Python's
// spellings JSON's (`1.` -> `1.0`, `(` -> `[`, nan/inf as strings for parseNumber).
function parseNested(text) {
  const json = text
    .slice(text.search(/[[(]/), text.search(/[\])][^\])]*$/) + 1)
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/(\d)\.(?!\d)/g, '$1.0')
    .replace(/([+-]?(?:nan|inf))/gi, '"$1"')
    .replace(/,\s*]/g, ']');
  let nested;
  try {
    nested = JSON.parse(json);
  } catch {
    throw new Error('could not read the brackets: paste rows like [[1, 2], [3, 4]]');
  }
  const depth = (v) => (Array.isArray(v) ? 1 + depth(v[0]) : 0);
  // Leading dimensions of size 1 (batch, channel) are dropped: a 1x1x4x4 tensor is one 4x4 grid.
  while (depth(nested) > 3 && nested.length === 1) nested = nested[0];
  if (depth(nested) > 3) throw new Error('paste at most three dimensions (depth, rows, columns)');
  const volume = depth(nested) === 3 ? nested : depth(nested) === 2 ? [nested] : [[nested]];
  return volume.map((slice) => slice.map((row) => (Array.isArray(row) ? row : [row]).map(parseNumber)));
}

// Rows of text: one row per line (or per semicolon, as in MATLAB's [1 2; 3 4]), numbers split
// by spaces, commas or tabs; a blank line starts the next depth slice.
function parseLines(text) {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split(/[\n;]/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => line.split(/[\s,]+/).filter(Boolean).map(parseNumber)),
    );
}

/** A volume (slices of rows of numbers) from pasted text. */
export function parseVolume(text) {
  const volume = /[[(]/.test(text) ? parseNested(text) : parseLines(text);
  const width = volume[0]?.[0]?.length;
  const same = volume.every((s) => s.length === volume[0].length && s.every((r) => r.length === width));
  if (!width || !same) throw new Error('paste rows of equal length, numbers separated by spaces or commas');
  return volume;
}

/**
 * Fits a volume to a view's limits ([depth, rows, cols]) by keeping its first slices, rows and
 * columns; says what was cut, or returns an empty note.
 */
export function clampVolume(volume, limits) {
  const size = [volume.length, volume[0].length, volume[0][0].length];
  const kept = size.map((n, i) => Math.min(n, limits[i]));
  const clamped = volume.slice(0, kept[0]).map((s) => s.slice(0, kept[1]).map((r) => r.slice(0, kept[2])));
  const cut = size.some((n, i) => n > limits[i]);
  const shape = (s) => s.filter((_, i) => limits[i] > 1 || size[i] > 1).join('×');
  const note = cut ? `Pasted ${shape(size)}; kept the first ${shape(kept)}, the largest this view shows (${shape(limits)}).` : '';
  return { volume: clamped, note };
}
