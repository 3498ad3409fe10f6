// The playground's grids: an editable input (with the padding drawn as a ring around it) and a
// read-only output whose cells, hovered or focused, point at the input window they came from.

export function format(v) {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(3).replace(/\.?0+$/, '');
}

/**
 * Draws `values` (rows of numbers) into `table` as inputs, with `pad` = [rows, cols] of padding
 * cells around. Calls onEdit(row, col, value) when the user types a number.
 */
export function drawInputGrid(table, values, pad, onEdit) {
  const rows = values.length;
  const cols = values[0].length;
  table.replaceChildren();
  for (let r = -pad[0]; r < rows + pad[0]; r++) {
    const tr = table.insertRow();
    for (let c = -pad[1]; c < cols + pad[1]; c++) {
      const td = tr.insertCell();
      td.dataset.pos = `${r},${c}`;
      if (r < 0 || c < 0 || r >= rows || c >= cols) {
        td.className = 'pad';
        td.title = 'padding';
        continue;
      }
      const input = document.createElement('input');
      input.value = format(values[r][c]);
      input.inputMode = 'decimal';
      input.setAttribute('aria-label', `input row ${r + 1}, column ${c + 1}`);
      input.addEventListener('change', () => {
        try {
          onEdit(r, c, parseNumber(input.value));
        } catch {
          input.value = format(values[r][c]);
        }
      });
      td.append(input);
    }
  }
}

/** Draws the output; onFocus(row, col) runs when a cell is hovered or focused, and null on leave. */
export function drawOutputGrid(table, values, onFocus) {
  table.replaceChildren();
  values.forEach((row, r) => {
    const tr = table.insertRow();
    row.forEach((v, c) => {
      const td = tr.insertCell();
      td.textContent = format(v);
      td.tabIndex = 0;
      td.setAttribute('aria-label', `output row ${r + 1}, column ${c + 1}: ${format(v)}`);
      const enter = () => onFocus(r, c, td);
      td.addEventListener('mouseenter', enter);
      td.addEventListener('focus', enter);
      td.addEventListener('mouseleave', () => onFocus(null));
      td.addEventListener('blur', () => onFocus(null));
    });
  });
}

/** Marks the input cells of a window; `chosen` is the [row, col] a max op picked, if any. */
export function highlightWindow(table, rows, cols, chosen) {
  for (const td of table.querySelectorAll('td')) {
    const [r, c] = td.dataset.pos.split(',').map(Number);
    td.classList.toggle('window', rows.includes(r) && cols.includes(c));
    td.classList.toggle('chosen', !!chosen && chosen[0] === r && chosen[1] === c);
  }
}

// A number as a user types it; 'nan', 'inf' and '-inf' included, as PyTorch prints them.
export function parseNumber(text) {
  const t = text.trim().toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === '+inf') return Infinity;
  if (t === '-inf') return -Infinity;
  const v = t === '' ? NaN : Number(t);
  if (Number.isNaN(v)) throw new Error(`"${text.trim()}" is not a number`);
  return v;
}

/** Rows of numbers from pasted text: one row per line, numbers split by spaces, commas or tabs. */
export function parseMatrix(text) {
  const rows = text
    .trim()
    .split(/\n+/)
    .map((line) => line.replace(/[[\]()]/g, ' ').trim())
    .filter(Boolean)
    .map((line) => line.split(/[\s,;]+/).filter(Boolean).map(parseNumber));
  if (!rows.length || rows.some((r) => r.length !== rows[0].length)) {
    throw new Error('paste rows of equal length, numbers separated by spaces or commas');
  }
  return rows;
}
