// The playground's views: the settings in the address (a link reopens the same view), pasted
// grids, the MaxUnpool round trip, the 1-d, 3-d and fractional views, and the poolkit snippet,
// which run in Node gives the numbers the page shows.
import * as poolkit from 'poolkit';
import { launchChromium, openPage, startDemoServer } from './helpers/browser.js';
import { tabTo } from './helpers/keyboard.js';

let server;
let browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

// Each test's pages go with it: a page left open keeps its threads and the UNet's worker busy.
afterEach(() => Promise.all(browser.contexts().map((context) => context.close())));

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const readGrid = (page, selector) =>
  page.$$eval(`${selector} tr`, (rows) => rows.map((row) => Array.from(row.cells, (cell) => Number(cell.textContent))));

async function open(query = '') {
  const opened = await openPage(browser, `${server.url}${query}`);
  await opened.page.waitForSelector('#status:has-text("computed by poolkit")');
  return opened;
}

// Everything a view shows that its address must bring back.
const viewOf = (page) =>
  page.evaluate(() => ({
    op: document.querySelector('#op').value,
    controls: Array.from(document.querySelectorAll('#params input'), (i) => (i.type === 'checkbox' ? i.checked : i.value)),
    input: Array.from(document.querySelectorAll('#input-grid input'), (i) => i.value),
    output: document.querySelector('#output-grid').textContent,
    compare: document.querySelector('#compare').value,
    unpool: document.querySelector('#unpool-toggle').checked,
  }));

test('the address holds the view: opening it restores op, arguments, numbers and toggles', async () => {
  const { page, errors } = await open();
  await page.selectOption('#op', 'MaxPool2d');
  await page.fill('input[aria-label="kernel_size (H)"]', '3');
  await page.uncheck('.field[data-param="stride"] input[type="checkbox"]');
  await page.fill('input[aria-label="stride (W)"]', '1');
  await page.check('input[aria-label="ceil_mode"]');
  await page.fill('input[aria-label="input row 2, column 3"]', '-7.5');
  await page.check('#unpool-toggle');
  await page.selectOption('#compare', 'ceil');
  const before = await viewOf(page);
  const url = page.url();
  expect(new URL(url).search).toBe(
    '?op=MaxPool2d&kernel_size=3,2&stride=3,1&ceil_mode=True&input=1,2,3,4;5,6,-7.5,8;9,10,11,12;13,14,15,16&unpool=1&compare=ceil',
  );
  const again = await openPage(browser, url);
  await again.page.waitForSelector('#status:has-text("computed by poolkit")');
  expect(await viewOf(again.page)).toEqual(before);
  expect(again.page.url()).toBe(url);
  // A damaged address falls back to the example rather than a dead page.
  const damaged = await open('?op=Nope&kernel_size=x&input=1,2;3');
  expect(await readGrid(damaged.page, '#output-grid')).toEqual([
    [6, 8],
    [14, 16],
  ]);
  expect([...errors, ...again.errors, ...damaged.errors]).toEqual([]);
});

test('paste: Python brackets become rows, and a grid too large is clamped with a message', async () => {
  const { page, errors } = await open();
  // From the keyboard: open the details, type, press the button.
  await tabTo(page, 'summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#paste');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('[[1, 2], [3, 4]]');
  await tabTo(page, '#apply-paste');
  await page.keyboard.press('Enter');
  expect(await page.$$eval('#input-grid input', (inputs) => inputs.map((i) => i.value))).toEqual(['1', '2', '3', '4']);
  expect(await readGrid(page, '#output-grid')).toEqual([[4]]);
  const big = Array.from({ length: 30 }, (_, r) => Array.from({ length: 30 }, (_, c) => 100 + r + c).join(' ')).join('\n');
  await page.fill('#paste', big);
  await page.click('#apply-paste');
  expect(await page.textContent('#paste-note')).toBe('Pasted 30×30; kept the first 10×12, the largest this view shows (10×12).');
  expect(await page.$$eval('#input-grid tr', (rows) => rows.length)).toBe(10);
  expect(await page.$$eval('#input-grid tr:first-child input', (inputs) => inputs.length)).toBe(12);
  // Three-digit values fit their cells.
  expect(await page.$$eval('#input-grid input', (inputs) => inputs.every((i) => i.scrollWidth <= i.clientWidth))).toBe(true);
  await page.fill('#paste', 'tensor([[1., nan], [-inf, 4.]])');
  await page.click('#apply-paste');
  expect(await page.$$eval('#input-grid input', (inputs) => inputs.map((i) => i.value))).toEqual(['1', 'nan', '-inf', '4']);
  expect(await page.textContent('#output-grid')).toBe('nan'); // NaN propagates, as in PyTorch
  expect(errors).toEqual([]);
});

test('an unpool error leaves the valid pooling output in place', async () => {
  const { page, errors } = await open(
    '?op=MaxPool2d&stride=1,1&dilation=2,2&input=1,2,3,4,5;6,7,8,9,10;11,12,13,14,15;16,17,18,19,20;21,22,23,24,25&unpool=1',
  );
  expect(await page.textContent('#error')).toBe('');
  expect(await readGrid(page, '#output-grid')).toEqual([
    [13, 14, 15],
    [18, 19, 20],
    [23, 24, 25],
  ]);
  expect(await page.textContent('#unpool-error')).toMatch(/^MaxUnpool: max_unpool2d: /);
  expect(await page.textContent('#unpool-error')).not.toMatch(/outputSize|maxUnpool/); // PyTorch's names
  expect(errors).toEqual([]);
});

test('1-d, 3-d (as slices) and fractional views, with return_indices', async () => {
  const { page, errors } = await open('?op=AvgPool3d');
  expect(await page.$$eval('#input-grid table', (tables) => tables.length)).toBe(2); // two depth slices
  expect(await page.textContent('#output-caption')).toBe('output (1×1×1×2×2)');
  await page.focus('#output-grid td');
  expect(await page.textContent('#cell-math')).toContain('(1 + 2 + 5 + 6 + 17 + 18 + 21 + 22) / 8 = 11.5');
  await page.selectOption('#op', 'FractionalMaxPool2d');
  await page.fill('input[aria-label="output_size (H)"]', '3');
  await page.fill('input[aria-label="output_size (W)"]', '3');
  expect(await page.textContent('#poolkit-code')).toContain('randomSamples: poolkit.tensor([[[0.5, 0.5]]])');
  expect(await page.textContent('#formula')).toContain('starts 0, 1, 2');
  expect(await readGrid(page, '#output-grid')).toEqual([
    [6, 7, 8],
    [10, 11, 12],
    [14, 15, 16],
  ]);
  await page.selectOption('#op', 'MaxPool1d');
  await page.fill('input[aria-label="kernel_size (L)"]', '3');
  await page.check('input[aria-label="return_indices"]');
  expect(await readGrid(page, '#output-grid')).toEqual([[3, 6]]);
  expect(await readGrid(page, '#indices-grid')).toEqual([[2, 5]]);
  expect(await page.textContent('#torch-code')).toContain('out, indices = pool(x)');
  expect(errors).toEqual([]);
});

test('fractional windows, as drawn, hold the maximum poolkit chose in every output cell', async () => {
  const rows = Array.from({ length: 5 }, (_, r) => Array.from({ length: 6 }, (_, c) => ((r * 7 + c * 5) % 11) - 3).join(',')).join(';');
  const { page, errors } = await open(`?op=FractionalMaxPool2d&output_size=3,3&_random_samples=0.3,0.8&input=${rows}`);
  expect(await page.$$eval('#intervals ol', (lists) => lists.map((l) => l.textContent))).toEqual(['0–11–23–4', '0–12–34–5']);
  const cells = await page.$$('#output-grid td');
  expect(cells.length).toBe(9);
  for (const cell of cells) {
    await cell.focus();
    expect(await page.$$eval('#input-grid td.window', (tds) => tds.length)).toBe(4);
    expect(await page.$$eval('#input-grid td.chosen.window', (tds) => tds.length)).toBe(1);
  }
  expect(errors).toEqual([]);
});

test('each average cell’s arithmetic adds up to the value poolkit returned (padding, ceil_mode, divisor_override)', async () => {
  const input = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => 1 + r * 5 + c).join(',')).join(';');
  const { page, errors } = await open();
  const views = [
    'op=AvgPool2d&kernel_size=3,3&stride=2,2&padding=1,1&ceil_mode=True',
    'op=AvgPool2d&kernel_size=3,3&stride=2,2&padding=1,1&ceil_mode=True&count_include_pad=False',
    'op=AvgPool2d&kernel_size=2,3&stride=2,2&ceil_mode=True&divisor_override=3',
    'op=AdaptiveAvgPool2d&output_size=3,2',
  ];
  for (const view of views) {
    await page.goto(`${server.url}?${view}&input=${input}`);
    await page.waitForSelector('#status:has-text("computed by poolkit")');
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
  expect(errors).toEqual([]);
});

test('the seed article is linked from the intro and the footer, and served', async () => {
  const { page, errors } = await open();
  const links = await page.$$eval('footer a', (as) => as.map((a) => [a.textContent, a.href]));
  expect(links.map(([text]) => text)).toEqual(expect.arrayContaining(['The seed article, summarised', 'README', 'poolkit on npm']));
  const article = links.find(([text]) => text.startsWith('The seed article'))[1];
  expect(new URL(article).pathname).toBe('/seed-article.md');
  expect(await page.$eval('#playground p a', (a) => a.href)).toBe(article);
  const response = await page.request.get(article);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('The worked example');
  expect(errors).toEqual([]);
});

test('the poolkit snippet, run in Node, prints the numbers the page shows', async () => {
  const { page, errors } = await open('?op=AvgPool2d&kernel_size=3,2&stride=1,2&padding=1,1&count_include_pad=False');
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
  expect(errors).toEqual([]);
});
