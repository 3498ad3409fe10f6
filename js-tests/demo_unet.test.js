// The demo's UNet section in Chromium: samples and uploads of any size through UNet.segment in
// the worker, Cancel, answers that arrive after the visitor moved on, the messages for files it
// cannot take, the ground truth's IoU recomputed here from the truth PNG and the page's mask, and
// the warning for images unlike the training data.
import { readFileSync } from 'node:fs';
import { axeViolations } from './helpers/axe.js';
import { launchChromium, startDemoServer } from './helpers/browser.js';
import { cellsLikePng, encodeGrey } from './helpers/png.js';
import { decodeSafetensors, encodeSafetensors } from './helpers/safetensors.js';
import { decodeInPage, heldAnswers, holdAnswers, openUNetPage, readCanvas, releaseAnswers, waitForStage } from './helpers/unet_page.js';

const fromRepo = (path) => new URL(`../${path}`, import.meta.url);
const manifest = JSON.parse(readFileSync(fromRepo('web/public/samples/cells.json'), 'utf8'));
const screenshot = (name) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;

// The model's __metadata__, read from the safetensors header as the page's poolkit reads it.
const weights = readFileSync(fromRepo(`web/public/samples/${manifest.model}`));
const header = JSON.parse(weights.subarray(8, 8 + Number(weights.readBigUInt64LE(0))).toString('utf8'));
const hasStatistics = typeof header.__metadata__?.input_statistics === 'string';

// The samples from the fewest pixels up (a PNG's width and height are bytes 16 to 23): the tests
// that need any sample take the smallest, so that they take seconds, not tens of seconds.
const pixels = (png) => {
  const bytes = readFileSync(fromRepo(`web/public/samples/${png}`));
  return bytes.readUInt32BE(16) * bytes.readUInt32BE(20);
};
const bySize = manifest.samples.map((s, i) => [pixels(s.image), i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
const [small, smaller2] = bySize;

let server;
let browser;
let page;
let errors;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  ({ page, errors } = await openUNetPage(browser, server.url));
}, 90000);

afterEach(() => {
  expect(errors.splice(0)).toEqual([]); // messages in the page, never page errors
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = (selector) => page.textContent(selector);
const isHidden = (selector) => page.$eval(selector, (e) => e.closest('[hidden]') !== null);

async function chooseSample(index) {
  await page.selectOption('#unet-sample', String(index));
  await waitForStage(page, 'ready: press Run');
}

async function upload(name, mimeType, buffer) {
  await page.setInputFiles('#unet-upload', { name, mimeType, buffer });
}

async function runToEnd() {
  await page.click('#unet-run');
  await waitForStage(page, 'done', 'failed');
  expect(await text('#unet-error')).toBe('');
}

// The mask is black where the model found background, coloured (or grey) where it found cells.
const foregroundOf = ({ rgba }) => Uint8Array.from({ length: rgba.length / 4 }, (_, i) => (rgba[4 * i] || rgba[4 * i + 1] || rgba[4 * i + 2] ? 1 : 0));
const red = ({ rgba }) => rgba.filter((_, i) => i % 4 === 0);

test('a sample is drawn when chosen; Run gives its mask, outlines on it, and the IoU this test computes from the truth PNG', async () => {
  await chooseSample(small);
  const sample = manifest.samples[small];
  const image = await decodeInPage(page, `${server.url}samples/${sample.image}`);
  const preview = await readCanvas(page, '#unet-image');
  expect([preview.width, preview.height]).toEqual([image.width, image.height]);
  expect(preview.rgba.equals(image.rgba)).toBe(true); // the image itself, before any pass
  expect(await isHidden('#unet-mask')).toBe(true);
  expect(await isHidden('#unet-truth')).toBe(false);

  await runToEnd();
  const mask = await readCanvas(page, '#unet-mask');
  expect([mask.width, mask.height]).toEqual([image.width, image.height]);
  const foreground = foregroundOf(mask);
  const truth = await decodeInPage(page, `${server.url}samples/${sample.truth}`);
  // A truth smaller than the image covers its centre (older exports).
  const top = (image.height - truth.height) / 2;
  const left = (image.width - truth.width) / 2;
  let intersection = 0;
  let union = 0;
  red(truth).forEach((t, i) => {
    const m = foreground[(Math.floor(i / truth.width) + top) * image.width + (i % truth.width) + left];
    intersection += m && t > 127 ? 1 : 0;
    union += m || t > 127 ? 1 : 0;
  });
  const summary = await text('#unet-summary');
  const shown = Number(/IoU of the cells with the ground truth: ([\d.]+)\./.exec(summary)[1]);
  expect(shown).toBeCloseTo(intersection / union, 3);

  // The count in words, in the mask's label, and as the number of outlined cells' colours.
  const count = Number(/^Found (\d+) cells?/.exec(summary)[1]);
  expect(await page.getAttribute('#unet-mask', 'aria-label')).toMatch(new RegExp(`^mask: ${count} cells?`));
  if (Number.isInteger(sample.count)) expect(summary).toContain(`the ground truth has ${sample.count}.`);
  // Outlines: coloured pixels on the grey image, each on the mask's foreground or, where a large
  // image's outlines are drawn thicker (growing right and down), at most 3 pixels past it.
  const drawn = await readCanvas(page, '#unet-image');
  const coloured = [];
  for (let i = 0; i < drawn.rgba.length / 4; i++) {
    const [r, g, b] = drawn.rgba.subarray(4 * i, 4 * i + 3);
    if (r !== g || g !== b) coloured.push(i);
  }
  expect(coloured.length).toBeGreaterThan(count);
  const reach = image.width > 768 || image.height > 768 ? 3 : 0;
  const nearForeground = (i) => {
    const [y, x] = [Math.floor(i / image.width), i % image.width];
    for (let dy = 0; dy <= Math.min(reach, y); dy++) {
      for (let dx = 0; dx <= Math.min(reach, x); dx++) if (foreground[(y - dy) * image.width + x - dx]) return true;
    }
    return false;
  };
  expect(coloured.filter((i) => !nearForeground(i))).toEqual([]);
  expect(await page.getAttribute('#unet-image', 'aria-label')).toMatch(new RegExp(`outline of each of the ${count} cells? found`));
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#unet').screenshot({ path: screenshot('unet-sample') });
});

test('Cancel mid-pass: the progress stops where it was, the page says cancelled, and Run works again', async () => {
  // 1600x1200 takes 16 tiles, seconds, so there is a pass to stop.
  await upload('large.png', 'image/png', cellsLikePng(1600, 1200));
  await waitForStage(page, 'ready: press Run');
  await page.click('#unet-run');
  await page.waitForFunction(() => document.querySelector('#unet-progress').value > 0);
  expect(await page.isEnabled('#unet-cancel')).toBe(true);
  await page.click('#unet-cancel');
  const atCancel = await page.$eval('#unet-progress', (p) => p.value);
  await waitForStage(page, 'cancelled');
  // Nothing of the stopped pass reached the page after the click.
  expect(await page.$eval('#unet-progress', (p) => p.value)).toBe(atCancel);
  expect(atCancel).toBeLessThan(1);
  expect(await isHidden('#unet-mask')).toBe(true);
  expect(await text('#unet-summary')).toBe('');
  expect(await page.isEnabled('#unet-cancel')).toBe(false);
  await chooseSample(small);
  await runToEnd();
  expect(await text('#unet-summary')).toMatch(/^Found \d+ cells?/);
}, 120000);

test('an answer that arrives after another sample was chosen is dropped; the shown result is the new sample’s', async () => {
  await chooseSample(small);
  await runToEnd();
  const alone = await readCanvas(page, '#unet-mask');

  await chooseSample(smaller2);
  await holdAnswers(page);
  await page.click('#unet-run');
  await page.waitForFunction(() => window.__unetHold.held.length === 1, null, { timeout: 60000 });
  await chooseSample(small); // while the other sample's answer is on its way
  await releaseAnswers(page);
  expect(await isHidden('#unet-mask')).toBe(true);
  expect(await text('#unet-summary')).toBe('');
  expect(await text('#unet-stage')).toBe('ready: press Run');

  await runToEnd();
  const after = await readCanvas(page, '#unet-mask');
  expect([after.width, after.height]).toEqual([alone.width, alone.height]);
  expect(after.rgba.equals(alone.rgba)).toBe(true);
  expect(await page.getAttribute('#unet-mask-figure', 'data-request')).toBe(await page.getAttribute('#unet-run', 'data-request'));
}, 120000);

test('switching from a large upload to a sample mid-pass: the large pass stops, and the result shown is the sample’s', async () => {
  await upload('large.png', 'image/png', cellsLikePng(1600, 1200));
  await waitForStage(page, 'ready: press Run');
  await page.click('#unet-run');
  await page.waitForFunction(() => document.querySelector('#unet-progress').value > 0);
  await chooseSample(small);
  expect(await page.$eval('#unet-progress', (p) => p.value)).toBe(0);
  await runToEnd();
  const { width, height } = await decodeInPage(page, `${server.url}samples/${manifest.samples[small].image}`);
  const mask = await readCanvas(page, '#unet-mask');
  expect([mask.width, mask.height]).toEqual([width, height]); // the sample's size, not 1600x1200
  expect(await text('#unet-summary')).toMatch(new RegExp(`IoU of the cells with the ground truth: [\\d.]+\\. .*Segmented ${width}×${height} pixels`));
}, 120000);

test('Run twice quickly: one result, the second request’s', async () => {
  await chooseSample(small);
  const first = Number(await page.getAttribute('#unet-run', 'data-request'));
  await page.$eval('#unet-run', (button) => {
    button.click();
    button.click();
  });
  await waitForStage(page, 'done');
  expect(await page.getAttribute('#unet-mask-figure', 'data-request')).toBe(String(first + 2));
  expect((await text('#unet-summary')).match(/Found/g)).toHaveLength(1);
  expect(await heldAnswers(page)).toBe(0);
});

test('an upload of an odd size (333x517) is segmented whole: the mask has its size', async () => {
  await upload('odd.png', 'image/png', cellsLikePng(333, 517));
  await waitForStage(page, 'ready: press Run');
  expect(await text('#unet-description')).toBe('Your image, 333×517 pixels.');
  expect(await isHidden('#unet-truth')).toBe(true);
  await runToEnd();
  const mask = await readCanvas(page, '#unet-mask');
  expect([mask.width, mask.height]).toEqual([333, 517]);
  expect(foregroundOf(mask).includes(1)).toBe(true);
  expect(await text('#unet-summary')).toMatch(/Segmented 333×517 pixels in [\d.]+ s \(\d+ tiles?, /);
}, 120000);

test('a file that is not an image, and an image over the cap, get a message and no Run', async () => {
  await upload('notes.png', 'image/png', Buffer.from('these are my notes, not pixels\n'));
  await page.waitForSelector('#unet-error:has-text("is not an image this browser can read")');
  expect(await page.isDisabled('#unet-run')).toBe(true);
  expect(await isHidden('#unet-image')).toBe(true);

  await upload('paper.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'));
  await page.waitForSelector('#unet-error:has-text("“paper.pdf” is not an image")');
  expect(await axeViolations(page)).toEqual([]);

  await upload('huge.png', 'image/png', encodeGrey(4097, 4097, new Uint8Array(4097 * 4097)));
  await page.waitForSelector('#unet-error:has-text("4097×4097")');
  const message = await text('#unet-error');
  expect(message).toMatch(/too large for this page, which refuses more than 16\.7 MP \(4096×4096\)/);
  expect(message).toMatch(/in memory together/);
  expect(message).toMatch(/Crop it/);
  expect(await page.isDisabled('#unet-run')).toBe(true);
  // A good image afterwards works as ever.
  await chooseSample(small);
  expect(await text('#unet-error')).toBe('');
  expect(await page.isEnabled('#unet-run')).toBe(true);
});

test('a colour photo gets the warning that the mask is not to be trusted', async () => {
  await upload('chelsea.jpg', 'image/jpeg', readFileSync(fromRepo('web/public/photos/chelsea.jpg')));
  await waitForStage(page, 'ready: press Run');
  expect(await isHidden('#unet-warning')).toBe(true);
  await runToEnd();
  const warning = await text('#unet-warning');
  expect(warning).toMatch(/^This image does not look like the fluorescence images the model was trained on: it is in colour/);
  expect(warning).toMatch(/The mask below is not to be trusted\.$/);
  if (hasStatistics) expect(warning).toMatch(/its normalized /);
  expect(await page.getAttribute('#unet-mask', 'aria-label')).toMatch(/\(not to be trusted\)/);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#unet').screenshot({ path: screenshot('unet-photo-warning') });
  // The next image starts without it.
  await chooseSample(small);
  expect(await isHidden('#unet-warning')).toBe(true);
});

const training = bySize.find((i) => manifest.samples[i].generator === 'training');
(hasStatistics ? test : test.skip)(
  'the shipped weights’ input_statistics: no warning for a sample of the training generator, one for an inverted sample and a photo (skipped while the shipped model has no __metadata__.input_statistics)',
  async () => {
    if (training !== undefined) {
      await chooseSample(training);
      await runToEnd();
      expect(await isHidden('#unet-warning')).toBe(true);
    }
    const original = await decodeInPage(page, `${server.url}samples/${manifest.samples[small].image}`);
    const inverted = Uint8Array.from({ length: original.width * original.height }, (_, i) => 255 - original.rgba[4 * i]);
    await upload('inverted.png', 'image/png', encodeGrey(original.width, original.height, inverted));
    await waitForStage(page, 'ready: press Run');
    await runToEnd();
    expect(await text('#unet-warning')).toMatch(/: its normalized (mean brightness|contrast \(std\)|skewness) is -?[\d.]+, where the training images range over /);
    await upload('chelsea.jpg', 'image/jpeg', readFileSync(fromRepo('web/public/photos/chelsea.jpg')));
    await waitForStage(page, 'ready: press Run');
    await runToEnd();
    expect(await text('#unet-warning')).toMatch(/: it is in colour .*; its normalized /);
  },
  120000,
);

const reference = bySize.find((i) => manifest.samples[i].pytorch);
(reference !== undefined ? test : test.skip)(
  'a sample finds what PyTorch found on it: the IoU and the count cells.json records (skipped while cells.json records none)',
  async () => {
    await chooseSample(reference);
    await runToEnd();
    const summary = await text('#unet-summary');
    const { iou, count } = manifest.samples[reference].pytorch;
    expect(Number(/IoU of the cells with the ground truth: ([\d.]+)\./.exec(summary)[1])).toBeCloseTo(iou, 2);
    expect(Math.abs(Number(/^Found (\d+) cells?/.exec(summary)[1]) - count)).toBeLessThanOrEqual(1);
    expect(summary).toContain(`PyTorch, on the same image: IoU ${iou.toFixed(3)}, ${count} cell`);
  },
  120000,
);

test('from the keyboard alone: choose a sample, Tab to Run, press Enter', async () => {
  // Arrive at the smallest sample by an arrow key, from the one above or below it.
  await chooseSample(small > 0 ? small - 1 : small + 1);
  await page.focus('#unet-sample');
  await page.keyboard.press(small > 0 ? 'ArrowDown' : 'ArrowUp');
  await waitForStage(page, 'ready: press Run');
  expect(await page.inputValue('#unet-sample')).toBe(String(small));
  await page.keyboard.press('Tab'); // the upload
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.id)).toBe('unet-run');
  await page.keyboard.press('Enter');
  await waitForStage(page, 'done');
  expect(await page.evaluate(() => document.activeElement.id)).toBe('unet-run');
  expect(await text('#unet-summary')).toMatch(/^Found \d+ cells?/);
});

// The shipped weights with training statistics recorded as the training export records them,
// here ranges around those of cellsLikePng(200, 150): numpy gives mean 0.1075, std 0.2289 and
// skewness 2.4487 after the 1-99.8 percentile normalization; inverted, 0.8825, 0.2502, -2.4487.
const RANGES = { mean: [0.09, 0.13], std: [0.2, 0.26], skewness: [2.0, 2.9] };

test('with weights that record the training statistics: none for an image like them, the ones outside for it inverted and for a photo', async () => {
  const recorded = encodeSafetensors(decodeSafetensors(new Uint8Array(weights)), {
    format: 'pt',
    preprocessing: '{"type": "percentile", "low": 1, "high": 99.8}',
    input_statistics: JSON.stringify(RANGES),
  });
  const { page: other, errors: otherErrors } = await openUNetPage(browser, server.url, (p) =>
    p.route('**/cells-unet-base16.safetensors', (route) => route.fulfill({ body: Buffer.from(recorded), contentType: 'application/octet-stream' })),
  );
  try {
    const warningFor = async (name, mimeType, buffer) => {
      await other.setInputFiles('#unet-upload', { name, mimeType, buffer });
      await waitForStage(other, 'ready: press Run');
      await other.click('#unet-run');
      await waitForStage(other, 'done');
      return other.$eval('#unet-warning', (w) => (w.hidden ? null : w.textContent));
    };
    const image = cellsLikePng(200, 150);
    expect(await warningFor('cells.png', 'image/png', image)).toBeNull();
    const { rgba } = await decodeInPage(other, `data:image/png;base64,${image.toString('base64')}`);
    const inverted = Uint8Array.from({ length: 200 * 150 }, (_, i) => 255 - rgba[4 * i]);
    expect(await warningFor('inverted.png', 'image/png', encodeGrey(200, 150, inverted))).toBe(
      'This image does not look like the fluorescence images the model was trained on: ' +
        'its normalized mean brightness is 0.88, where the training images range over 0.09 to 0.13; ' +
        'its normalized skewness is -2.45, where the training images range over 2.00 to 2.90. The mask below is not to be trusted.',
    );
    expect(await warningFor('coffee.jpg', 'image/jpeg', readFileSync(fromRepo('web/public/photos/coffee.jpg')))).toMatch(
      /: it is in colour .*; its normalized mean brightness is 0\.\d+, where the training images range over 0\.09 to 0\.13; /,
    );
    expect(otherErrors).toEqual([]);
  } finally {
    await other.close();
  }
});

test('a manifest in the training export’s new format: names, descriptions, true counts, minArea and class names are shown', async () => {
  const next = {
    model: manifest.model,
    classes: manifest.classes ?? ['background', 'cell'],
    minArea: 5,
    samples: manifest.samples.map((s, i) => ({
      name: `sample ${String.fromCharCode(65 + i)}`,
      image: s.image,
      truth: s.truth,
      count: 10 + i,
      generator: i === 0 ? 'training' : 'independent',
      description: `Description ${i}.`,
      pytorch: { iou: 0.5, count: 3 },
    })),
  };
  const { page: other, errors: otherErrors } = await openUNetPage(browser, server.url, (p) =>
    p.route('**/samples/cells.json', (route) => route.fulfill({ json: next })),
  );
  try {
    expect(await other.$$eval('#unet-sample option:not([disabled])', (os) => os.map((o) => o.textContent))).toEqual(next.samples.map((s) => s.name));
    expect(await other.textContent('#unet-description')).toBe('Description 0. Made by the training generator.');
    expect(await other.textContent('#unet-truth-caption')).toBe('ground truth: 10 cells');
    const pick = bySize.find((i) => i !== 0);
    await other.selectOption('#unet-sample', String(pick));
    await waitForStage(other, 'ready: press Run');
    expect(await other.textContent('#unet-description')).toBe(`Description ${pick}. Made by an independent generator.`);
    await other.click('#unet-run');
    await waitForStage(other, 'done');
    expect(await other.textContent('#unet-summary')).toMatch(
      new RegExp(`^Found \\d+ cells? \\(of at least 5 pixels\\); the ground truth has ${10 + pick}\\. IoU .* PyTorch, on the same image: IoU 0\\.500, 3 cells\\. Segmented`),
    );
    expect(await other.textContent('#unet-weights')).toContain(`, ${next.classes.length} classes (${next.classes.join(', ')})`);
    expect(await other.$$eval('#unet-classes figcaption', (cs) => cs.map((c) => c.textContent))).toEqual(
      next.classes.map((name, c) => `class ${c}: ${name} (raw logits)`),
    );
    expect(otherErrors).toEqual([]);
  } finally {
    await other.close();
  }
});

test('on a phone (390x844): the results fit the width, and Run and Cancel are finger-sized', async () => {
  const { page: phone, errors: phoneErrors } = await openUNetPage(browser, server.url, (p) => p.setViewportSize({ width: 390, height: 844 }));
  try {
    await phone.selectOption('#unet-sample', String(small));
    await waitForStage(phone, 'ready: press Run');
    await phone.click('#unet-run');
    await waitForStage(phone, 'done');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    for (const selector of ['#unet-run', '#unet-cancel', '#unet-sample', '#unet-upload']) {
      const box = await phone.locator(selector).boundingBox();
      expect([selector, box.width >= 24 && box.height >= 24]).toEqual([selector, true]);
    }
    for (const selector of ['#unet-image', '#unet-mask', '#unet-truth']) {
      const box = await phone.locator(selector).boundingBox();
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await axeViolations(phone)).toEqual([]);
    await phone.locator('#unet').screenshot({ path: screenshot('unet-phone') });
    // At the image's own size each picture scrolls inside its column, and the page still fits.
    await phone.check('#unet-actual-size');
    expect(await phone.$eval('#unet-mask', (c) => c.getBoundingClientRect().width)).toBe(await phone.$eval('#unet-mask', (c) => c.width));
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(phone)).toEqual([]);
    expect(phoneErrors).toEqual([]);
  } finally {
    await phone.close();
  }
});
