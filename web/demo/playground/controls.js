// The argument controls of the chosen op, as form fields: a number per spatial dimension for
// pairs, a checkbox for booleans, and a "None" box for PyTorch's optional arguments.
import { PARAMS } from './ops.js';

function numberField(label, value, { min, step = 1 }, onInput) {
  const input = document.createElement('input');
  input.type = 'number';
  input.value = String(value);
  input.step = String(step);
  if (min !== undefined) input.min = String(min);
  input.setAttribute('aria-label', label);
  input.addEventListener('input', () => {
    if (input.value !== '') onInput(Number(input.value));
  });
  return input;
}

/** Fills `container` with controls for `op`; onChange(values) runs with every edit. */
export function drawControls(container, op, values, onChange) {
  container.replaceChildren();
  const dimNames = op.dims === 2 ? ['H', 'W'] : ['L'];
  for (const name of op.params) {
    const spec = PARAMS[name];
    const field = document.createElement('div');
    field.className = 'field';
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = spec.label;
    field.append(label);
    if (spec.kind === 'bool') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = values[name];
      box.setAttribute('aria-label', spec.label);
      box.addEventListener('change', () => onChange({ ...values, [name]: box.checked }));
      field.append(box);
      container.append(field);
      continue;
    }
    const fallback = spec.kind === 'pair' ? [2, 2] : spec.kind === 'int' ? 2 : spec.default;
    const current = values[name] ?? (name === 'stride' ? values.kernelSize : fallback);
    const inputs = document.createElement('span');
    if (spec.kind === 'pair') {
      dimNames.forEach((dim, d) => {
        inputs.append(
          numberField(`${spec.label} (${dim})`, current[d], spec, (v) => {
            const next = [...(values[name] ?? current)];
            next[d] = v;
            if (op.dims === 1) next[1] = v;
            onChange({ ...values, [name]: next });
          }),
        );
      });
    } else {
      inputs.append(numberField(spec.label, current, spec, (v) => onChange({ ...values, [name]: v })));
    }
    field.append(inputs);
    if (spec.optional) {
      const none = document.createElement('label');
      none.className = 'none';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = values[name] === null;
      inputs.querySelectorAll('input').forEach((i) => (i.disabled = box.checked));
      box.addEventListener('change', () => onChange({ ...values, [name]: box.checked ? null : current }));
      none.append(box, ` ${spec.optional}`);
      field.append(none);
    }
    container.append(field);
  }
}

export function defaultValues() {
  return Object.fromEntries(
    Object.entries(PARAMS).map(([name, spec]) => [
      name,
      spec.kind === 'pair' && spec.default !== null ? [spec.default, spec.default] : spec.default,
    ]),
  );
}
