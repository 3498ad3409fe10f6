// `npm run bench` on tiny inputs: every case runs on poolkit (one and two threads) and on the
// peers that are there (onnxruntime-web needs PyTorch to export its models, so CI may skip it),
// and the harness finds that the runtimes agree. Then the segment section on tiny images:
// UNet.segment and onnxruntime-web on the same tiles give megapixels per second and agree, and
// the memory case reports a peak RSS. Then the cold-start section, a few runs per cell: every
// runtime gives the seed result in Node and in Chromium, with and without COOP/COEP.
// Only that numbers come out is checked, never how fast: speed is the benchmark's to report.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let run;
let caseOutput;
let segmentOutput;
let memoryOutput;
let coldOutput;

beforeAll(() => {
  run = spawnSync(process.execPath, ['scripts/bench/run.js', '--smoke'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  let rest;
  [caseOutput, rest = ''] = run.stdout.split('## Segment: ');
  [segmentOutput, rest = ''] = rest.split('## Segment memory');
  [memoryOutput, coldOutput = ''] = rest.split('## Cold start');
}, 300000);

// The rows of the first Markdown table in `text`, as arrays of cells.
function tableRows(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| '));
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return lines
    .slice(start + 2, end < 0 ? undefined : end)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

test('the benchmark harness runs every case and the runtimes agree', () => {
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  const rows = tableRows(caseOutput);
  expect(rows.map((row) => row[0])).toEqual([
    'maxPool2d k2 s2',
    'maxPool2d k3 s2 p1',
    'avgPool2d k3 s1 p1 (exclude pad)',
    'adaptiveAvgPool2d(1)',
    'maxPool3d k2 s2',
    'conv2d 64->64 3x3',
    'convTranspose2d 512->256 k2 s2',
    'UNet 252x252',
  ]);
  for (const row of rows) {
    const [poolkit1, poolkit2, , , tfjs] = row.slice(1, 6).map((cell) => Number(cell));
    expect([poolkit1, poolkit2, tfjs].every(Number.isFinite)).toBe(true);
  }
});

test('the segment section gives megapixels per second on every runtime that is there, and they agree', () => {
  expect(run.status).toBe(0);
  const rows = tableRows(segmentOutput);
  expect(rows.map((row) => row[0])).toEqual([
    expect.stringMatching(/^cells-unet-base16 \(trained\), \d+ classes$/),
    expect.stringMatching(/^seed net, base 64 \(seeded weights\), 2 classes$/),
  ]);
  for (const row of rows) {
    expect(row).toHaveLength(12);
    expect(row[2]).toMatch(/^\d+ of \d+x\d+$/); // tiles
    const [poolkit1, poolkit2, ort1, ort2] = row.slice(4, 8);
    for (const cell of [poolkit1, poolkit2]) expect(Number.isFinite(Number(cell))).toBe(true);
    // onnxruntime-web runs where PyTorch exported its models; then it agrees with poolkit.
    for (const cell of [ort1, ort2]) expect(cell).toMatch(/^(—|[\d.e+-]+)$/);
    if (ort1 !== '—') expect(segmentOutput).toContain("Every runtime's logits agree with poolkit 1t's");
  }
  expect(segmentOutput).not.toContain('disagreements');
});

test('the segment memory case reports the peak RSS and time of a fresh process, without judging them here', () => {
  expect(run.status).toBe(0);
  const [row] = tableRows(memoryOutput);
  expect(row).toHaveLength(11);
  const [, image, tiles, threads, seconds, rate, peakRss, verdict, , afterReadBack, finite] = row;
  expect(image).toMatch(/^\d+x\d+$/);
  expect(tiles).toMatch(/^\d+ of \d+x\d+$/);
  for (const cell of [threads, peakRss, afterReadBack]) expect(Number(cell)).toBeGreaterThan(0);
  for (const cell of [seconds, rate]) expect(Number.isFinite(Number(cell))).toBe(true);
  expect(verdict).toMatch(/^(pass|FAIL)$/);
  expect(finite).toBe('yes');
});

test('the cold-start section times every runtime in Node and Chromium, with and without COOP/COEP', () => {
  expect(run.status).toBe(0);
  expect(coldOutput).toContain('Every run read back [[6, 8], [14, 16]] (shape 1x1x2x2).');
  const rows = tableRows(coldOutput);
  expect(rows.map((row) => row[0])).toEqual([
    'poolkit ready()',
    'poolkit ready({threads: 1})',
    'onnxruntime-web (default threads)',
    'onnxruntime-web numThreads = 1',
    'TensorFlow.js wasm',
    'poolkit ready() / fastest peer',
  ]);
  for (const row of rows.slice(0, -1)) {
    expect(row).toHaveLength(4);
    for (const cell of row.slice(1)) expect(cell).toMatch(/^[\d.]+ \([\d.]+\)$/); // median (min), nothing failed
  }
  for (const cell of rows.at(-1).slice(1)) expect(cell).toMatch(/^[\d.]+ \(.+\)$/);
});
