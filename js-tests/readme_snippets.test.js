// Issue 12: the README's UNet snippet could not run as written. Every ```js block of the README
// that needs no DOM runs here, as written, against the built package; a statement whose comment
// gives a value (`x.tolist(); // [[[[6, 8], [14, 16]]]]`, or on the next line) must produce it,
// and one whose comment reads `// Error: ...` must throw that message.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL(process.env.POOLKIT_DIST ?? '../dist/index.js', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => ({
  code: match[1],
  line: readme.slice(0, match.index).split('\n').length + 1,
}));
const runnable = blocks.filter(({ code }) => !/\b(canvas|document|window)\b/.test(code));

// The longest prefix of a comment that is a JavaScript literal (an array, string or number).
function literalPrefix(comment) {
  for (let end = comment.length; end > 0; end -= 1) {
    if (!/[\]'\d]/.test(comment[end - 1])) continue;
    const text = comment.slice(0, end);
    try {
      const value = Function(`"use strict"; return (${text});`)();
      if (Array.isArray(value) || typeof value === 'string' || typeof value === 'number') return text;
    } catch {
      // not a literal yet
    }
  }
  return null;
}

/** The block with each checkable statement wrapped; counts the checks it made. */
function instrument(code, firstLine) {
  const lines = code.replace(/^import \* as poolkit from 'poolkit';$/m, '').split('\n');
  let checks = 0;
  const out = lines.map((line, i) => {
    const statement = /^(?<code>[^/]*?);\s*(?:\/\/ (?<comment>.*))?$/.exec(line);
    if (!statement || /^\s*(const|let|await|import)\b/.test(statement.groups.code)) return line;
    const comment = statement.groups.comment ?? /^\s*\/\/ (.*)$/.exec(lines[i + 1] ?? '')?.[1];
    if (!comment) return line;
    const where = firstLine + i;
    if (comment.startsWith('Error: ')) {
      checks += 1;
      return `await __throws(${where}, async () => (${statement.groups.code}), ${JSON.stringify(comment.slice('Error: '.length))});`;
    }
    const expected = literalPrefix(comment);
    if (expected === null) return line;
    checks += 1;
    return `await __check(${where}, async () => (${statement.groups.code}), ${expected});`;
  });
  return { code: out.join('\n'), checks };
}

const PRELUDE = `
import * as poolkit from ${JSON.stringify(dist)};
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
// The page's server, for the snippets that fetch the demo's model.
globalThis.fetch = async (path) => new Response(readFileSync(${JSON.stringify(`${root}web/public`)} + path));
const results = [];
const __check = async (line, run, expected) => {
  const got = await run();
  results.push({ line, ok: isDeepStrictEqual(got, expected), got: JSON.stringify(got), expected: JSON.stringify(expected) });
};
const __throws = async (line, run, message) => {
  try {
    await run();
    results.push({ line, ok: false, got: 'no error', expected: message });
  } catch (error) {
    results.push({ line, ok: error.message === message, got: error.message, expected: message });
  }
};
process.on('exit', () => console.log(JSON.stringify(results)));
`;

test('the README has runnable snippets, with values to check', () => {
  expect(runnable.length).toBeGreaterThanOrEqual(3);
  expect(runnable.map(({ code, line }) => instrument(code, line).checks).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(5);
});

test.each(runnable.map((block) => [block.line, block]))('README.md line %i runs as written and gives what it says', (_, block) => {
  const { code } = instrument(block.code, block.line);
  const dir = `${root}build/readme-snippets`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/line-${block.line}.mjs`;
  writeFileSync(file, `${PRELUDE}\n${code}`);
  const stdout = execFileSync('node', [file], { encoding: 'utf8', timeout: 60000 });
  const results = JSON.parse(stdout.trim().split('\n').pop());
  for (const result of results) expect(result).toEqual({ ...result, ok: true });
}, 70000);
