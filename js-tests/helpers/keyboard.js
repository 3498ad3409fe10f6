// Keyboard-only driving of a page: Tab until a control is focused, and what has focus now.

/** A short description of the focused element: its id, else its tag and accessible label. */
export const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e.id || `${e.tagName.toLowerCase()}[${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 30)}]`;
  });

/** Whether the focused element matches `selector`. */
export const focusIs = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/**
 * Presses Tab (Shift+Tab with backwards) until the element matching `selector` has focus;
 * returns the descriptions of the elements passed on the way. Fails after `limit` presses.
 */
export async function tabTo(page, selector, { backwards = false, limit = 120 } = {}) {
  const passed = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await focusIs(page, selector)) return passed;
    passed.push(await focused(page));
  }
  throw new Error(`Tab never reached ${selector}; passed ${passed.join(' > ')}`);
}
