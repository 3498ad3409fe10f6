// The demo page in Chromium: the seed article's examples and a few settings changed through the
// controls, checked against PyTorch's numbers (js-tests/fixtures/demo_page.json).
import { readFileSync } from 'node:fs';
import { launchChromium, openPage, startDemoServer } from './helpers/browser.js';

const { cases } = JSON.parse(readFileSync(new URL('./fixtures/demo_page.json', import.meta.url), 'utf8'));
const screenshot = (name) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;

let server;
let browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPlayground() {
  const opened = await openPage(browser, server.url);
  await opened.page.waitForSelector('#status:has-text("computed by poolkit")');
  return opened;
}

const readGrid = (page, selector) =>
  page.$$eval(`${selector} tr`, (rows) => rows.map((row) => Array.from(row.cells, (cell) => Number(cell.textContent))));

// Sets the controls a fixture case names, the way a user would: pick the op, type numbers.
async function applyControls(page, controls) {
  const { op, ...values } = controls;
  await page.selectOption('#op', { label: op });
  for (const [name, value] of Object.entries(values)) {
    const label = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (typeof value === 'boolean') {
      await page.setChecked(`#params input[aria-label="${label}"]`, value);
      continue;
    }
    const none = page.locator('#params .field', { hasText: label }).locator('.none input');
    if ((await none.count()) && (await none.isChecked())) await none.uncheck();
    for (const [d, dim] of ['H', 'W'].entries()) {
      await page.fill(`#params input[aria-label="${label} (${dim})"]`, String(value[d]));
    }
  }
}

test('the page opens on the seed example: MaxPool2d(2) of the 4x4 grid is [[6, 8], [14, 16]]', async () => {
  const { page, errors } = await openPlayground();
  expect(await readGrid(page, '#output-grid')).toEqual([
    [6, 8],
    [14, 16],
  ]);
  expect(await page.textContent('#torch-line')).toBe('nn.MaxPool2d(kernel_size=2)');
  // Hovering an output cell outlines its window and fills the maximum the wasm chose.
  await page.hover('#output-grid tr:nth-child(2) td:nth-child(1)');
  expect(await page.$$eval('#input-grid td.window', (tds) => tds.map((td) => td.querySelector('input').value))).toEqual(['9', '10', '13', '14']);
  expect(await page.$eval('#input-grid td.chosen input', (input) => input.value)).toBe('14');
  await page.screenshot({ path: screenshot('playground-maxpool'), fullPage: true });
  expect(errors).toEqual([]);
});

test.each(cases.map((c) => [c.name, c]))('%s shows PyTorch’s result', async (_, c) => {
  const { page, errors } = await openPlayground();
  await applyControls(page, c.controls);
  if (c.error) {
    await page.waitForSelector('#error:not(:empty)');
    // PyTorch's rule, in words, inline.
    expect(await page.textContent('#error')).toMatch(/padding must be at most half of kernelSize/);
    expect(await readGrid(page, '#output-grid')).toEqual([]);
  } else {
    expect(await page.textContent('#error')).toBe('');
    expect(await readGrid(page, '#output-grid')).toEqual(c.output);
  }
  await page.screenshot({ path: screenshot(`playground-${c.name.replace(/\W+/g, '-')}`), fullPage: true });
  expect(errors).toEqual([]);
});
