// `npm run bench` on tiny inputs: every case runs on poolkit (one and two threads) and on the
// peers that are there (onnxruntime-web needs PyTorch to export its models, so CI may skip it),
// and the harness finds that the runtimes agree.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

test('the benchmark harness runs every case and the runtimes agree', () => {
  const run = spawnSync(process.execPath, ['scripts/bench/run.js', '--smoke'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  const rows = run.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| case'));
  const names = rows.map((row) => row.split('|')[1].trim());
  expect(names).toEqual([
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
    const [poolkit1, poolkit2, , , tfjs] = row.split('|').slice(2, 7).map((cell) => Number(cell));
    expect([poolkit1, poolkit2, tfjs].every(Number.isFinite)).toBe(true);
  }
}, 300000);
