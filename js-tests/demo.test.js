import { launchChromium, openPage, startDemoServer } from './helpers/browser.js';

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

test('the demo page computes the seed example with the wasm module', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('#status:has-text("Computed by poolkit")');
  const cells = await page.$$eval('#output-grid tr', (rows) =>
    rows.map((row) => Array.from(row.cells, (cell) => Number(cell.textContent))),
  );
  expect(cells).toEqual([
    [6, 8],
    [14, 16],
  ]);
  // The maxima are highlighted in the input: positions 5, 7, 13, 15.
  const highlighted = await page.$$eval('#input-grid td.max', (tds) => tds.map((td) => Number(td.textContent)));
  expect(highlighted).toEqual([6, 8, 14, 16]);
  await page.screenshot({ path: new URL('./screenshots/demo-maxpool.png', import.meta.url).pathname });
  expect(errors).toEqual([]);
});
