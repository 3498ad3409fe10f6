// The playground's grids, for volumes (depth slices of rows of numbers; 1-d and 2-d views are
// one slice): an editable input with its padding drawn as a ring (and as whole slices in
// depth), and a read-only output whose cells, hovered or focused, report their position. Both
// rebuild their cells only when the shape changes and otherwise update them in place, so the
// cell being edited or read keeps focus.
import { parseNumber } from './paste.js';

export function format(v) {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(3).replace(/\.?0+$/, '');
}

const key = (d, r, c) => `${d},${r},${c}`;
const shapeOf = (volume) => [volume.length, volume[0]?.length ?? 0, volume[0]?.[0]?.length ?? 0];

// Cells as wide as their longest number (3-digit values, '-inf', '12.125'), at least 2 digits.
function fitCells(container, volume) {
  let chars = 2;
  for (const slice of volume) for (const row of slice) for (const v of row) chars = Math.max(chars, format(v).length);
  container.style.setProperty('--chars', String(chars));
}

function sliceTable(container, d, depth, caption) {
  const figure = document.createElement('div');
  figure.className = 'slice';
  if (depth > 1) {
    const label = document.createElement('span');
    label.className = 'slice-label';
    label.textContent = caption;
    figure.append(label);
  }
  const table = document.createElement('table');
  table.className = 'grid';
  figure.append(table);
  container.append(figure);
  return table;
}

export class InputGrid {
  /** onEdit(d, r, c, value) runs when a typed number is complete. */
  constructor(container, onEdit) {
    this.container = container;
    this.onEdit = onEdit;
    this.layout = '';
    this.inputs = new Map();
    this.cells = [];
  }

  /** Shows `volume` with `pad` = [depth, rows, cols] of padding around it. */
  show(volume, pad) {
    const [depth, rows, cols] = shapeOf(volume);
    const layout = JSON.stringify([depth, rows, cols, pad]);
    if (layout !== this.layout) this.build(depth, rows, cols, pad);
    this.layout = layout;
    this.volume = volume;
    fitCells(this.container, volume);
    for (const [k, input] of this.inputs) {
      const [d, r, c] = k.split(',').map(Number);
      if (input !== document.activeElement) input.value = format(volume[d][r][c]);
    }
  }

  build(depth, rows, cols, pad) {
    this.container.replaceChildren();
    this.inputs.clear();
    this.cells = [];
    for (let d = -pad[0]; d < depth + pad[0]; d++) {
      const inDepth = d >= 0 && d < depth;
      const table = sliceTable(this.container, d, depth + 2 * pad[0], inDepth ? `depth ${d + 1}` : 'padding');
      for (let r = -pad[1]; r < rows + pad[1]; r++) {
        const tr = table.insertRow();
        for (let c = -pad[2]; c < cols + pad[2]; c++) {
          const td = tr.insertCell();
          td.dataset.pos = key(d, r, c);
          this.cells.push(td);
          if (!inDepth || r < 0 || c < 0 || r >= rows || c >= cols) {
            td.className = 'pad';
            td.title = 'padding';
            continue;
          }
          td.append(this.cellInput(d, r, c, depth));
        }
      }
    }
  }

  cellInput(d, r, c, depth) {
    const input = document.createElement('input');
    input.inputMode = 'decimal';
    input.dataset.pos = key(d, r, c);
    const where = `row ${r + 1}, column ${c + 1}`;
    input.setAttribute('aria-label', depth > 1 ? `input depth ${d + 1}, ${where}` : `input ${where}`);
    // Every complete number recomputes at once; half-typed text ("-", "1e") waits.
    input.addEventListener('input', () => {
      try {
        const v = parseNumber(input.value);
        input.removeAttribute('aria-invalid');
        this.onEdit(d, r, c, v);
      } catch {
        input.setAttribute('aria-invalid', 'true');
      }
    });
    // Leaving a cell with text that is not a number puts its number back.
    input.addEventListener('change', () => {
      input.removeAttribute('aria-invalid');
      input.value = format(this.volume[d][r][c]);
    });
    // Enter moves down a column, as in a spreadsheet (Shift+Enter up); Tab moves along a row.
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const next = this.inputs.get(key(d, r + (event.shiftKey ? -1 : 1), c));
      input.dispatchEvent(new Event('change'));
      if (next) {
        next.focus();
        next.select();
      }
    });
    this.inputs.set(key(d, r, c), input);
    return input;
  }

  /** Outlines the cells of a window (a Set of 'd,r,c', padding included) and the chosen one. */
  highlight(window, chosen) {
    for (const td of this.cells) {
      td.classList.toggle('window', window.has(td.dataset.pos));
      td.classList.toggle('chosen', td.dataset.pos === chosen);
    }
  }
}

export class OutputGrid {
  /** onFocus(d, r, c) runs when a cell is hovered or focused, onFocus(null) when left. */
  constructor(container, name, onFocus) {
    this.container = container;
    this.name = name;
    this.onFocus = onFocus;
    this.layout = '';
    this.cells = new Map();
  }

  show(volume) {
    const [depth, rows, cols] = shapeOf(volume);
    const layout = `${depth},${rows},${cols}`;
    if (layout !== this.layout) this.build(depth, rows, cols);
    this.layout = layout;
    fitCells(this.container, volume);
    for (const [k, td] of this.cells) {
      const [d, r, c] = k.split(',').map(Number);
      const text = format(volume[d][r][c]);
      if (td.textContent !== text) td.textContent = text;
      const where = `row ${r + 1}, column ${c + 1}`;
      td.setAttribute('aria-label', `${this.name} ${depth > 1 ? `depth ${d + 1}, ` : ''}${where}: ${text}`);
    }
  }

  clear() {
    this.show([]);
  }

  build(depth, rows, cols) {
    this.container.replaceChildren();
    this.cells.clear();
    for (let d = 0; d < depth; d++) {
      const table = sliceTable(this.container, d, depth, `depth ${d + 1}`);
      for (let r = 0; r < rows; r++) {
        const tr = table.insertRow();
        for (let c = 0; c < cols; c++) {
          const td = tr.insertCell();
          td.dataset.pos = key(d, r, c);
          if (this.onFocus) {
            td.tabIndex = 0;
            const enter = () => this.onFocus(d, r, c);
            td.addEventListener('mouseenter', enter);
            td.addEventListener('focus', enter);
            // Leaving with the pointer goes back to the keyboard's cell, if one has focus.
            td.addEventListener('mouseleave', () => {
              const focused = this.container.contains(document.activeElement) && document.activeElement.dataset.pos;
              if (focused) this.onFocus(...focused.split(',').map(Number));
              else this.onFocus(null);
            });
            td.addEventListener('blur', () => this.onFocus(null));
            td.addEventListener('keydown', (event) => this.moveFocus(event, d, r, c));
          }
          this.cells.set(key(d, r, c), td);
        }
      }
    }
  }

  // Arrow keys walk the output like a spreadsheet (PageUp/PageDown change depth slice), so a
  // large output is not dozens of Tab presses.
  moveFocus(event, d, r, c) {
    const step = {
      ArrowUp: [0, -1, 0],
      ArrowDown: [0, 1, 0],
      ArrowLeft: [0, 0, -1],
      ArrowRight: [0, 0, 1],
      PageUp: [-1, 0, 0],
      PageDown: [1, 0, 0],
    }[event.key];
    const next = step && this.cells.get(key(d + step[0], r + step[1], c + step[2]));
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  /** Marks one cell as the current step of the animation (or none). */
  mark(d, r, c) {
    for (const [k, td] of this.cells) td.classList.toggle('current', k === key(d, r, c));
  }
}
