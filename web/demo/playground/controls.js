// The argument controls of the chosen op: a labelled box per spatial dimension for tuples, a
// checkbox for booleans, and a "None" box for PyTorch's optional arguments. They are built once
// per op and then only updated in place, so focus, a half-typed number and the caret survive
// every recomputation.
import { PARAMS } from './ops.js';

const DIM_NAMES = { 1: ['L'], 2: ['H', 'W'], 3: ['D', 'H', 'W'] };

function numberInput(name, spec, ariaLabel) {
  const input = document.createElement('input');
  input.type = 'number';
  input.step = String(spec.step ?? 1);
  if (spec.min !== undefined) input.min = String(spec.min);
  if (spec.max !== undefined) input.max = String(spec.max);
  input.setAttribute('aria-label', ariaLabel);
  input.dataset.param = name;
  return input;
}

// A number is complete once the box can read it; range and step are left to poolkit, whose
// message (kernel_size must be positive, ...) teaches more than a silently ignored keystroke.
const complete = (input) => input.value !== '' && !input.validity.badInput;

function checkbox(text, hiddenPrefix) {
  const label = document.createElement('label');
  label.className = 'check';
  const box = document.createElement('input');
  box.type = 'checkbox';
  label.append(box);
  // The argument's name is part of the accessible name ("stride same as kernel_size") without
  // repeating it on screen next to its own boxes.
  if (hiddenPrefix) {
    const prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = `${hiddenPrefix} `;
    label.append(prefix);
  }
  label.append(text);
  return { label, box };
}

/**
 * Builds the controls for `op` into `container`. onChange(name, value) runs on each edit with
 * the argument's new value (a tuple is stored for D, H, W). Returns update(values), which
 * writes values into every control except the one being edited.
 */
export function createControls(container, op, getValues, onChange) {
  container.replaceChildren();
  const updaters = [];
  const dimNames = DIM_NAMES[op.dims];
  const offset = 3 - op.dims;
  for (const name of op.params) {
    const spec = PARAMS[name];
    const field = document.createElement('div');
    field.className = 'field';
    field.dataset.param = name;
    if (spec.kind === 'bool') {
      const { label, box } = checkbox(spec.label);
      label.classList.add('mono');
      box.setAttribute('aria-label', spec.label);
      box.addEventListener('change', () => onChange(name, box.checked));
      updaters.push((values) => (box.checked = values[name]));
      field.append(label);
      container.append(field);
      continue;
    }
    const title = document.createElement('span');
    title.className = 'label';
    title.textContent = spec.label;
    title.id = `param-${name}`;
    field.append(title);
    const boxes = [];
    if (spec.kind === 'tuple') {
      // The D/H/W boxes are one argument: a group named by it, each box by its dimension too.
      field.setAttribute('role', 'group');
      field.setAttribute('aria-labelledby', title.id);
      dimNames.forEach((dim, d) => {
        const label = document.createElement('label');
        label.className = 'dim';
        const input = numberInput(name, spec, `${spec.label} (${dim})`);
        label.append(dim, input);
        field.append(label);
        boxes.push(input);
        input.addEventListener('input', () => {
          if (!complete(input)) return; // half-typed ("-", "") : wait
          const current = getValues()[name] ?? getValues().kernelSize; // stride None follows kernel
          const next = [...current];
          next[offset + d] = Number(input.value);
          onChange(name, next);
        });
      });
    } else {
      const input = numberInput(name, spec, spec.label);
      input.setAttribute('aria-labelledby', title.id);
      input.removeAttribute('aria-label');
      field.append(input);
      boxes.push(input);
      input.addEventListener('input', () => {
        if (complete(input)) onChange(name, Number(input.value));
      });
    }
    let none = null;
    if (spec.optional) {
      none = checkbox(spec.optional, spec.label);
      none.label.classList.add('none');
      none.box.addEventListener('change', () => {
        const values = getValues();
        const shown = name === 'stride' ? values.kernelSize : [spec.min ?? 1, 1, 1];
        onChange(name, none.box.checked ? null : spec.kind === 'tuple' ? [...shown] : Number(boxes[0].value) || 1);
      });
      field.append(none.label);
    }
    updaters.push((values) => {
      const value = values[name] ?? (name === 'stride' ? values.kernelSize : null);
      boxes.forEach((input, d) => {
        const v = spec.kind === 'tuple' ? value?.[offset + d] : value;
        input.disabled = values[name] === null;
        // The box being typed in keeps its text: "3" on the way to "31", or "" before a new number.
        if (input === document.activeElement) return;
        input.value = v === null || v === undefined ? '' : String(v);
        input.placeholder = values[name] === null ? 'None' : '';
      });
      if (none) none.box.checked = values[name] === null;
    });
    container.append(field);
  }
  const update = (values) => updaters.forEach((u) => u(values));
  update(getValues());
  return update;
}
