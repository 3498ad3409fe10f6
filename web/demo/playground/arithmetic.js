// Each output cell's arithmetic in words: the numbers in its window and how they combine,
// ending in the value poolkit returned (never one computed here), with what padding did.
import { format } from './grid.js';
import { argument } from './ops.js';

const term = (v) => (v < 0 ? `(${format(v)})` : format(v));
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function averageText(op, values, inside, padCells, nominal, out) {
  const sum = `(${inside.map(term).join(' + ') || '0'})`;
  const total = inside.length + padCells;
  let divisor;
  let why;
  if (op.params.includes('divisorOverride') && values.divisorOverride !== null) {
    divisor = values.divisorOverride;
    why = `divisor_override=${divisor} replaces the count of cells`;
  } else if (op.adaptive) {
    divisor = inside.length;
    why = 'an adaptive window has no padding';
  } else if (padCells === 0) {
    divisor = inside.length;
    why = 'no padding in this window';
  } else if (values.countIncludePad) {
    divisor = total;
    why = `its ${plural(padCells, 'padding cell')} ${padCells === 1 ? 'counts' : 'count'} in the divisor (count_include_pad=True)`;
  } else {
    divisor = inside.length;
    why = `its ${plural(padCells, 'padding cell')} ${padCells === 1 ? 'is' : 'are'} left out of the divisor (count_include_pad=False)`;
  }
  if (nominal && total < nominal) why += `; ${plural(nominal - total, 'position')} past the padding (ceil_mode) never count`;
  return `${sum} / ${divisor} = ${format(out)} — ${why}`;
}

function lpText(values, inside, nominal, out) {
  const p = format(values.normType);
  const powers = inside.map((v) => `${term(v)}^${p}`).join(' + ');
  // PyTorch composes lp_pool as avg_pool(x^p) · kernel_area: a window clipped by ceil_mode is
  // averaged over the cells it has, then scaled back up to the full kernel's area.
  const sum = inside.length < nominal ? `${nominal}/${inside.length} · (${powers})` : powers;
  // PyTorch takes sign(s) · relu(|s|)^(1/p) of the sum s: worth saying only when it can bite.
  const sign = inside.some((v) => v < 0) ? ', the sign of the sum kept' : '';
  return `(${sum})^(1/${p}) = ${format(out)} — the ${p}-norm of the window${sign}`;
}

function maxText(op, inside, padCells, out, index, where) {
  const padding = padCells ? `, ${plural(padCells, 'padding cell')} counting as −inf` : '';
  const chosen = index === null ? '' : `, the input's flat index ${index} (${where})`;
  return `max(${inside.map(format).join(', ')}${padding}) = ${format(out)}${chosen}`;
}

/**
 * The arithmetic of one output cell. `window` lists the cells it reads in scan order, each
 * {value} or {padding: true}; `nominal` is the number of positions a full window has; `index`
 * is the flat index poolkit returned for max ops (else null), `where` that index in words.
 */
export function explainCell(op, values, { window, nominal, out, index, where }) {
  const inside = window.filter((cell) => !cell.padding).map((cell) => cell.value);
  const padCells = window.length - inside.length;
  if (op.kind === 'avg') return averageText(op, values, inside, padCells, nominal, out);
  if (op.kind === 'lp') return lpText(values, inside, nominal, out);
  return maxText(op, inside, padCells, out, index, where);
}

/** The number of positions a full window has (kernel_size's product), for ceil-mode overhangs. */
export const nominalSize = (op, values) =>
  op.adaptive ? null : argument(op, values, 'kernelSize').reduce((a, b) => a * b, 1);
