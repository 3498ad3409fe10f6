// The view in the page's address, so a link reopens it: the op, its arguments in PyTorch's
// names (only those that differ from the page's defaults), the input numbers and the toggles.
//   ?op=AvgPool2d&kernel_size=3,3&stride=1,1&count_include_pad=False&input=1,2;3,4
import { PARAMS, defaultValues, forDims } from './ops.js';
import { parseNumber } from './paste.js';

const number = (v) => (Number.isNaN(v) ? 'nan' : !Number.isFinite(v) ? (v > 0 ? 'inf' : '-inf') : String(v));

function encodeValue(spec, op, value) {
  if (value === null) return 'None';
  if (spec.kind === 'bool') return value ? 'True' : 'False';
  if (spec.kind === 'tuple') return forDims(op, value).join(',');
  return String(value);
}

/** The query string for a view: {op, values, volume, unpool, compare}. */
export function encodeView({ op, values, volume, unpool, compare }) {
  const query = new URLSearchParams({ op: op.name });
  const defaults = defaultValues();
  for (const name of op.params) {
    const spec = PARAMS[name];
    const text = encodeValue(spec, op, values[name]);
    if (text !== encodeValue(spec, op, defaults[name])) query.set(spec.label, text);
  }
  query.set('input', volume.map((slice) => slice.map((row) => row.map(number).join(',')).join(';')).join('|'));
  if (unpool) query.set('unpool', '1');
  if (compare !== 'off') query.set('compare', compare);
  // , ; and | are legal in a query: left unescaped, the numbers stay readable in the link.
  return `?${query}`.replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%7C/g, '|');
}

/**
 * A view from a query string, over `fallback` (the page's starting view); what cannot be read
 * keeps the fallback's value. `ops` are the ops this build has.
 */
export function decodeView(search, ops, fallback) {
  const query = new URLSearchParams(search);
  const op = ops.find((o) => o.name === query.get('op')) ?? fallback.op;
  const values = { ...fallback.values };
  for (const name of op.params) {
    const spec = PARAMS[name];
    const text = query.get(spec.label);
    if (text === null) continue;
    if (text === 'None' && spec.optional) values[name] = null;
    else if (spec.kind === 'bool') values[name] = text === 'True';
    else if (spec.kind === 'tuple') {
      const parts = text.split(',').map(Number);
      if (parts.length !== op.dims || parts.some(Number.isNaN)) continue;
      const base = values[name] ?? values.kernelSize;
      values[name] = [...base.slice(0, 3 - op.dims), ...parts];
    } else if (!Number.isNaN(Number(text))) values[name] = Number(text);
  }
  let volume = null;
  try {
    const text = query.get('input');
    if (text) volume = text.split('|').map((slice) => slice.split(';').map((row) => row.split(',').map(parseNumber)));
    const width = volume?.[0][0].length;
    if (volume && !volume.every((s) => s.length === volume[0].length && s.every((r) => r.length === width))) volume = null;
  } catch {
    volume = null; // a damaged link falls back to the example
  }
  const compare = ['family', 'ceil'].includes(query.get('compare')) ? query.get('compare') : 'off';
  return { op, values, volume, unpool: query.get('unpool') === '1', compare };
}
