// Turns what a user passes (PyTorch's arguments, camelCased, in one options object) into the
// plain integer arrays the C++ side expects, rejecting wrong types with a message that names the
// argument. PyTorch's numeric rules (positive kernel, padding at most half of it, ...) are
// checked in C++ (cpp/pool/pool_shape.cpp), once, for every caller.
import { addressOf, Tensor } from './tensor.js';

function show(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return String(value);
}

const INT32_MAX = 2 ** 31 - 1;

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * An int or an array of 1 or `n` ints, as PyTorch's _pair/_triple accept; returns n ints. They
 * must also fit in int32: C++ multiplies and adds them in int64, and a huge double would not
 * survive the conversion into wasm. `allowOneElementArray: false` is for the arguments where
 * PyTorch does not expand [k] (it indexes every dimension or checks the length): there an
 * array has exactly `n` ints, and for n = 1 there is no array form at all.
 */
export function intTuple(op, name, value, n, { allowOneElementArray = true } = {}) {
  const values = Array.isArray(value) ? value : [value];
  if (!isTupleLength(value, n, allowOneElementArray) || !values.every(Number.isInteger)) {
    const form = n === 1 ? 'an integer' : `an integer or an array of ${n} integers`;
    throw new Error(`${op}: ${name} must be ${form}, got ${show(value)}`);
  }
  if (!values.every((v) => Math.abs(v) <= INT32_MAX)) {
    throw new Error(`${op}: ${name} must hold integers from -${INT32_MAX + 1} to ${INT32_MAX}, got ${show(value)}`);
  }
  return values.length === 1 ? Array(n).fill(values[0]) : [...values];
}

// Whether `value` (a bare value or an array) has a length intTuple and outputSizeTuple take.
function isTupleLength(value, n, allowOneElementArray) {
  if (!Array.isArray(value)) return true;
  if (value.length === 1) return allowOneElementArray;
  return value.length === n;
}

export function bool(op, name, value) {
  if (typeof value !== 'boolean') throw new Error(`${op}: ${name} must be true or false, got ${show(value)}`);
  return value;
}

/**
 * Reads an options object against `spec` ({name: defaultValue}); unknown keys are an error, so
 * a typo such as `kernel_size` is caught instead of silently ignored.
 */
export function readOptions(op, options, spec) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${op}: options must be an object such as {kernelSize: 2}, got ${show(options)}`);
  }
  // Own properties only on both sides: `constructor` or `toString` is no option, and an
  // option inherited from a prototype is not given.
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(spec, key)) {
      const hint = Object.hasOwn(spec, camel(key)) ? ` (did you mean ${camel(key)}?)` : '';
      throw new Error(`${op}: unknown option ${key}${hint}; the options are ${Object.keys(spec).join(', ')}`);
    }
  }
  const read = {};
  for (const [key, fallback] of Object.entries(spec)) {
    const given = Object.hasOwn(options, key) ? options[key] : undefined;
    read[key] = given ?? fallback;
  }
  return read;
}

/**
 * The arguments of an nn module's constructor, in any of the forms users write: PyTorch's
 * positional order, a first positional argument followed by an options object, or one options
 * object.
 */
export function moduleArguments(op, positionalNames, args) {
  const last = args[args.length - 1];
  const hasOptions = last !== null && typeof last === 'object' && !Array.isArray(last);
  const positional = hasOptions ? args.slice(0, -1) : args;
  if (positional.length > positionalNames.length) {
    throw new Error(`${op}: takes at most ${positionalNames.length} positional arguments (${positionalNames.join(', ')}), got ${positional.length}`);
  }
  const options = { ...(hasOptions ? last : {}) };
  positional.forEach((value, i) => {
    const name = positionalNames[i];
    if (Object.hasOwn(options, name)) throw new Error(`${op}: ${name} given both positionally and in the options`);
    options[name] = value;
  });
  return options;
}

/** The input every op takes: a live float32 Tensor. */
export function checkInput(op, input, name = 'input') {
  if (!(input instanceof Tensor)) {
    throw new Error(`${op}: ${name} must be a poolkit Tensor (make one with poolkit.tensor(data, shape)), got ${show(input)}`);
  }
  if (input.dtype !== 'float32') throw new Error(`${op}: ${name} must be float32, got ${input.dtype}`);
  return addressOf(input, op);
}


/**
 * Adaptive pooling's output size: an int, or `n` entries that are ints or null (PyTorch's None:
 * keep the input's size). Returns `n` entries; null stays null for C++ to resolve.
 * `allowOneElementArray` as in intTuple.
 */
export function outputSizeTuple(op, value, n, { allowNull, allowOneElementArray = true }) {
  const values = Array.isArray(value) ? value : [value];
  const ok = (v) => (v === null && allowNull) || (Number.isInteger(v) && Math.abs(v) <= INT32_MAX);
  if (!isTupleLength(value, n, allowOneElementArray) || !values.every(ok)) {
    const entries = allowNull ? 'integers or nulls' : 'integers';
    const form = n === 1 ? 'an integer' : `an integer or an array of ${n} ${entries}`;
    throw new Error(`${op}: outputSize must be ${form}, got ${show(value)}`);
  }
  return values.length === 1 ? Array(n).fill(values[0]) : [...values];
}

/** A number (its value is checked in C++, with PyTorch's rules). */
export function number(op, name, value) {
  if (typeof value !== 'number') throw new Error(`${op}: ${name} must be a number, got ${show(value)}`);
  return value;
}

/** An optional integer: null or undefined mean "not given". */
export function optionalInt(op, name, value) {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value)) throw new Error(`${op}: ${name} must be an integer or null, got ${show(value)}`);
  return value;
}
/** A value as messages show it: strings quoted, arrays bracketed, objects by their class name. */
export { show as describeValue };
