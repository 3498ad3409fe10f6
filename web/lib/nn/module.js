// What every poolkit.nn module shares: forward() does the work, and toString() prints the
// module the way PyTorch's repr does, so the equivalent PyTorch line is one call away.
export class Module {
  forward() {
    throw new Error(`${this.constructor.name}.forward is not implemented`);
  }

  /** PyTorch's extra_repr: the arguments shown between the parentheses. */
  extraRepr() {
    return '';
  }

  toString() {
    return `${this.constructor.name}(${this.extraRepr()})`;
  }
}

const py = (value) => {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.length === 1 ? `(${py(value[0])},)` : `(${value.map(py).join(', ')})`;
  if (value === null || value === undefined) return 'None';
  return String(value);
};

/** `name=value` pairs in Python syntax, e.g. "kernel_size=2, ceil_mode=False". */
export function pythonArguments(pairs) {
  return pairs.map(([name, value]) => `${name}=${py(value)}`).join(', ');
}
