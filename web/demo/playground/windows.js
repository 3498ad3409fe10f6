// Which input positions an output cell reads, per spatial dimension, by PyTorch's rules. Used
// only to draw the hovered window; every number on the page comes from poolkit.

/** Positions along one dimension, including those that fall in the padding (< 0 or >= size). */
export function windowPositions(op, o, { size, kernel, stride, padding, dilation, outputSize }) {
  if (op.adaptive) {
    const start = Math.floor((o * size) / outputSize);
    const end = Math.ceil(((o + 1) * size) / outputSize);
    return Array.from({ length: end - start }, (_, i) => start + i);
  }
  const first = o * stride - padding;
  const positions = Array.from({ length: kernel }, (_, i) => first + i * dilation);
  // In ceil mode the last window may hang past the padding: those positions do not exist.
  return positions.filter((p) => p < size + padding);
}

/** The output-size formula for one dimension with the numbers plugged in, as text. */
export function sizeFormula(op, { size, kernel, stride, padding, dilation, outputSize, ceilMode }, out) {
  if (op.adaptive) return `out = output_size = ${outputSize}; window i covers ⌊i·${size}/${outputSize}⌋ … ⌈(i+1)·${size}/${outputSize}⌉`;
  const [open, close] = ceilMode ? ['⌈', '⌉'] : ['⌊', '⌋'];
  const d = op.params.includes('dilation') ? `${dilation}·` : '';
  const text = `out = ${open}(${size} + 2·${padding} − ${d}(${kernel} − 1) − 1) / ${stride}${close} + 1`;
  const note = ceilMode ? ' (in ceil mode the last window must start inside the input or the left padding)' : '';
  return `${text} = ${out}${note}`;
}
