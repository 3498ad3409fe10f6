// The playground's views: the settings in the address (a link reopens the same view), pasted
// grids, the MaxUnpool round trip, the 1-d, 3-d and fractional views, each cell's arithmetic
// against poolkit's value, and the poolkit snippet, which run in Node gives the numbers the page
// shows. One page serves the tests that set their view through the controls; only the address
// tests load pages of their own.
import * as poolkit from 'poolkit';
import { tabTo } from './helpers/keyboard.js';
import { openPlayground, pasteGrid, readGrid, setView, usePlayground } from './helpers/playground.js';

const session = usePlayground();
let page;
let server;
let browser;
beforeAll(() => ({ page, server, browser } = session));

// Everything a view shows that its address must bring back.
const viewOf = (p) =>
  p.evaluate(() => ({
    op: document.querySelector('#op').value,
    controls: Array.from(document.querySelectorAll('#params input'), (i) => (i.type === 'checkbox' ? i.checked : i.value)),
    input: Array.from(document.querySelectorAll('#input-grid input'), (i) => i.value),
    output: document.querySelector('#output-grid').textContent,
    compare: document.querySelector('#compare').value,
    unpool: document.querySelector('#unpool-toggle').checked,
  }));

const grid = (rows, cols, value) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => value(r, c)).join(',')).join(';');

test('the address holds the view: opening it restores op, arguments, numbers and toggles', async () => {
  await setView(page, { op: 'MaxPool2d', kernel_size: [3, 2], stride: [3, 1], ceil_mode: true });
  await page.fill('input[aria-label="input row 2, column 3"]', '-7.5');
  await page.check('#unpool-toggle');
  await page.selectOption('#compare', 'ceil');
  const before = await viewOf(page);
  // The address follows a moment after the last edit.
  const search =
    '?op=MaxPool2d&kernel_size=3,2&stride=3,1&ceil_mode=True&input=1,2,3,4;5,6,-7.5,8;9,10,11,12;13,14,15,16&unpool=1&compare=ceil';
  await page.waitForURL((url) => url.search === search);
  const url = page.url();
  const again = await openPlayground(browser, url);
  expect(await viewOf(again.page)).toEqual(before);
  expect(again.page.url()).toBe(url);
  // A damaged address falls back to the example rather than a dead page.
  await again.page.goto(`${server.url}?op=Nope&kernel_size=x&input=1,2;3&compare=nope`);
  await again.page.waitForSelector('#status:has-text("computed by poolkit")');
  expect(await readGrid(again.page, '#output-grid')).toEqual([
    [6, 8],
    [14, 16],
  ]);
  expect(again.errors).toEqual([]);
  await again.page.context().close();
  await page.uncheck('#unpool-toggle');
  await page.selectOption('#compare', 'off');
});

test('paste: Python brackets become rows, and a grid too large is clamped with a message', async () => {
  await setView(page, { op: 'MaxPool2d' });
  await page.evaluate(() => document.activeElement.blur());
  // From the keyboard: open the details, type, press the button.
  await tabTo(page, 'summary');
  if (!(await page.isVisible('#paste'))) await page.keyboard.press('Enter');
  await tabTo(page, '#paste');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('[[1, 2], [3, 4]]');
  await tabTo(page, '#apply-paste');
  await page.keyboard.press('Enter');
  expect(await page.$$eval('#input-grid input', (inputs) => inputs.map((i) => i.value))).toEqual(['1', '2', '3', '4']);
  expect(await readGrid(page, '#output-grid')).toEqual([[4]]);
  await pasteGrid(page, grid(30, 30, (r, c) => 100 + r + c).replace(/;/g, '\n').replace(/,/g, ' '));
  expect(await page.textContent('#paste-note')).toBe('Pasted 30×30; kept the first 10×12, the largest this view shows (10×12).');
  expect(await page.$$eval('#input-grid tr', (rows) => rows.length)).toBe(10);
  expect(await page.$$eval('#input-grid tr:first-child input', (inputs) => inputs.length)).toBe(12);
  // Three-digit values fit their cells.
  expect(await page.$$eval('#input-grid input', (inputs) => inputs.every((i) => i.scrollWidth <= i.clientWidth))).toBe(true);
  await pasteGrid(page, 'tensor([[1., nan], [-inf, 4.]])');
  expect(await page.$$eval('#input-grid input', (inputs) => inputs.map((i) => i.value))).toEqual(['1', 'nan', '-inf', '4']);
  expect(await page.textContent('#output-grid')).toBe('nan'); // NaN propagates, as in PyTorch
});

test('an unpool error leaves the valid pooling output in place', async () => {
  await setView(page, { op: 'MaxPool2d', input: grid(5, 5, (r, c) => 1 + 5 * r + c), stride: [1, 1], dilation: [2, 2] });
  await page.check('#unpool-toggle');
  expect(await page.textContent('#error')).toBe('');
  expect(await readGrid(page, '#output-grid')).toEqual([
    [13, 14, 15],
    [18, 19, 20],
    [23, 24, 25],
  ]);
  expect(await page.textContent('#unpool-error')).toMatch(/^MaxUnpool: max_unpool2d: /);
  expect(await page.textContent('#unpool-error')).not.toMatch(/outputSize|maxUnpool/); // PyTorch's names
  await page.uncheck('#unpool-toggle');
});

test('1-d, 3-d (as slices) and fractional views, with return_indices', async () => {
  await setView(page, { op: 'AvgPool3d' });
  expect(await page.$$eval('#input-grid table', (tables) => tables.length)).toBe(2); // two depth slices
  expect(await page.textContent('#output-caption')).toBe('output (1×1×1×2×2)');
  await page.focus('#output-grid td');
  expect(await page.textContent('#cell-math')).toContain('(1 + 2 + 5 + 6 + 17 + 18 + 21 + 22) / 8 = 11.5');
  await setView(page, { op: 'FractionalMaxPool2d', output_size: [3, 3] });
  expect(await page.textContent('#poolkit-code')).toContain('randomSamples: poolkit.tensor([[[0.5, 0.5]]])');
  expect(await page.textContent('#formula')).toContain('starts 0, 1, 2');
  expect(await readGrid(page, '#output-grid')).toEqual([
    [6, 7, 8],
    [10, 11, 12],
    [14, 15, 16],
  ]);
  await setView(page, { op: 'MaxPool1d', kernel_size: 3, return_indices: true });
  expect(await readGrid(page, '#output-grid')).toEqual([[3, 6]]);
  expect(await readGrid(page, '#indices-grid')).toEqual([[2, 5]]);
  expect(await page.textContent('#torch-code')).toContain('out, indices = pool(x)');
});

test('fractional windows, as drawn, hold the maximum poolkit chose in every output cell', async () => {
  const input = grid(5, 6, (r, c) => ((r * 7 + c * 5) % 11) - 3);
  await setView(page, { op: 'FractionalMaxPool2d', input, output_size: [3, 3], _random_samples: [0.3, 0.8] });
  expect(await page.$$eval('#intervals ol', (lists) => lists.map((l) => l.textContent))).toEqual(['0–11–23–4', '0–12–34–5']);
  const chosen = await page.$$eval('#output-grid td', (cells) =>
    cells.map((cell) => {
      cell.focus();
      return [document.querySelectorAll('#input-grid td.window').length, document.querySelectorAll('#input-grid td.chosen.window').length];
    }),
  );
  expect(chosen).toEqual(Array(9).fill([4, 1]));
});

test('each average cell’s arithmetic adds up to the value poolkit returned (padding, ceil_mode, divisor_override)', async () => {
  const input = grid(5, 5, (r, c) => 1 + r * 5 + c);
  const views = [
    { op: 'AvgPool2d', kernel_size: [3, 3], stride: [2, 2], padding: [1, 1], ceil_mode: true },
    { op: 'AvgPool2d', kernel_size: [3, 3], stride: [2, 2], padding: [1, 1], ceil_mode: true, count_include_pad: false },
    { op: 'AvgPool2d', kernel_size: [2, 3], stride: [2, 2], ceil_mode: true, divisor_override: 3 },
    { op: 'AdaptiveAvgPool2d', output_size: [3, 2] },
  ];
  for (const view of views) {
    await setView(page, { ...view, input });
    const texts = await page.$$eval('#output-grid td', (cells) =>
      cells.map((cell) => {
        cell.focus();
        return [cell.textContent, document.querySelector('#cell-math').textContent];
      }),
    );
    expect(texts.length).toBeGreaterThan(3);
    for (const [shown, text] of texts) {
      const [, terms, divisor, result] = /: \(([^)]*)\) \/ (\d+) = ([\d.]+)/.exec(text);
      expect([view, result]).toEqual([view, shown]);
      const sum = terms.split(' + ').reduce((a, t) => a + Number(t), 0);
      expect(sum / Number(divisor)).toBeCloseTo(Number(shown), 3);
    }
  }
});

// Speed is the benchmarks' business, not a test's: this checks that the largest grid, with
// variants side by side, takes a run of edits from the keyboard and stays consistent.
test('edits on the largest grid, with variants side by side, all take effect', async () => {
  // The other sections' start-up work (a photo pooled, the UNet's weights) is over first.
  await page.waitForSelector('#levels .level:nth-child(4)');
  await page.waitForSelector('#unet-run:not([disabled])');
  await setView(page, { op: 'AvgPool2d', input: grid(10, 12, (r, c) => (r * 13 + c * 7) % 100), compare: 'family' });
  const kernel = page.locator('input[aria-label="kernel_size (H)"]');
  const before = Number(await kernel.inputValue());
  await kernel.focus();
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
  expect(Number(await kernel.inputValue())).toBe(before + 2);
  const cell = page.locator('input[aria-label="input row 5, column 6"]');
  await cell.focus();
  await cell.fill('');
  await page.keyboard.type('123.5');
  expect(await cell.inputValue()).toBe('123.5');
  await page.selectOption('#compare', 'ceil');
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(await page.textContent('#error')).toBe('');
});

test('the seed article is linked from the intro and the footer, and served', async () => {
  const links = await page.$$eval('footer a', (as) => as.map((a) => [a.textContent, a.href]));
  expect(links.map(([text]) => text)).toEqual(expect.arrayContaining(['The seed article, summarised', 'README', 'poolkit on npm']));
  const article = links.find(([text]) => text.startsWith('The seed article'))[1];
  expect(new URL(article).pathname).toBe('/seed-article.md');
  expect(await page.$eval('#playground p a', (a) => a.href)).toBe(article);
  const response = await page.request.get(article);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('The worked example');
});

test('the poolkit snippet, run in Node, prints the numbers the page shows', async () => {
  await setView(page, { op: 'AvgPool2d', kernel_size: [3, 2], stride: [1, 2], padding: [1, 1], count_include_pad: false });
  const code = await page.textContent('#poolkit-code');
  const shown = await readGrid(page, '#output-grid');
  const printed = [];
  const body = code.replace(/^import .*$/m, '');
  const AsyncFunction = (async () => {}).constructor;
  await new AsyncFunction('poolkit', 'console', body)(poolkit, { log: (...args) => printed.push(...args) });
  const round = (rows) => rows.map((row) => row.map((v) => Number(v.toFixed(3))));
  expect(round(printed[0][0][0])).toEqual(shown);
  expect(await page.textContent('#torch-code')).toContain(
    'pool = nn.AvgPool2d(kernel_size=(3, 2), stride=(1, 2), padding=1, count_include_pad=False)',
  );
});
