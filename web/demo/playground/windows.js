// Which input positions an output cell reads, per spatial dimension, by PyTorch's rules, and the
// output-size formula with each number named. Used to draw windows and explain them; every
// output number on the page comes from poolkit.

/**
 * FractionalMaxPool's window starts along one dimension, as ATen's generate_intervals computes
 * them in float32: alpha = (in - k) / (out - 1), start i = int((i + u)·alpha) - int(u·alpha), and
 * the last window ends at the input's end.
 */
export function fractionalStarts(size, kernel, out, sample) {
  const f = Math.fround;
  const starts = [];
  if (out > 1) {
    const alpha = f(f(size - kernel) / f(out - 1));
    for (let i = 0; i < out - 1; i++) starts.push(Math.trunc(f(f(i + f(sample)) * alpha)) - Math.trunc(f(f(sample) * alpha)));
  }
  starts.push(size - kernel);
  return starts;
}

/** Positions along one dimension, including those that fall in the padding (< 0 or >= size). */
export function windowPositions(op, o, { size, kernel, stride, padding, dilation, outputSize, sample }) {
  const range = (start, length, step = 1) => Array.from({ length }, (_, i) => start + i * step);
  if (op.adaptive) {
    const start = Math.floor((o * size) / outputSize);
    return range(start, Math.ceil(((o + 1) * size) / outputSize) - start);
  }
  if (op.fractional) return range(fractionalStarts(size, kernel, outputSize, sample)[o], kernel);
  // In ceil mode the last window may hang past the padding: those positions do not exist.
  return range(o * stride - padding, kernel, dilation).filter((p) => p < size + padding);
}

/**
 * The output-size rule for one dimension: `names` (the formula in PyTorch's argument names),
 * `numbers` (the same with this view's numbers in) and the result `out`, which is poolkit's
 * (undefined when poolkit refused the settings).
 */
export function sizeFormula(op, args, out) {
  const { size, kernel, stride, padding, dilation, outputSize, ceilMode } = args;
  if (op.adaptive) {
    return {
      names: 'out = output_size; window i covers ⌊i·in / out⌋ to ⌈(i+1)·in / out⌉',
      numbers: `${outputSize}, with in = ${size}`,
      out,
    };
  }
  if (op.fractional) {
    const starts = fractionalStarts(size, kernel, outputSize, args.sample);
    return {
      names:
        'out = output_size; window i starts at ⌊(i + u)·α⌋ − ⌊u·α⌋, ' +
        'α = (in − kernel_size) / (out − 1), u = _random_samples',
      numbers:
        `${outputSize}; α = (${size} − ${kernel}) / (${outputSize} − 1); u = ${args.sample}; ` +
        `starts ${starts.join(', ')}`,
      out,
    };
  }
  const [open, close] = ceilMode ? ['⌈', '⌉'] : ['⌊', '⌋'];
  const hasPadding = op.params.includes('padding');
  const hasDilation = op.params.includes('dilation');
  const pad = hasPadding ? [' + 2·padding', ` + 2·${padding}`] : ['', ''];
  const window = hasDilation
    ? ['dilation·(kernel_size − 1) − 1', `${dilation}·(${kernel} − 1) − 1`]
    : ['kernel_size', `${kernel}`];
  const named = [['in', size], ...(hasPadding ? [['padding', padding]] : [])];
  if (hasDilation) named.push(['dilation', dilation]);
  return {
    names: `out = ${open}(in${pad[0]} − ${window[0]}) / stride${close} + 1`,
    // Without an output (settings PyTorch rejects) the numbers stay, and the error says the rest.
    numbers: `${open}(${size}${pad[1]} − ${window[1]}) / ${stride}${close} + 1${out === undefined ? '' : ` = ${out}`}`,
    // Each number by name, so 2·1 reads as twice the padding, not a dilation or a stride.
    legend: [...named, ['kernel_size', kernel], ['stride', stride]].map(([n, v]) => `${n} = ${v}`).join(', '),
    note: ceilMode ? 'ceil_mode rounds up, but the last window must start inside the input or the left padding' : '',
    out,
  };
}
