// One output cell explained: its window outlined in the input (padding included, the maximum
// marked for max ops) and its arithmetic in words, for the hovered or focused cell or the
// animation's current step. Also the per-dimension arguments that windows and the output-size
// formula need.
import { explainCell, nominalSize } from './arithmetic.js';
import { argument } from './ops.js';
import { sizeFormula, windowPositions } from './windows.js';

const HINT = 'Hover or focus an output cell, or step through the windows, to see its arithmetic.';

// Every combination of one position per dimension, in scan order (the last dimension fastest).
const product = (lists) => lists.reduce((acc, list) => acc.flatMap((a) => list.map((p) => [...a, p])), [[]]);

export class CellView {
  constructor({ root, inputGrid, state }) {
    this.note = root.querySelector('#cell-math');
    this.inputGrid = inputGrid;
    this.state = state;
    this.result = null;
    this.shown = null; // the [d, r, c] explained now, kept across recomputations
    this.outputGrid = null;
  }

  /** Per spatial dimension of the op: what windowPositions and sizeFormula need. */
  dimensions() {
    const { op, values, volume } = this.state;
    const sizes = [volume.length, volume[0].length, volume[0][0].length].slice(3 - op.dims);
    const take = (name, fallback) => (op.params.includes(name) ? argument(op, values, name) : sizes.map(() => fallback));
    const kernel = take('kernelSize', 1);
    const stride = op.params.includes('stride') ? argument(op, values, 'stride') : kernel;
    const padding = take('padding', 0);
    const dilation = take('dilation', 1);
    const outputSize = take('outputSize', 1);
    const sample = take('randomSamples', 0);
    return sizes.map((size, i) => ({
      size,
      kernel: kernel[i],
      stride: stride[i],
      padding: padding[i],
      dilation: dilation[i],
      outputSize: outputSize[i],
      sample: sample[i],
      ceilMode: op.params.includes('ceilMode') && values.ceilMode,
    }));
  }

  formula(args, out) {
    return sizeFormula(this.state.op, args, out);
  }

  /** Shows output cell (d, r, c), or clears with d === null. */
  show(d, r, c) {
    this.shown = d === null ? null : [d, r, c];
    this.refresh();
  }

  /** The animation's step i: the i-th output cell in scan order. */
  showStep(i) {
    const { output } = this.result;
    const rows = output[0].length;
    const cols = output[0][0].length;
    this.show(Math.floor(i / (rows * cols)), Math.floor(i / cols) % rows, i % cols);
    this.outputGrid.mark(...this.shown);
  }

  refresh() {
    const cell = this.shown && this.result?.output[this.shown[0]]?.[this.shown[1]]?.[this.shown[2]];
    if (cell === undefined || cell === null) {
      this.inputGrid.highlight(new Set(), null);
      this.outputGrid?.mark(null);
      this.note.textContent = HINT;
      return;
    }
    const { op, values, volume } = this.state;
    const [d, r, c] = this.shown;
    const dims = this.dimensions();
    const outCoords = [d, r, c].slice(3 - op.dims);
    const positions = dims.map((args, i) => windowPositions(op, outCoords[i], args));
    // Window cells as volume coordinates: views with fewer dimensions sit at depth (and row) 0.
    const lead = Array(3 - op.dims).fill(0);
    const window = product(positions).map((p) => {
      const at = [...lead, ...p];
      const padding = p.some((v, i) => v < 0 || v >= dims[i].size);
      return { key: at.join(','), padding, value: padding ? null : volume[at[0]][at[1]][at[2]] };
    });
    const index = this.result.indices ? this.result.indices[d][r][c] : null;
    let chosen = null;
    let where = '';
    if (index !== null) {
      // A flat index within the (N, C) plane, back to coordinates, last dimension fastest.
      let rest = index;
      const coords = dims.map((args) => args.size).reduceRight((acc, size) => {
        acc.unshift(rest % size);
        rest = Math.floor(rest / size);
        return acc;
      }, []);
      chosen = [...lead, ...coords].join(',');
      const names = { 1: ['position'], 2: ['row', 'column'], 3: ['depth', 'row', 'column'] }[op.dims];
      where = coords.map((v, i) => `${names[i]} ${v + 1}`).join(', ');
    }
    this.inputGrid.highlight(new Set(window.map((w) => w.key)), chosen);
    const text = explainCell(op, values, { window, nominal: nominalSize(op, values), out: cell, index, where });
    const depth = op.dims === 3 ? `depth ${d + 1}, ` : '';
    const name = op.dims === 1 ? `output position ${c + 1}` : `output ${depth}row ${r + 1}, column ${c + 1}`;
    this.note.textContent = `${name}: ${text}`;
  }
}
