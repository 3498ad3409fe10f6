// `npm run bench:browser` on tiny inputs: every case runs in headless Chromium, without and with
// COOP/COEP, on poolkit (one and two threads), onnxruntime-web (when PyTorch was there to export
// its models) and TensorFlow.js, and the harness finds that the runtimes agree with poolkit.
// Only that numbers come out is checked, never how fast: speed is the benchmark's to report.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let run;

beforeAll(() => {
  run = spawnSync(process.execPath, ['scripts/bench/browser_run.js', '--smoke'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
}, 300000);

// The rows of each Markdown table under a '### <title>' heading: {title: rows of cells}.
function tables(text) {
  const found = {};
  let title = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('### ')) title = line.slice(4).split(' (')[0];
    else if (title && line.startsWith('| ') && !line.startsWith('| case')) (found[title] ??= []).push(line.split('|').slice(1, -1).map((c) => c.trim()));
    else if (title && found[title] && !line.startsWith('|')) title = null;
  }
  return found;
}

const CASE_NAMES = [
  'maxPool2d k2 s2',
  'maxPool2d k3 s2 p1',
  'avgPool2d k3 s1 p1 (exclude pad)',
  'adaptiveAvgPool2d(1)',
  'maxPool3d k2 s2',
  'conv2d 64->64 3x3',
  'convTranspose2d 512->256 k2 s2',
  'UNet 252x252',
];

test('the Chromium benchmark runs every case with and without COOP/COEP, and the runtimes agree', () => {
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Chromium \d+\.\d+/);
  expect(run.stdout).not.toContain('agrees with no peer');
  const found = tables(run.stdout);
  expect(Object.keys(found)).toEqual(['Chromium', 'Chromium + COOP/COEP']);
  for (const [title, rows] of Object.entries(found)) {
    expect(rows.map((row) => row[0])).toEqual(CASE_NAMES);
    for (const row of rows) {
      // poolkit 1t, poolkit 2t, ort 1t, ort 2t, tfjs: numbers, or n/a for threads in the plain page
      const [poolkit1, poolkit2, ort1, ort2, tfjs] = row.slice(1, 6);
      for (const cell of [poolkit1, tfjs]) expect(Number.isFinite(Number(cell))).toBe(true);
      if (title === 'Chromium') expect([poolkit2, ort2]).toEqual(['n/a', 'n/a']);
      else expect(Number.isFinite(Number(poolkit2))).toBe(true);
      if (ort1 !== '—') expect(Number.isFinite(Number(ort1))).toBe(true); // — when PyTorch is missing
      // max rel diff ort 1t / tfjs: each agrees, but TF.js's known maxPool3d bug
      const [ortDiff, tfjsDiff] = row.at(-1).split(' / ');
      if (ortDiff !== '—') expect(Number(ortDiff)).toBeLessThanOrEqual(1e-3);
      if (row[0] !== 'maxPool3d k2 s2') expect(Number(tfjsDiff)).toBeLessThanOrEqual(1e-3);
    }
  }
});
