// "Pooling, live": the seed article's 4x4 example as an editable grid, every op and argument
// as controls, the window behind each output cell on hover, the PyTorch line and the
// output-size formula, and PyTorch's rule in words when the settings are invalid.
import { drawControls, defaultValues } from './controls.js';
import { drawInputGrid, drawOutputGrid, format, highlightWindow, parseMatrix } from './grid.js';
import { availableOps, optionsFor, torchLine } from './ops.js';
import { sizeFormula, windowPositions } from './windows.js';

const BLOG_EXAMPLE = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];

export function startPlayground(poolkit, root) {
  const $ = (selector) => root.querySelector(selector);
  const ops = availableOps(poolkit.functional);
  // One grid per view, so that switching between 1d and 2d ops keeps each one's numbers.
  const grids = { 1: [BLOG_EXAMPLE.slice(0, 2).flat()], 2: BLOG_EXAMPLE.map((r) => [...r]) };
  const state = {
    op: ops[0],
    values: defaultValues(),
    unpool: false,
    get grid() {
      return grids[this.op.dims];
    },
    set grid(rows) {
      grids[this.op.dims] = rows;
    },
  };

  const select = $('#op');
  select.replaceChildren(...ops.map((op, i) => new Option(op.name, String(i))));
  select.addEventListener('change', () => {
    state.op = ops[Number(select.value)];
    render();
  });
  $('#randomise').addEventListener('click', () => {
    const rows = state.op.dims === 1 ? 1 : Number($('#rows').value);
    const cols = Number($('#cols').value);
    state.grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(Math.random() * 20)));
    render();
  });
  $('#reset').addEventListener('click', () => {
    state.grid = state.op.dims === 1 ? [BLOG_EXAMPLE.slice(0, 2).flat()] : BLOG_EXAMPLE.map((r) => [...r]);
    state.values = defaultValues();
    render();
  });
  $('#apply-paste').addEventListener('click', () => {
    try {
      const rows = parseMatrix($('#paste').value);
      state.grid = state.op.dims === 1 ? [rows.flat()] : rows;
      $('#paste-error').textContent = '';
      render();
    } catch (error) {
      $('#paste-error').textContent = error.message;
    }
  });
  // Resizing keeps what fits and fills new cells with zeros.
  const resize = () => {
    const rows = state.op.dims === 1 ? 1 : Math.max(1, Math.min(10, Number($('#rows').value) || 1));
    const cols = Math.max(1, Math.min(12, Number($('#cols').value) || 1));
    state.grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => state.grid[r]?.[c] ?? 0));
    render();
  };
  $('#rows').addEventListener('change', resize);
  $('#cols').addEventListener('change', resize);
  $('#unpool-toggle').addEventListener('change', (event) => {
    state.unpool = event.target.checked;
    render();
  });

  function compute() {
    const { op, values, grid } = state;
    const rows = grid.length;
    const cols = grid[0].length;
    const shape = op.dims === 2 ? [1, 1, rows, cols] : [1, 1, cols];
    const x = poolkit.tensor(new Float32Array(grid.flat()), shape);
    const options = optionsFor(op, values);
    const tensors = [x];
    try {
      const result = poolkit.functional[op.fn](x, op.max ? { ...options, returnIndices: true } : options);
      const [out, indices] = op.max ? result : [result, null];
      tensors.push(out, ...(indices ? [indices] : []));
      const plane = (t) => (op.dims === 2 ? t.tolist()[0][0] : [t.tolist()[0][0]]);
      let unpooled = null;
      if (op.max && !op.adaptive && state.unpool) {
        const unpool = poolkit.functional[`maxUnpool${op.dims}d`];
        if (unpool) {
          const u = unpool(out, indices, {
            kernelSize: options.kernelSize,
            stride: options.stride,
            padding: options.padding,
            outputSize: op.dims === 2 ? [rows, cols] : [cols],
          });
          tensors.push(u);
          unpooled = plane(u);
        }
      }
      return { output: plane(out), indices: indices && plane(indices), unpooled, shape: out.shape };
    } finally {
      tensors.forEach((t) => t.dispose());
    }
  }

  // Per spatial dimension: what windowPositions and sizeFormula need.
  function dimensionArgs(d) {
    const { op, values, grid } = state;
    const sizes = op.dims === 2 ? [grid.length, grid[0].length] : [grid[0].length];
    const pick = (name, fallback) => (values[name] && op.params.includes(name) ? values[name][d] : fallback);
    const kernel = pick('kernelSize', 1);
    return {
      size: sizes[d],
      kernel,
      stride: op.params.includes('stride') ? (values.stride ?? values.kernelSize)[d] : kernel,
      padding: pick('padding', 0),
      dilation: pick('dilation', 1),
      outputSize: pick('outputSize', 1),
      ceilMode: op.params.includes('ceilMode') && values.ceilMode,
    };
  }

  function render() {
    const { op, values, grid } = state;
    select.value = String(ops.indexOf(op));
    $('#rows').value = String(grid.length);
    $('#rows').disabled = op.dims === 1;
    $('#cols').value = String(grid[0].length);
    $('#unpool-row').hidden = !(op.max && !op.adaptive && poolkit.functional[`maxUnpool${op.dims}d`]);
    drawControls($('#params'), op, values, (next) => {
      state.values = next;
      render();
    });
    $('#torch-line').textContent = torchLine(op, values);
    const dims = op.dims === 2 ? [dimensionArgs(0), dimensionArgs(1)] : [dimensionArgs(0)];
    const pad = op.dims === 2 ? [dims[0].padding, dims[1].padding] : [0, dims[0].padding];
    const inputGrid = $('#input-grid');
    drawInputGrid(inputGrid, grid, pad, (r, c, v) => {
      state.grid[r][c] = v;
      render();
    });
    $('#hover-note').textContent = 'Hover or focus an output cell.';
    const error = $('#error');
    let result;
    try {
      result = compute();
      error.textContent = '';
    } catch (e) {
      error.textContent = e.message;
      drawOutputGrid($('#output-grid'), [], () => {});
      $('#formula').replaceChildren();
      $('#output-caption').textContent = 'output';
      $('#unpool').hidden = true;
      return;
    }
    const outSpatial = result.shape.slice(2);
    $('#input-caption').textContent = `input (${(op.dims === 2 ? [1, 1, grid.length, grid[0].length] : [1, 1, grid[0].length]).join('×')})`;
    $('#output-caption').textContent = `output (${result.shape.join('×')})`;
    $('#formula').replaceChildren(
      ...dims.map((args, d) => {
        const li = document.createElement('li');
        li.textContent = `${op.dims === 2 ? ['H', 'W'][d] : 'L'}: ${sizeFormula(op, args, outSpatial[d])}`;
        return li;
      }),
    );
    drawOutputGrid($('#output-grid'), result.output, (r, c) => {
      if (r === null) return highlightWindow(inputGrid, [], [], null);
      const cols = windowPositions(op, op.dims === 2 ? c : c, dims[op.dims - 1]);
      const rows = op.dims === 2 ? windowPositions(op, r, dims[0]) : [0];
      const index = result.indices?.[r][c];
      const width = grid[0].length;
      const chosen = index === undefined ? null : [Math.floor(index / width), index % width];
      highlightWindow(inputGrid, rows, cols, chosen);
      $('#hover-note').textContent = chosen
        ? `max ${format(result.output[r][c])} at flat index ${index}`
        : `value ${format(result.output[r][c])}`;
    });
    $('#unpool').hidden = !result.unpooled;
    if (result.unpooled) drawOutputGrid($('#unpool-grid'), result.unpooled, () => {});
  }

  render();
}
