// The demo page in Chromium: the seed article's examples and a few settings changed through the
// controls, checked against PyTorch's numbers (js-tests/fixtures/demo_page.json).
import { readFileSync } from 'node:fs';
import { readGrid, setView, usePlayground } from './helpers/playground.js';

const { cases } = JSON.parse(readFileSync(new URL('./fixtures/demo_page.json', import.meta.url), 'utf8'));
const screenshot = (name) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;

// One page for the tests on a desktop: each sets its view through the controls.
const session = usePlayground();
let page;
let server;
let browser;
beforeAll(() => ({ page, server, browser } = session));

// Sets the controls a fixture case names, the way a user would: pick the op, type numbers.
const applyControls = (page, { op, ...values }) =>
  setView(page, {
    op,
    ...Object.fromEntries(Object.entries(values).map(([name, v]) => [name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])),
  });

test('the page opens on the seed example: MaxPool2d(2) of the 4x4 grid is [[6, 8], [14, 16]]', async () => {
  expect(await readGrid(page, '#output-grid')).toEqual([
    [6, 8],
    [14, 16],
  ]);
  expect(await page.textContent('#torch-code')).toContain('pool = nn.MaxPool2d(kernel_size=2)\n');
  expect(await page.textContent('#poolkit-code')).toContain('new poolkit.nn.MaxPool2d({ kernelSize: 2 })');
  // Hovering an output cell outlines its window and fills the maximum the wasm chose.
  await page.hover('#output-grid tr:nth-child(2) td:nth-child(1)');
  expect(await page.$$eval('#input-grid td.window', (tds) => tds.map((td) => td.querySelector('input').value))).toEqual(['9', '10', '13', '14']);
  expect(await page.$eval('#input-grid td.chosen input', (input) => input.value)).toBe('14');
  await page.screenshot({ path: screenshot('playground-maxpool'), fullPage: true });
});

test.each(cases.map((c) => [c.name, c]))('%s shows PyTorch’s result', async (_, c) => {
  await applyControls(page, c.controls);
  if (c.error) {
    await page.waitForSelector('#error:not(:empty)');
    // PyTorch's rule, in words, inline, in PyTorch's names as the controls are labelled.
    expect(await page.textContent('#error')).toMatch(/padding must be at most half of kernel_size/);
    expect(await readGrid(page, '#output-grid')).toEqual([]);
  } else {
    expect(await page.textContent('#error')).toBe('');
    expect(await readGrid(page, '#output-grid')).toEqual(c.output);
  }
  await page.screenshot({ path: screenshot(`playground-${c.name.replace(/\W+/g, '-')}`), fullPage: true });
});

test('the feature-map section halves a photo three times, with wasm', async () => {
  await page.waitForSelector('#levels .level:nth-child(4)');
  const captions = await page.$$eval('#levels .level p', (ps) => ps.map((p) => p.textContent));
  expect(captions).toEqual([
    'input, 256×170',
    'after 1× MaxPool2d(2): 128×85',
    'after 2× MaxPool2d(2): 64×42',
    'after 3× MaxPool2d(2): 32×21',
  ]);
  expect(await page.$$eval('#levels canvas', (cs) => cs.map((c) => `${c.width}x${c.height}`))).toContain('32x21');
  await page.locator('#feature-map').screenshot({ path: screenshot('feature-map') });
});

test('the UNet segments a sample in a worker while the page keeps painting', async () => {
  await page.waitForSelector('#unet-run:not([disabled])');
  // Record the longest gap between animation frames while the forward pass runs.
  await page.evaluate(() => {
    window.longestFrameGap = 0;
    let last = performance.now();
    const tick = (now) => {
      window.longestFrameGap = Math.max(window.longestFrameGap, now - last);
      last = now;
      if (!window.stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.click('#unet-run');
  await page.waitForSelector('#unet-summary:has-text("Segmented")', { timeout: 120000 });
  const gap = await page.evaluate(() => {
    window.stopFrames = true;
    return window.longestFrameGap;
  });
  expect(gap).toBeLessThan(500);
  const summary = await page.textContent('#unet-summary');
  expect(summary).toMatch(/Segmented \d+×\d+ pixels in [\d.]+ s \(\d+ tiles?, WebAssembly SIMD, \d threads?\)\. [\d.]+% of the pixels are cells\./);
  // The share in words is the mask's (its non-black pixels), and each class's logits have a map
  // and a legend. How much of the image is cells is the model's business, not the page's.
  const share = Number(/([\d.]+)% of the pixels are cells/.exec(summary)[1]);
  const drawn = await page.$eval('#unet-mask', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let cells = 0;
    for (let i = 0; i < data.length; i += 4) cells += data[i] || data[i + 1] || data[i + 2] ? 1 : 0;
    return (100 * cells) / (data.length / 4);
  });
  expect(Math.abs(share - drawn)).toBeLessThanOrEqual(0.05 + 1e-9); // shown to 0.1%
  const classes = Number(/, (\d) classes/.exec(await page.textContent('#unet-weights'))[1]);
  expect(await page.$$eval('#unet-classes canvas', (cs) => cs.length)).toBe(classes);
  expect(await page.$$eval('#unet-classes .legend', (ls) => ls.length)).toBe(classes);
  await page.locator('#unet').screenshot({ path: screenshot('unet') });
}, 180000);

test('the page fits a phone-width screen', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url);
  await page.waitForSelector('#status:has-text("computed by poolkit")');
  await page.waitForSelector('#levels canvas');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshot('phone'), fullPage: true });
  await page.close();
});
