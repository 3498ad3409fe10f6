// The playground from the keyboard alone: Tab reaches every control, and each edit keeps focus
// where it was (the controls and grids update in place). Also each output cell's arithmetic,
// read by focusing it. The numbers are PyTorch's (seed article: AvgPool2d(2) of 1..16 is
// [[3.5, 5.5], [11.5, 13.5]]); the page computes them with poolkit.
import { focusIs, focused, tabTo } from './helpers/keyboard.js';
import { readGrid, setView, usePlayground } from './helpers/playground.js';

const session = usePlayground();
let page;
beforeAll(() => ({ page } = session));

const value = () => page.evaluate(() => document.activeElement.value);
const cellMath = () => page.textContent('#cell-math');
const kernelH = 'input[aria-label="kernel_size (H)"]';

// Each test starts from the seed example with `op`, and Tab from the top of the page (a click
// on the title moves the sequential focus starting point there).
async function startFrom(op) {
  await setView(page, { op });
  await page.mouse.move(0, 0);
  await page.click('header h1');
}

test('Tab reaches every control on the page, and the photo picker works from the keyboard', async () => {
  await startFrom('AvgPool2d');
  await page.waitForSelector('#unet-run:not([disabled])');
  const passed = await tabTo(page, 'footer p a:last-child');
  const controls = await page.$$eval('body :is(a, input, select, button, summary, textarea, [tabindex="0"])', (elements) =>
    elements
      .filter((e) => !e.disabled && e.checkVisibility() && !e.matches('footer p a:last-child'))
      .map((e) => e.id || `${e.tagName.toLowerCase()}[${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 30)}]`),
  );
  expect(controls.length).toBeGreaterThan(40);
  expect(passed.filter((p) => controls.includes(p))).toEqual(controls); // each once, in order
  // The photo picker: a keyboard change redraws the levels and keeps focus.
  await tabTo(page, '#photo', { backwards: true });
  const before = await page.$eval('#levels canvas', (c) => c.toDataURL());
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((b) => document.querySelector('#levels canvas')?.toDataURL() !== b, before);
  expect(await focusIs(page, '#photo')).toBe(true);
});

test('every edit keeps focus: op, a two-digit kernel_size, arrows, checkboxes, grid cells', async () => {
  await startFrom('MaxPool2d');
  await tabTo(page, '#op');
  await page.keyboard.press('ArrowDown'); // MaxPool2d -> AvgPool2d
  expect(await page.inputValue('#op')).toBe('AvgPool2d');
  expect(await focusIs(page, '#op')).toBe(true);
  expect(await readGrid(page, '#output-grid')).toEqual([
    [3.5, 5.5],
    [11.5, 13.5],
  ]);

  // "31" typed whole stays "31", and its error says kernel_size, as the control is labelled.
  await tabTo(page, kernelH);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31');
  expect(await value()).toBe('31');
  expect(await focusIs(page, kernelH)).toBe(true);
  expect(await page.textContent('#error')).toMatch(/kernel_size=\(31, 2\)/);
  expect(await page.textContent('#error')).not.toMatch(/kernelSize/);
  // The formula stays, with the numbers that make the output empty.
  expect(await page.textContent('#formula')).toContain('⌊(4 + 2·0 − 31) / 31⌋ + 1 with in = 4');
  // Two ArrowUp presses step twice (2 -> 4), focus kept throughout.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  expect(await value()).toBe('4');
  expect(await focusIs(page, kernelH)).toBe(true);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await value()).toBe('2');
  expect(await readGrid(page, '#output-grid')).toEqual([
    [3.5, 5.5],
    [11.5, 13.5],
  ]);

  // Space on the "same as kernel_size" box frees stride's boxes; on ceil_mode it toggles it.
  const strideSame = '.field[data-param="stride"] input[type="checkbox"]';
  await tabTo(page, strideSame);
  await page.keyboard.press('Space');
  expect(await focusIs(page, strideSame)).toBe(true);
  expect(await page.isEnabled('input[aria-label="stride (H)"]')).toBe(true);
  await page.keyboard.press('Space');
  expect(await page.isDisabled('input[aria-label="stride (H)"]')).toBe(true);
  const ceil = 'input[aria-label="ceil_mode"]';
  await tabTo(page, ceil);
  await page.keyboard.press('Space');
  expect(await page.isChecked(ceil)).toBe(true);
  expect(await focusIs(page, ceil)).toBe(true);
  await page.waitForURL((url) => url.search.includes('ceil_mode=True')); // the address follows
  await page.keyboard.press('Space');

  // A grid cell: type a 3-digit number, Tab moves along the row, Enter down the column.
  const cell = (r, c) => `#input-grid input[aria-label="input row ${r}, column ${c}"]`;
  await tabTo(page, cell(1, 1));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('100');
  expect(await focusIs(page, cell(1, 1))).toBe(true);
  expect((await readGrid(page, '#output-grid'))[0][0]).toBe(28.25); // (100 + 2 + 5 + 6) / 4
  // Wide enough for three digits: nothing scrolled out of sight.
  expect(await page.$eval(cell(1, 1), (input) => input.scrollWidth <= input.clientWidth)).toBe(true);
  await page.keyboard.press('Tab');
  expect(await focusIs(page, cell(1, 2))).toBe(true);
  await page.keyboard.type('x'); // not a number: put back when the cell is left
  await page.keyboard.press('Enter');
  expect(await focusIs(page, cell(2, 2))).toBe(true);
  expect(await page.inputValue(cell(1, 2))).toBe('2');
});

test('an average cell explains its arithmetic on focus and on hover; the formula names each number', async () => {
  await startFrom('AvgPool2d');
  const expected = [
    '(1 + 2 + 5 + 6) / 4 = 3.5',
    '(3 + 4 + 7 + 8) / 4 = 5.5',
    '(9 + 10 + 13 + 14) / 4 = 11.5',
    '(11 + 12 + 15 + 16) / 4 = 13.5',
  ];
  await tabTo(page, '#output-grid td');
  for (const [i, text] of expected.entries()) {
    if (i) await page.keyboard.press('Tab');
    expect(await cellMath()).toContain(text);
    expect(await cellMath()).toContain('no padding in this window');
  }
  // Arrow keys walk the output too.
  await page.keyboard.press('ArrowUp');
  expect(await cellMath()).toContain('(3 + 4 + 7 + 8) / 4 = 5.5');
  await page.keyboard.press('ArrowLeft');
  expect(await cellMath()).toContain('(1 + 2 + 5 + 6) / 4 = 3.5');
  // Hover: the window is outlined in the input.
  await page.hover('#output-grid tr:nth-child(1) td:nth-child(2)');
  expect(await cellMath()).toContain('(3 + 4 + 7 + 8) / 4 = 5.5');
  expect(await page.$$eval('#input-grid td.window input', (inputs) => inputs.map((i) => i.value))).toEqual(['3', '4', '7', '8']);
  const formula = await page.textContent('#formula');
  expect(formula).toContain('out = ⌊(in + 2·padding − kernel_size) / stride⌋ + 1');
  expect(formula).toContain('⌊(4 + 2·0 − 2) / 2⌋ + 1 = 2 with in = 4, padding = 0, kernel_size = 2, stride = 2');

  // Padding counted or not, said in words (kernel 3, stride 1, padding 1, corner cell).
  await setView(page, { op: 'AvgPool2d', kernel_size: [3, 3], stride: [1, 1], padding: [1, 1] });
  await page.focus('#output-grid td');
  expect(await cellMath()).toContain('(1 + 2 + 5 + 6) / 9 = 1.556 — its 5 padding cells count in the divisor (count_include_pad=True)');
  // Max: the window and the index chosen; LP: the p-norm.
  await setView(page, { op: 'MaxPool2d' });
  await page.focus('#output-grid td');
  expect(await cellMath()).toContain("max(1, 2, 5, 6) = 6, the input's flat index 5 (row 2, column 2)");
  await setView(page, { op: 'LPPool2d' });
  await page.focus('#output-grid td');
  expect(await cellMath()).toContain('output row 1, column 1: (1^2 + 2^2 + 5^2 + 6^2)^(1/2) = 8.124 — the 2-norm');
});

test('the step-through, side by side and Copy work from the keyboard', async () => {
  await startFrom('MaxPool2d');
  await tabTo(page, '#stepper [data-step="1"]');
  await page.keyboard.press('Enter');
  expect(await page.textContent('#stepper [data-status]')).toBe('window 1 of 4');
  expect(await cellMath()).toContain('max(1, 2, 5, 6) = 6');
  await page.keyboard.press('ArrowRight');
  expect(await page.textContent('#stepper [data-status]')).toBe('window 2 of 4');
  expect(await page.$eval('#output-grid td.current', (td) => td.textContent)).toBe('8');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await page.textContent('#stepper [data-status]')).toBe('window 4 of 4');
  await page.keyboard.press('Shift+Tab'); // Play
  await page.keyboard.press('Space');
  expect(await page.getAttribute('#stepper [data-play]', 'aria-pressed')).toBe('true');
  await page.waitForFunction(() => document.querySelector('#stepper [data-status]').textContent !== 'window 1 of 4', null, { timeout: 3000 });
  await page.keyboard.press('Space');
  expect(await page.getAttribute('#stepper [data-play]', 'aria-pressed')).toBe('false');
  expect(await focused(page)).toBe('button[Play]');

  await tabTo(page, '#copy-torch');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#copy-status:not(:empty)');
  await tabTo(page, '#compare');
  await page.keyboard.press('ArrowDown'); // MaxPool, AvgPool and LPPool
  expect(await focusIs(page, '#compare')).toBe(true);
  const captions = await page.$$eval('#compare-panel figcaption', (fs) => fs.map((f) => f.textContent));
  expect(await page.textContent('#compare-panel .compare-note')).toMatch(/max keeps the peak/);
  expect(captions).toEqual(['nn.MaxPool2d(kernel_size=2)', 'nn.AvgPool2d(kernel_size=2)', 'nn.LPPool2d(norm_type=2, kernel_size=2)']);
  expect(await readGrid(page, '#compare-panel figure:nth-of-type(2)')).toEqual([
    [3.5, 5.5],
    [11.5, 13.5],
  ]);
});

test('with prefers-reduced-motion the window jumps without transitions', async () => {
  await startFrom('MaxPool2d');
  const transition = () => page.$eval('#input-grid td', (td) => getComputedStyle(td).transitionDuration);
  expect(await transition()).not.toBe('0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await transition()).toBe('0s');
  await page.click('#stepper [data-play]');
  expect(await page.textContent('#stepper [data-status]')).toBe('window 1 of 4');
  await page.click('#stepper [data-play]'); // pause
  await page.emulateMedia({ reducedMotion: 'no-preference' });
});
