// browser_run.js's tables: per page kind (plain, COOP/COEP), the Node benchmark's columns; the
// outputs' agreement with poolkit's; the issue's targets; compute vs reading back.
import { fmt, fmtMs, medianOf } from './report.js';

const isPooling = (benchCase) => /Pool/.test(benchCase.name);

/**
 * Prints the report of a run: `cells[column][case index][config label]` holds {times, compute,
 * threads, batch, unsupported}, `agree[column][case index][config label]` the max relative
 * difference from poolkit 1t. Returns false when poolkit agrees with no peer somewhere.
 */
export function printBrowserReport({ configs, columns, runsIn, cells, agree, selected, smoke }) {
  const configOf = (label) => configs.find((c) => c.label === label);
  const ms = (column, index, label) => medianOf(cells[column.name][index]?.[label]?.times ?? []);
  const ratio = (a, b) => (a && b ? a / b : NaN);
  const problems = [];
  const notes = new Set();
  let ok = true;
  for (const column of columns) {
    const tfjsThreads = column.isolated ? 'threaded build' : '1t';
    console.log(`\n### ${column.name}${column.isolated ? '' : ' (not cross-origin isolated: no threads, 2t is n/a)'}\n`);
    console.log(
      `| case | ${configs.map((c) => `${c.label === 'tfjs' ? `tfjs ${tfjsThreads}` : c.label} ms`).join(' | ')} | ` +
        `poolkit/ort (1t) | poolkit/tfjs (1t) | poolkit/ort (2t) | poolkit/tfjs (2t) | GFLOP/s poolkit 1t | max rel diff ort 1t / tfjs |`,
    );
    console.log(`|---|${configs.map(() => '---|').join('')}---|---|---|---|---|---|`);
    for (const [benchCase, index] of selected) {
      const at = (label) => ms(column, index, label);
      const cell = (label) => {
        if (!runsIn(configOf(label), column)) return 'n/a';
        return cells[column.name][index]?.[label]?.unsupported ? '—' : fmtMs(at(label));
      };
      const r = (a, b) => (runsIn(configOf(a), column) && runsIn(configOf(b), column) ? fmt(ratio(at(a), at(b)), 2) : 'n/a');
      const flops = smoke ? null : benchCase.flops;
      const p1 = at('poolkit 1t');
      const diffs = agree[column.name][index] ?? {};
      const diff = (label) => (label in diffs ? diffs[label].toExponential(0) : '—');
      console.log(
        `| ${benchCase.name} | ${configs.map((c) => cell(c.label)).join(' | ')} | ${r('poolkit 1t', 'ort 1t')} | ${r('poolkit 1t', 'tfjs')} | ` +
          `${r('poolkit 2t', 'ort 2t')} | ${column.isolated ? r('poolkit 2t', 'tfjs') : 'n/a'} | ` +
          `${flops && p1 ? fmt(flops / (p1 * 1e6)) : '—'} | ${diff('ort 1t')} / ${diff('tfjs')} |`,
      );
      const bugs = benchCase.peerBugs ?? {};
      const known = (label) => bugs[label.split(' ')[0]];
      for (const [label, d] of Object.entries(diffs)) {
        if (d > 1e-3) problems.push(`${column.name}, ${benchCase.name}: ${label} differs by ${d.toExponential(1)}${known(label) ? ` (known: ${known(label)})` : ''}`);
      }
      // poolkit's numbers are PyTorch's (the tests say so); if no peer agrees with it, something is wrong.
      const peers = Object.entries(diffs).filter(([label]) => !label.startsWith('poolkit') && !known(label));
      const selfMismatch = (diffs['poolkit 2t'] ?? 0) > 1e-3;
      if (!cells[column.name][index]?.['poolkit 1t']?.unsupported && (selfMismatch || (peers.length && Math.min(...peers.map(([, d]) => d)) > 1e-3))) {
        problems.push(`${column.name}, ${benchCase.name}: poolkit agrees with no peer${selfMismatch ? ' (nor 1t with 2t)' : ''}`);
        ok = false;
      }
      for (const config of configs) {
        const seen = [...(cells[column.name][index]?.[config.label]?.threads ?? [])];
        const asked = column.isolated ? config.threads : 1;
        if (config.runtime === 'tfjs') notes.add(`${column.name}: TensorFlow.js reported ${seen.join('/')} thread(s)${column.isolated ? ' from its threaded build, asked for 2' : ''}`);
        else if (seen.some((t) => t !== asked)) problems.push(`${column.name}, ${benchCase.name}: ${config.label} ran with ${seen.join('/')} threads`);
      }
    }
  }
  console.log(
    '\nEvery output was read back into JavaScript inside the timing and compared with poolkit 1t\'s in the same kind of page ' +
      '(max rel diff: the largest difference over the largest magnitude).',
  );
  for (const note of notes) console.log(`- ${note}`);
  if (problems.length) console.log(`\ndisagreements and surprises:\n- ${problems.join('\n- ')}`);
  if (!smoke) printTargets({ columns, selected, ms, ratio });
  printSplits({ configs, columns, runsIn, cells, selected });
  return ok;
}

// The issue's targets (issue 16): UNet at most 0.6x onnxruntime-web's time and 0.5x TensorFlow.js's
// at the same thread count; every pooling case at least as fast as the faster peer.
function printTargets({ columns, selected, ms, ratio }) {
  const lines = [];
  for (const column of columns) {
    for (const threads of column.isolated ? [1, 2] : [1]) {
      for (const [benchCase, index] of selected) {
        const p = ms(column, index, `poolkit ${threads}t`);
        const ort = ms(column, index, `ort ${threads}t`);
        const tfjs = ms(column, index, 'tfjs'); // one thread, whatever it was asked (see the note)
        const check = (what, value, limit) => {
          if (!p || !Number.isFinite(value)) return;
          const met = value <= limit;
          const over = met ? '' : `; ${((value / limit - 1) * 100).toFixed(0)}% over`;
          lines.push(`${met ? 'met' : 'MISSED'}: ${column.name}, ${threads}t, ${benchCase.name}: ${what} ${value.toFixed(2)} (target ≤ ${limit}${over})`);
        };
        if (benchCase.unet) {
          check('poolkit/ort', ratio(p, ort), 0.6);
          check('poolkit/tfjs', ratio(p, tfjs), 0.5);
        } else if (isPooling(benchCase)) {
          const peers = [ort, tfjs].filter((v) => v);
          if (peers.length) check('poolkit/faster peer', ratio(p, Math.min(...peers)), 1);
        }
      }
    }
  }
  if (lines.length) console.log(`\ntargets (issue 16):\n- ${lines.join('\n- ')}`);
}

// Where the time goes: until the output exists, and reading it back (poolkit's y.data, TF.js's await y.data()).
function printSplits({ configs, columns, runsIn, cells, selected }) {
  const labels = columns.flatMap((column) =>
    ['poolkit 1t', 'poolkit 2t', 'tfjs'].filter((l) => runsIn(configs.find((c) => c.label === l), column)).map((l) => [column, l]),
  );
  console.log('\nCompute (until the output exists) / total ms, medians; the rest is reading the output back into JavaScript:\n');
  console.log(`| case | ${labels.map(([column, l]) => `${l}${column.isolated ? ', COOP/COEP' : ''}`).join(' | ')} |`);
  console.log(`|---|${labels.map(() => '---|').join('')}`);
  for (const [benchCase, index] of selected) {
    const text = labels.map(([column, label]) => {
      const cell = cells[column.name][index]?.[label];
      return cell && !cell.unsupported ? `${fmtMs(medianOf(cell.compute))} / ${fmtMs(medianOf(cell.times))}` : '—';
    });
    console.log(`| ${benchCase.name} | ${text.join(' | ')} |`);
  }
}
