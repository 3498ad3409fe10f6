// The current settings as code to copy: PyTorch's module and poolkit's, on the same numbers.
// Only arguments that differ from PyTorch's defaults are spelled out (the required ones always).
import { PARAMS, REQUIRED, argument, isDefault, samplesInTorchOrder } from './ops.js';

const snake = (name) => PARAMS[name].label;

function nested(volume, op, number) {
  const list = (v) => (Array.isArray(v) ? `[${v.map(list).join(', ')}]` : number(v));
  const spatial = op.dims === 3 ? volume : op.dims === 2 ? volume[0] : volume[0][0];
  return `[[${list(spatial)}]]`;
}

const pyNumber = (v) => (Number.isNaN(v) ? "float('nan')" : !Number.isFinite(v) ? `float('${v > 0 ? '' : '-'}inf')` : String(v));
const jsNumber = (v) => (Number.isNaN(v) ? 'NaN' : !Number.isFinite(v) ? `${v > 0 ? '' : '-'}Infinity` : String(v));
const same = (tuple) => tuple.every((v) => v === tuple[0]);

function shownArguments(op, values) {
  return op.params.filter((name) => values[name] !== null && (REQUIRED.includes(name) || !isDefault(op, values, name)));
}

function samples(op, values, tensorOf) {
  return tensorOf(`[[[${samplesInTorchOrder(op, argument(op, values, 'randomSamples')).join(', ')}]]]`);
}

/** The PyTorch module for the settings, e.g. nn.MaxPool2d(kernel_size=2). */
export function torchModule(op, values) {
  const args = shownArguments(op, values).map((name) => {
    const value = argument(op, values, name);
    if (name === 'randomSamples') return `_random_samples=${samples(op, values, (t) => `torch.tensor(${t})`)}`;
    if (typeof value === 'boolean') return `${snake(name)}=${value ? 'True' : 'False'}`;
    if (Array.isArray(value)) return `${snake(name)}=${same(value) ? value[0] : `(${value.join(', ')})`}`;
    return `${snake(name)}=${value}`;
  });
  return `nn.${op.name}(${args.join(', ')})`;
}

export function torchSnippet(op, values, volume) {
  const indices = values.returnIndices && op.params.includes('returnIndices');
  const call = indices ? 'out, indices = pool(x)\nprint(out, indices)' : 'print(pool(x))';
  return [
    'import torch',
    'from torch import nn',
    '',
    `x = torch.tensor(${nested(volume, op, pyNumber)}, dtype=torch.float32)`,
    `pool = ${torchModule(op, values)}`,
    call,
  ].join('\n');
}

export function poolkitSnippet(op, values, volume) {
  const options = shownArguments(op, values).map((name) => {
    const value = argument(op, values, name);
    if (name === 'randomSamples') return `randomSamples: ${samples(op, values, (t) => `poolkit.tensor(${t})`)}`;
    if (Array.isArray(value)) return `${name}: ${same(value) ? value[0] : `[${value.join(', ')}]`}`;
    return `${name}: ${value}`;
  });
  const indices = values.returnIndices && op.params.includes('returnIndices');
  return [
    "import * as poolkit from 'poolkit';",
    '',
    'await poolkit.ready();',
    `const x = poolkit.tensor(${nested(volume, op, jsNumber)});`,
    `const pool = new poolkit.nn.${op.name}({ ${options.join(', ')} });`,
    indices
      ? 'const [out, indices] = pool.forward(x);\nconsole.log(out.tolist(), indices.tolist());'
      : 'console.log(pool.forward(x).tolist());',
  ].join('\n');
}

/** Wires a Copy button to the text of `code`; `status` announces the result. */
export function copyButton(button, code, status) {
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard permission (an insecure origin, say): select the code for Ctrl+C instead.
      getSelection().selectAllChildren(code);
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}
