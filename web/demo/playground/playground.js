// "Pooling, live": the seed article's 4x4 example as an editable grid, every op of the family
// and its arguments as controls, each output cell's window and arithmetic on hover or focus,
// the PyTorch and poolkit code for the settings, the output-size formula, a step-through of
// the sliding window, variants side by side, and the whole view in the address.
import { showComparison } from './compare.js';
import { inputShape, inTorchNames, pool, unpool } from './compute.js';
import { createControls } from './controls.js';
import { InputGrid, OutputGrid } from './grid.js';
import { drawIntervals } from './intervals.js';
import { availableOps, defaultValues } from './ops.js';
import { clampVolume, parseVolume } from './paste.js';
import { poolkitSnippet, torchSnippet, copyButton } from './snippets.js';
import { Stepper } from './stepper.js';
import { decodeView, encodeView } from './url_state.js';
import { CellView } from './cell_view.js';

// The seed article's 1x1x4x4 example; 1-d and 3-d views start from the same numbers.
const example = (depth, rows, cols) =>
  Array.from({ length: depth }, (_, d) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => d * rows * cols + r * cols + c + 1)),
  );
const EXAMPLES = { 1: () => example(1, 1, 8), 2: () => example(1, 4, 4), 3: () => example(2, 4, 4) };
// The largest input each view shows ([depth, rows, cols]): what fits a screen and stays legible.
const LIMITS = { 1: [1, 1, 16], 2: [1, 10, 12], 3: [4, 6, 6] };

export function startPlayground(poolkit, root) {
  const $ = (selector) => root.querySelector(selector);
  const ops = availableOps(poolkit.functional);
  const start = { op: ops[0], values: defaultValues(), volume: null, unpool: false, compare: 'off' };
  const linked = decodeView(location.search, ops, start);
  const state = {
    op: linked.op,
    values: linked.values,
    // One volume per view, so switching between 1-d, 2-d and 3-d ops keeps each one's numbers.
    volumes: { 1: EXAMPLES[1](), 2: EXAMPLES[2](), 3: EXAMPLES[3]() },
    unpool: linked.unpool,
    compare: linked.compare,
    get volume() {
      return this.volumes[this.op.dims];
    },
    set volume(v) {
      this.volumes[this.op.dims] = v;
    },
  };
  if (linked.volume) state.volume = clampVolume(linked.volume, LIMITS[state.op.dims]).volume;

  const inputGrid = new InputGrid($('#input-grid'), (d, r, c, v) => {
    state.volume[d][r][c] = v;
    render();
  });
  const cellView = new CellView({ root, inputGrid, state });
  const outputGrid = new OutputGrid($('#output-grid'), 'output', (d, r, c) => {
    if (d !== null) stepper.pause(); // a cell the reader picked wins over the animation
    cellView.show(d, r, c);
  });
  const indicesGrid = new OutputGrid($('#indices-grid'), 'index', null);
  const unpoolGrid = new OutputGrid($('#unpool-grid'), 'unpooled', null);
  cellView.outputGrid = outputGrid;
  const stepper = new Stepper($('#stepper'), (i) => cellView.showStep(i));

  // The op list, grouped by view.
  const select = $('#op');
  for (const dims of [2, 1, 3]) {
    const group = document.createElement('optgroup');
    group.label = `${dims}-d`;
    group.append(...ops.filter((op) => op.dims === dims).map((op) => new Option(op.name, op.name)));
    if (group.children.length) select.append(group);
  }
  let updateControls = null;
  function chooseOp(op) {
    state.op = op;
    select.value = op.name;
    updateControls = createControls($('#params'), op, () => state.values, (name, value) => {
      state.values = { ...state.values, [name]: value };
      render();
    });
  }
  select.addEventListener('change', () => {
    chooseOp(ops.find((op) => op.name === select.value));
    render();
  });

  $('#randomise').addEventListener('click', () => {
    state.volume = state.volume.map((slice) => slice.map((row) => row.map(() => Math.floor(Math.random() * 20))));
    render();
  });
  $('#reset').addEventListener('click', () => {
    state.volume = EXAMPLES[state.op.dims]();
    state.values = defaultValues();
    updateControls(state.values);
    stepper.reset();
    cellView.show(null);
    render();
  });

  // Resizing keeps what fits and fills new cells with zeros.
  const sizeInputs = ['#depth', '#rows', '#cols'].map((id) => $(id));
  const resize = () => {
    const size = sizeInputs.map((input, i) => Math.max(1, Math.min(LIMITS[state.op.dims][i], Math.round(Number(input.value)) || 1)));
    const old = state.volume;
    state.volume = Array.from({ length: size[0] }, (_, d) =>
      Array.from({ length: size[1] }, (_, r) => Array.from({ length: size[2] }, (_, c) => old[d]?.[r]?.[c] ?? 0)),
    );
    render();
  };
  sizeInputs.forEach((input) => input.addEventListener('change', resize));

  $('#apply-paste').addEventListener('click', () => {
    const note = $('#paste-note');
    try {
      let volume = parseVolume($('#paste').value);
      if (state.op.dims === 1) volume = [[volume.flat(2)]];
      if (state.op.dims === 2 && volume.length > 1) volume = [volume[0]];
      const clamped = clampVolume(volume, LIMITS[state.op.dims]);
      state.volume = clamped.volume;
      $('#paste-error').textContent = '';
      note.textContent = clamped.note || `Using the pasted ${clamped.volume[0].length}×${clamped.volume[0][0].length} grid.`;
      render();
    } catch (error) {
      note.textContent = '';
      $('#paste-error').textContent = error.message;
    }
  });

  $('#unpool-toggle').checked = state.unpool;
  $('#unpool-toggle').addEventListener('change', (event) => {
    state.unpool = event.target.checked;
    render();
  });
  $('#compare').value = state.compare;
  $('#compare').addEventListener('change', (event) => {
    state.compare = event.target.value;
    render();
  });
  copyButton($('#copy-torch'), $('#torch-code'), $('#copy-status'));
  copyButton($('#copy-poolkit'), $('#poolkit-code'), $('#copy-status'));

  // The arrow points at the output: right while they share a row, down once it wraps below.
  const grids = $('.grids');
  const orientArrow = () => {
    // Measured side by side: stacked, the narrower column could fit beside the input again.
    grids.classList.remove('stacked');
    const stacked = $('#result').getBoundingClientRect().top >= $('#input-figure').getBoundingClientRect().bottom - 1;
    grids.classList.toggle('stacked', stacked);
    $('.arrow').textContent = stacked ? '↓' : '→';
  };
  // Observed rather than measured after each edit: a layout forced per keystroke costs more than
  // the pooling does, and the wrap only changes when the grids' box does.
  new ResizeObserver(orientArrow).observe(grids);

  function showSize() {
    const [depth, rows, cols] = [state.volume.length, state.volume[0].length, state.volume[0][0].length];
    const dims = state.op.dims;
    [depth, rows, cols].forEach((n, i) => {
      const input = sizeInputs[i];
      if (input !== document.activeElement) input.value = String(n);
      input.max = String(LIMITS[dims][i]);
      input.closest('label').hidden = LIMITS[dims][i] === 1;
    });
  }

  function showFormula(result) {
    const list = $('#formula');
    list.replaceChildren();
    const names = { 1: ['L'], 2: ['H', 'W'], 3: ['D', 'H', 'W'] }[state.op.dims];
    cellView.dimensions().forEach((args, i) => {
      const f = cellView.formula(args, result?.shape[2 + i]);
      if (!result && (state.op.adaptive || state.op.fractional)) return; // nothing to show without sizes
      const li = document.createElement('li');
      li.innerHTML =
        '<b class="dim-name"></b> <span class="names"></span><br />' +
        '<span class="numbers"></span> <span class="legend"></span> <span class="why"></span>';
      li.querySelector('.dim-name').textContent = `${names[i]}:`;
      li.querySelector('.names').textContent = f.names;
      li.querySelector('.numbers').textContent = `= ${f.numbers}`;
      li.querySelector('.legend').textContent = f.legend ? `with ${f.legend}` : '';
      li.querySelector('.why').textContent = f.note ? `(${f.note})` : '';
      list.append(li);
    });
  }

  function showUnpool(result) {
    const { op } = state;
    const possible = op.kind === 'max' && !op.adaptive && !op.fractional && poolkit.functional[`maxUnpool${op.dims}d`];
    $('#unpool-row').hidden = !possible;
    const figure = $('#unpool');
    figure.hidden = !(possible && state.unpool && result);
    $('#unpool-error').textContent = '';
    if (figure.hidden) return;
    // A round trip PyTorch rejects is reported on its own: the pooling output above stays.
    try {
      unpoolGrid.show(unpool(poolkit, op, state.values, state.volume));
    } catch (error) {
      unpoolGrid.clear();
      $('#unpool-error').textContent = `MaxUnpool: ${inTorchNames(error.message)}`;
    }
  }

  function render() {
    const { op, values, volume } = state;
    showSize();
    updateControls(values);
    const pad = [0, 0, 0];
    cellView.dimensions().forEach((args, i) => (pad[3 - op.dims + i] = args.padding));
    inputGrid.show(volume, pad);
    $('#input-caption').textContent = `input (${inputShape(op, volume).join('×')})`;
    let result = null;
    try {
      result = pool(poolkit, op, values, volume);
      $('#error').textContent = '';
    } catch (error) {
      $('#error').textContent = inTorchNames(error.message);
    }
    cellView.result = result;
    if (result) outputGrid.show(result.output);
    else outputGrid.clear();
    $('#output-caption').textContent = result ? `output (${result.shape.join('×')})` : 'output';
    const showIndices = !!result?.indices && values.returnIndices && op.params.includes('returnIndices');
    $('#indices').hidden = !showIndices;
    if (showIndices) indicesGrid.show(result.indices);
    showFormula(result);
    drawIntervals($('#intervals'), op, cellView.dimensions());
    showUnpool(result);
    $('#torch-code').textContent = torchSnippet(op, values, volume);
    $('#poolkit-code').textContent = poolkitSnippet(op, values, volume);
    showComparison($('#compare-panel'), poolkit, ops, { op, values, volume, mode: state.compare });
    stepper.setCount(result ? result.output.flat(2).length : 0);
    cellView.refresh();
    saveView();
  }

  // The address follows the view a moment after the last edit: replaceState costs milliseconds
  // a keystroke should not pay (and Chromium throttles a burst of them).
  let saveTimer = null;
  function saveView() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const { op, values, volume, unpool, compare } = state;
      history.replaceState(null, '', encodeView({ op, values, volume, unpool, compare }) + location.hash);
    }, 250);
  }

  chooseOp(state.op);
  render();
}
