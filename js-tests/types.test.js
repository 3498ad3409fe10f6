// Issue 12: the TypeScript declarations (web/lib/index.d.ts, shipped as dist/index.d.ts) are
// complete and sound. usage.ts calls every export in each documented form and asserts the
// result types, including what must not compile; tsc --strict must accept it. The second test
// compares the declarations with what the package really exports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as poolkit from 'poolkit';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

// tsc's exit status, and what it printed (its errors go to stdout).
function typeCheck(project) {
  try {
    return { status: 0, output: execFileSync('node', [tsc, '-p', project], { cwd: root, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    return { status: error.status, output: `${error.stdout ?? ''}${error.stderr ?? ''}` || String(error) };
  }
}

function expectClean({ status, output }) {
  // The output in the message, so a failure shows tsc's errors, not just a status.
  expect({ status, output }).toEqual({ status: 0, output: '' });
}

test('js-tests/types/usage.ts type-checks under tsc --strict against index.d.ts', () => {
  expectClean(typeCheck('js-tests/types/tsconfig.json'));
}, 120000);

test('the declarations name exactly the values the package exports (top level, functional, nn)', () => {
  // Module namespaces list their exports; nn's and functional's values are what index.js
  // re-exports from nn/index.js and functional/index.js.
  const names = (object) => Object.keys(object).filter((key) => key !== 'default').sort();
  const union = (keys) => keys.map((key) => JSON.stringify(key)).join(' | ') || 'never';
  const scopes = [
    ['Top', 'typeof poolkit', names(poolkit)],
    ['Functional', 'typeof poolkit.functional', names(poolkit.functional)],
    ['Nn', 'typeof poolkit.nn', names(poolkit.nn)],
  ];
  expect(scopes.map(([, , keys]) => keys.length).every((n) => n > 0)).toBe(true);
  // For each scope: every runtime name is a declared value, and no declared value is missing at
  // run time. An error names the offending keys in its type.
  const checks = scopes.map(
    ([name, declared, keys]) => `
type Runtime${name} = ${union(keys)};
const missing${name}: [Exclude<Runtime${name}, keyof ${declared}>] extends [never] ? true : Exclude<Runtime${name}, keyof ${declared}> = true;
const extra${name}: [Exclude<keyof ${declared}, Runtime${name}>] extends [never] ? true : Exclude<keyof ${declared}, Runtime${name}> = true;
export { missing${name}, extra${name} };`,
  );
  const work = mkdtempSync(join(tmpdir(), 'poolkit-types-'));
  try {
    writeFileSync(join(work, 'exports.ts'), `import * as poolkit from 'poolkit';\n${checks.join('\n')}\n`);
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'js-tests/types/tsconfig.json'), files: [join(work, 'exports.ts')] }),
    );
    // An ES module, as usage.ts is under the repository's package.json.
    writeFileSync(join(work, 'package.json'), '{"type": "module"}');
    expectClean(typeCheck(join(work, 'tsconfig.json')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 120000);
