// The demo page under axe-core in each state a visitor can reach (every view of the playground,
// an error, hovers, side by side, the UNet's results), on a desktop and a phone; 16 px
// controls and 24 px targets on the phone; screenshots of both into js-tests/screenshots/.
import { axeViolations } from './helpers/axe.js';
import { launchChromium, startDemoServer } from './helpers/browser.js';
import { setView } from './helpers/playground.js';

const screenshot = (name) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;

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

async function open(viewport, query = '') {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('#status:has-text("computed by poolkit")');
  await page.waitForSelector('#levels canvas');
  return { page, errors };
}

// Each state: a name, and what a visitor does to reach it from the state before.
const STATES = [
  ['max-pool', async () => {}],
  ['avg-pool-hover', async (page) => {
    await page.selectOption('#op', 'AvgPool2d');
    await page.hover('#output-grid td');
  }],
  ['error', (page) => page.fill('input[aria-label="kernel_size (H)"]', '31')],
  ['max-pool-everything-on', async (page) => {
    await setView(page, { op: 'MaxPool2d', padding: [1, 1], stride: [1, 1], return_indices: true, unpool: true, compare: 'family' });
    await page.focus('#output-grid td');
    await page.click('#stepper [data-step="1"]');
    await page.click('summary');
  }],
  ['fractional', (page) => page.selectOption('#op', 'FractionalMaxPool2d')],
  ['three-d', (page) => page.selectOption('#op', 'MaxPool3d')],
  ['one-d', (page) => page.selectOption('#op', 'LPPool1d')],
];

test('no axe violations in any state on a desktop (1440x900), and the UNet results are images', async () => {
  const { page, errors } = await open({ width: 1440, height: 900 });
  // Names that say what each control is, not "none" or "or upload".
  await setView(page, { op: 'AvgPool2d' });
  for (const name of ['stride same as kernel_size', 'divisor_override None', 'ceil_mode', 'count_include_pad']) {
    expect(await page.getByRole('checkbox', { name, exact: true }).count()).toBe(1);
  }
  expect(await page.getByRole('group', { name: 'kernel_size' }).getByRole('spinbutton').count()).toBe(2);
  expect(await page.getByLabel('or upload a photo').getAttribute('type')).toBe('file');
  expect(await page.getByLabel('or upload a cell image').getAttribute('type')).toBe('file');
  for (const [name, reach] of STATES) {
    await reach(page);
    expect([name, await axeViolations(page)]).toEqual([name, []]);
  }
  await page.waitForSelector('#unet-run:not([disabled])');
  await page.click('#unet-run');
  await page.waitForSelector('#unet-summary:has-text("Segmented")', { timeout: 60000 });
  expect(await axeViolations(page)).toEqual([]);
  const canvases = await page.$$eval('canvas', (cs) => cs.map((c) => [c.getAttribute('role'), c.getAttribute('aria-label')]));
  expect(canvases.length).toBeGreaterThan(10);
  for (const [role, label] of canvases) {
    expect(role).toBe('img');
    expect(label).toBeTruthy();
  }
  await setView(page, { op: 'AvgPool2d', compare: 'family' });
  await page.focus('#output-grid td');
  await page.waitForTimeout(300); // the window's outline fades in
  await page.screenshot({ path: screenshot('desktop-1440x900') });
  await page.screenshot({ path: screenshot('desktop-1440x900-full'), fullPage: true });
  expect(errors).toEqual([]);
}, 90000);

test('on a phone (390x844): no axe violations, no sideways scroll, 16 px controls, 24 px targets', async () => {
  const { page, errors } = await open({ width: 390, height: 844 });
  for (const [name, reach] of STATES.slice(0, 2)) {
    await reach(page);
    expect([name, await axeViolations(page)]).toEqual([name, []]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  const small = await page.$$eval('main :is(input, select, button, textarea, summary)', (controls) =>
    controls
      .filter((c) => c.checkVisibility())
      .map((c) => {
        const box = c.getBoundingClientRect();
        const font = parseFloat(getComputedStyle(c).fontSize);
        return { name: c.id || c.getAttribute('aria-label') || c.textContent, width: box.width, height: box.height, font };
      })
      .filter((c) => c.width < 24 || c.height < 24 || c.font < 16),
  );
  expect(small).toEqual([]);
  await page.waitForTimeout(300); // the window's outline fades in
  await page.screenshot({ path: screenshot('phone-390x844') });
  await page.screenshot({ path: screenshot('phone-390x844-full'), fullPage: true });
  expect(errors).toEqual([]);
});
