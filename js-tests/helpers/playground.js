// Driving the demo's playground in Chromium: open it, read a grid, set a view through its
// controls (a few ms each, where loading a page with the view in its address takes seconds).
import { launchChromium, openPage, startDemoServer } from './browser.js';

/** Opens the page (with `query`, a view's address) once poolkit has computed the playground. */
export async function openPlayground(browser, url, query = '') {
  const opened = await openPage(browser, `${url}${query}`);
  await opened.page.waitForSelector('#status:has-text("computed by poolkit")');
  return opened;
}

/**
 * One demo server, browser and playground page for a whole test file, opened before its first
 * test and closed after its last; after each test, no page error may have happened. The
 * returned object fills in {server, browser, page, errors} once beforeAll has run.
 */
export function usePlayground() {
  const session = {};
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startDemoServer(), launchChromium()]);
    Object.assign(session, await openPlayground(session.browser, session.server.url));
  });
  afterEach(() => {
    expect(session.errors.splice(0)).toEqual([]); // no page errors, whichever test caused them
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/** A grid's numbers, row by row (a 3-d view's slices one after another). */
export const readGrid = (page, selector) =>
  page.$$eval(`${selector} tr`, (rows) => rows.map((row) => Array.from(row.cells, (cell) => Number(cell.textContent))));

/** Replaces the input with `text` (rows of numbers, or brackets) through the Paste box. */
export async function pasteGrid(page, text) {
  if (!(await page.isVisible('#paste'))) await page.click('summary');
  await page.fill('#paste', text);
  await page.click('#apply-paste');
}

/**
 * Sets a view through the controls: {op, kernel_size: [3, 3], stride: null, ceil_mode: true,
 * compare: 'family', unpool: true, ...}
 * in PyTorch's names, as the controls are labelled; null ticks an argument's None box. The
 * others go back to their defaults first ("Back to the example"); `input`, pasted, then replaces
 * the example's numbers.
 */
export async function setView(page, { op, input, compare = 'off', unpool = false, ...args }) {
  if (op) await page.selectOption('#op', op);
  await page.click('#reset');
  if (input) await pasteGrid(page, input);
  await page.selectOption('#compare', compare);
  if (await page.isVisible('#unpool-toggle')) await page.setChecked('#unpool-toggle', unpool);
  for (const [name, value] of Object.entries(args)) {
    const field = page.locator(`#params .field[data-param="${camel(name)}"]`);
    const none = field.locator('label.none input');
    if (typeof value === 'boolean') {
      await field.locator('input[type="checkbox"]').setChecked(value);
    } else if (value === null) {
      await none.check();
    } else {
      if ((await none.count()) && (await none.isChecked())) await none.uncheck();
      const values = Array.isArray(value) ? value : [value];
      for (const [i, v] of values.entries()) await field.locator('input[type="number"]').nth(i).fill(String(v));
    }
  }
}

const camel = (name) => name.replace(/^_/, '').replace(/_([a-z])/g, (_, c) => c.toUpperCase());
