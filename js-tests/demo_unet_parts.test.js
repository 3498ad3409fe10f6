// The UNet demo's parts that need no page, in Node: the out-of-distribution statistics against
// numpy, the protocol client's dropping of stale answers, the tile plan against what segment
// really runs, the IoU, and the sample manifest in its old and new formats.
import { readFileSync } from 'node:fs';
import * as poolkit from 'poolkit';
import { foregroundIoU } from '../web/demo/unet/metrics.js';
import { passClient } from '../web/demo/unet/pass_client.js';
import { readManifest } from '../web/demo/unet/samples.js';
import { colourSpread, describeReasons, normalizedStatistics, outOfRange, trainingRanges } from '../web/demo/unet/statistics.js';
import { planTiles } from '../web/demo/unet/tile_size.js';
import { oneLevelUNetFile } from './helpers/small_unet.js';

const fromRepo = (path) => new URL(`../${path}`, import.meta.url);

describe('statistics', () => {
  // numpy 1.24: np.percentile(x.astype(np.float64), q), then scripts/cells/normalize.py's
  // intensity_statistics(percentile_normalize(x)) in float64.
  const x = Float32Array.from([0.1, 0.5, 0.2, 0.9, 0.05, 0.3, 0.3, 1.0, 0.0, 0.45, 0.7]);

  test('the normalized mean, std and skewness are numpy’s, from the model\'s bounds', async () => {
    // lo and hi as segment finds them: the model's 1st and 99.8th percentiles of x.
    const net = await poolkit.UNet.fromSafetensors(oneLevelUNetFile({ metadata: { preprocessing: '{"type": "percentile", "low": 1, "high": 99.8}' } }));
    const image = poolkit.tensor(x, [1, 1, 1, x.length]);
    const bounds = net.preprocessingBounds(image);
    expect(bounds.lo).toBeCloseTo(0.005000000074505806, 15);
    expect(bounds.hi).toBeCloseTo(0.9979999995231629, 15);
    const s = normalizedStatistics(x, bounds);
    expect(s.mean).toBeCloseTo(0.40693948393499774, 12);
    expect(s.std).toBeCloseTo(0.32477655370972797, 12);
    expect(s.skewness).toBeCloseTo(0.5258902704026728, 12);
    // A constant image: no NaN, as the epsilon in normalize.py promises.
    const constant = poolkit.tensor(new Float32Array(9).fill(0.4), [1, 3, 3]);
    expect(normalizedStatistics(constant.data, net.preprocessingBounds(constant))).toEqual({ mean: 0, std: 0, skewness: 0 });
    [net, image, constant].forEach((t) => t.dispose());
  });

  test('a statistic outside the training extremes is named, with its value and range', () => {
    const ranges = { mean: [0.1, 0.3], std: [0.1, 0.2], skewness: [1, 3] };
    expect(outOfRange({ mean: 0.3, std: 0.1, skewness: 1 }, ranges)).toEqual([]); // the extremes are in
    expect(outOfRange({ mean: 0.31, std: 0.15, skewness: 2 }, ranges).map((o) => o.name)).toEqual(['mean']);
    const outside = outOfRange({ mean: 0.8, std: 0.15, skewness: -1.7 }, ranges);
    expect(outside.map((o) => o.name)).toEqual(['mean', 'skewness']);
    const reasons = describeReasons({ spread: 0, outside });
    expect(reasons).toEqual([
      'its normalized mean brightness is 0.80, where the training images range over 0.10 to 0.30',
      'its normalized skewness is -1.70, where the training images range over 1.00 to 3.00',
    ]);
    expect(describeReasons({ spread: 0.24, outside: [] })[0]).toMatch(/^it is in colour \(its red, green and blue differ by 24% on average\)/);
  });

  test('the ranges come from __metadata__.input_statistics, and a model without them gives none', () => {
    expect(trainingRanges({ input_statistics: '{"mean": [0.1, 0.2], "std": [0.1, 0.3], "skewness": [1, 2]}' })).toEqual({
      mean: [0.1, 0.2],
      std: [0.1, 0.3],
      skewness: [1, 2],
    });
    expect(trainingRanges({ format: 'pt' })).toBeNull();
    expect(trainingRanges(undefined)).toBeNull();
    expect(trainingRanges({ input_statistics: 'not json' })).toBeNull();
  });

  test('colour spread: 0 for grey pixels, the mean channel spread otherwise', () => {
    expect(colourSpread(Uint8Array.from([7, 7, 7, 255, 200, 200, 200, 255]))).toBe(0);
    expect(colourSpread(Uint8Array.from([255, 0, 0, 255, 10, 10, 61, 255]))).toBeCloseTo((255 + 51) / 2 / 255, 12);
  });
});

describe('passClient', () => {
  // A stand-in worker: records what the page posts, and answers when the test says.
  function fakeWorker() {
    const worker = new EventTarget();
    worker.posted = [];
    worker.postMessage = (message) => worker.posted.push(message);
    worker.answer = (data) => worker.dispatchEvent(new MessageEvent('message', { data }));
    return worker;
  }

  test('answers reach the pass they answer; a replaced pass is cancelled and never heard from again', () => {
    const worker = fakeWorker();
    const client = passClient(worker);
    const heard = [];
    const on = (name) => Object.fromEntries(['checked', 'progress', 'done', 'error', 'cancelled'].map((t) => [t, (d) => heard.push(`${name} ${t} ${d.id}`)]));
    const a = client.run({ width: 1 }, on('a'));
    client.run({ width: 2 }, on('b'));
    expect(worker.posted).toEqual([
      { type: 'run', id: a.id, stop: null, width: 1 },
      { type: 'cancel', id: a.id },
      { type: 'run', id: a.id + 1, stop: null, width: 2 },
    ]);
    worker.answer({ type: 'progress', id: a.id, fraction: 0.5 });
    worker.answer({ type: 'done', id: a.id }); // late: a was replaced
    worker.answer({ type: 'progress', id: a.id + 1, fraction: 0.5 });
    worker.answer({ type: 'done', id: a.id + 1 });
    worker.answer({ type: 'done', id: a.id + 1 }); // a second answer to a finished pass
    expect(heard).toEqual([`b progress ${a.id + 1}`, `b done ${a.id + 1}`]);
  });

  test('a cancelled pass hears only that it stopped, even when it finished first', () => {
    const worker = fakeWorker();
    const client = passClient(worker);
    const heard = [];
    const pass = client.run({}, { progress: () => heard.push('progress'), done: () => heard.push('done'), cancelled: () => heard.push('cancelled') });
    pass.cancel();
    expect(worker.posted.at(-1)).toEqual({ type: 'cancel', id: pass.id });
    worker.answer({ type: 'progress', id: pass.id, fraction: 0.9 });
    worker.answer({ type: 'done', id: pass.id }); // it finished before the cancel reached it
    expect(heard).toEqual(['cancelled']);
  });
});

test('foregroundIoU: over the whole image, or over the centre a smaller truth covers', () => {
  const foreground = Uint8Array.from([1, 1, 0, 0, 1, 0, 0, 0, 0]); // 3 x 3
  expect(foregroundIoU(foreground, 3, 3, Uint8Array.from([255, 0, 0, 0, 255, 255, 0, 0, 0]), 3, 3)).toBe(2 / 4);
  expect(foregroundIoU(foreground, 3, 3, Uint8Array.from([255]), 1, 1)).toBe(1);
  expect(() => foregroundIoU(foreground, 3, 3, new Uint8Array(4), 2, 2)).toThrow(/does not fit/);
});

test('the manifest: the new format as written, the old one with names and no counts', () => {
  const base = 'http://x/samples/cells.json';
  const current = readManifest(JSON.parse(readFileSync(fromRepo('web/public/samples/cells.json'), 'utf8')), base);
  expect(current.weightsUrl).toBe('http://x/models/cells-unet-base16.safetensors');
  expect(current.samples[0]).toMatchObject({ name: expect.any(String), image: expect.stringMatching(/^http:\/\/x\/samples\/.+\.png$/) });
  const next = readManifest(
    {
      model: '../models/m.safetensors',
      classes: ['background', 'cell', 'boundary'],
      minArea: 20,
      samples: [
        { name: 'dense', image: 'd.png', truth: 'd-truth.png', count: 41, generator: 'independent', description: 'Crowded cells.', pytorch: { iou: 0.91, count: 40 } },
        { name: 'lit', image: 'l.png', truth: 'l-truth.png', count: 7, generator: 'independent', description: 'the independent generator: sparse cells' },
      ],
    },
    base,
  );
  expect(next).toEqual({
    weightsUrl: 'http://x/models/m.safetensors',
    weightsName: 'm.safetensors',
    classes: ['background', 'cell', 'boundary'],
    minArea: 20,
    samples: [
      {
        name: 'dense',
        image: 'http://x/samples/d.png',
        truth: 'http://x/samples/d-truth.png',
        count: 41,
        description: 'Crowded cells. Made by an independent generator.',
        pytorch: { iou: 0.91, count: 40 },
      },
      { name: 'lit', image: 'http://x/samples/l.png', truth: 'http://x/samples/l-truth.png', count: 7, description: 'The independent generator: sparse cells.', pytorch: null },
    ],
  });
});

test('the tile plan: as many tiles as segment runs with its tileSize, never more than 572', async () => {
  const net = await poolkit.UNet.fromSafetensors(readFileSync(fromRepo('web/public/models/cells-unet-base16.safetensors')));
  try {
    for (const [height, width] of [
      [1, 1],
      [188, 188],
      [30, 700],
      [517, 333],
    ]) {
      const plan = planTiles(height, width, net);
      expect(plan.tileSize).toBeLessThanOrEqual(572);
      let tiles = 0;
      const image = poolkit.tensor(new Float32Array(height * width), [1, 1, height, width]);
      (await net.segment(image, { tileSize: plan.tileSize, onProgress: () => tiles++ })).dispose();
      image.dispose();
      expect([height, width, tiles]).toEqual([height, width, plan.tiles]);
    }
  } finally {
    net.dispose();
  }
});
