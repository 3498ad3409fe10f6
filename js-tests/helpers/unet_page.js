// Driving the demo's UNet section in Chromium: a page whose worker answers can be held back (to
// make an answer arrive late, after the visitor moved on, without relying on timing), and the
// section's pictures read back as numbers.
// Runs before the page's scripts. Wraps Worker: while `__unetHold.holding`, the 'done' answers a
// worker sends reach the page's listeners only when the test calls releaseAnswers(). And lets
// pixels cross from the page as base64 text (as arrays of numbers they take seconds).
function instrument() {
  window.__base64 = (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  window.__unetHold = { holding: false, held: [] };
  const RealWorker = window.Worker;
  window.Worker = class extends RealWorker {
    addEventListener(type, listener, options) {
      if (type !== 'message') return super.addEventListener(type, listener, options);
      return super.addEventListener(
        type,
        (event) => {
          const hold = window.__unetHold;
          if (hold.holding && event.data?.type === 'done') hold.held.push(() => listener.call(this, event));
          else listener.call(this, event);
        },
        options,
      );
    }
  };
}

/**
 * Opens the demo with holdable worker answers, once the UNet's weights are loaded; `prepare`
 * (page) runs first, to route requests, say.
 */
export async function openUNetPage(browser, url, prepare = async () => {}) {
  const page = await browser.newPage();
  await page.addInitScript(instrument);
  await prepare(page);
  const errors = [];
  page.setDefaultTimeout(20000);
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('#unet-run:not([disabled])', { timeout: 60000 });
  return { page, errors };
}

export const holdAnswers = (page) => page.evaluate(() => (window.__unetHold.holding = true));
export const heldAnswers = (page) => page.evaluate(() => window.__unetHold.held.length);
export const releaseAnswers = (page) =>
  page.evaluate(() => {
    window.__unetHold.holding = false;
    for (const deliver of window.__unetHold.held.splice(0)) deliver();
  });

/** Waits until the section's status line says one of `words` ('done', 'cancelled', ...). */
export const waitForStage = (page, ...words) =>
  page.waitForFunction((w) => w.includes(document.querySelector('#unet-stage').textContent), words, { timeout: 120000 });

/** A canvas's size and its RGBA bytes (a Buffer), row by row. */
export async function readCanvas(page, selector) {
  const { width, height, rgba } = await page.$eval(selector, (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, rgba: window.__base64(data) };
  });
  return { width, height, rgba: Buffer.from(rgba, 'base64') };
}

/** An image file's size and RGBA bytes (a Buffer), decoded by the page's browser. */
export async function decodeInPage(page, url) {
  const { width, height, rgba } = await page.evaluate(async (u) => {
    const bitmap = await createImageBitmap(await (await fetch(u)).blob());
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: bitmap.width, height: bitmap.height, rgba: window.__base64(data) };
  }, url);
  return { width, height, rgba: Buffer.from(rgba, 'base64') };
}
