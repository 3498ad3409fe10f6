import * as poolkit from 'poolkit';

const x = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];

function fillGrid(table, rows, highlight = () => false) {
  table.replaceChildren(
    ...rows.map((row, i) => {
      const tr = document.createElement('tr');
      row.forEach((value, j) => {
        const td = document.createElement('td');
        td.textContent = String(value);
        if (highlight(i, j)) td.className = 'max';
        tr.append(td);
      });
      return tr;
    }),
  );
}

async function main() {
  const status = document.getElementById('status');
  try {
    await poolkit.ready();
    const input = poolkit.tensor([[x]]);
    const pool = new poolkit.nn.MaxPool2d(2, { stride: 2, returnIndices: true });
    const [output, indices] = pool.forward(input);
    const chosen = new Set(indices.data);
    fillGrid(document.getElementById('input-grid'), x, (i, j) => chosen.has(i * 4 + j));
    fillGrid(document.getElementById('output-grid'), output.tolist()[0][0]);
    status.textContent = 'Computed by poolkit (WebAssembly SIMD). Highlighted: the maximum of each window.';
  } catch (error) {
    status.textContent = `poolkit failed: ${error.message}`;
    status.classList.add('error');
  }
}

main();
