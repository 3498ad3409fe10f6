// Side by side: the same input through variants of the current settings, each computed by
// poolkit. "family" sets MaxPool, AvgPool and LPPool with the same window next to each other;
// "ceil" the current op with ceil_mode off and on.
import { format } from './grid.js';
import { pool, inTorchNames } from './compute.js';
import { torchModule } from './snippets.js';

function variants(ops, op, values, mode) {
  const named = (name) => ops.find((o) => o.name === name);
  if (mode === 'family') {
    return ['MaxPool', 'AvgPool', 'LPPool']
      .map((family) => named(`${family}${op.dims}d`))
      .filter(Boolean)
      .map((variant) => ({ op: variant, values }));
  }
  const base = op.params.includes('ceilMode') ? op : named(`MaxPool${op.dims}d`);
  return [false, true].map((ceilMode) => ({ op: base, values: { ...values, ceilMode } }));
}

function table(volume) {
  const wrap = document.createElement('div');
  for (const slice of volume) {
    const t = document.createElement('table');
    t.className = 'grid';
    for (const row of slice) {
      const tr = t.insertRow();
      for (const v of row) tr.insertCell().textContent = format(v);
    }
    wrap.append(t);
  }
  return wrap;
}

/** Fills `container` with one figure per variant (or nothing when mode is 'off'). */
export function showComparison(container, poolkit, ops, { op, values, volume, mode }) {
  container.replaceChildren();
  container.hidden = mode === 'off';
  if (mode === 'off') return;
  const note = document.createElement('p');
  note.className = 'note compare-note';
  note.textContent =
    mode === 'family'
      ? 'The same windows, three reductions: max keeps the peak, the average smooths it away, ' +
        'and the p-norm (p = 2 unless set) sits between them, growing with the window.'
      : 'ceil_mode rounds the output size up: where the windows do not fit evenly, one more ' +
        'window starts inside the input and reads what floor mode drops.';
  container.append(note);
  for (const variant of variants(ops, op, values, mode)) {
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.className = 'mono';
    caption.textContent = torchModule(variant.op, variant.values);
    figure.append(caption);
    try {
      const { output, shape } = pool(poolkit, variant.op, variant.values, volume);
      figure.append(table(output));
      const size = document.createElement('p');
      size.className = 'note';
      size.textContent = `output ${shape.join('×')}`;
      figure.append(size);
    } catch (error) {
      const message = document.createElement('p');
      message.className = 'error';
      message.textContent = inTorchNames(error.message);
      figure.append(message);
    }
    container.append(figure);
  }
}
