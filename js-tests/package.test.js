// The npm package as a user gets it: pack the tarball, install it into a throwaway project, and
// import 'poolkit' there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let work;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'poolkit-pack-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the packed tarball installs and works in a fresh project', () => {
  // --ignore-scripts: npm test has just built dist/; rebuilding it here (prepack) would pull it
  // from under the test files running beside this one.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  const files = packed.files.map((f) => f.path);
  expect(files).toEqual(
    expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/poolkit_wasm.js', 'dist/poolkit_wasm.wasm', 'package.json', 'LICENSE', 'CHANGELOG.md']),
  );
  const besideDist = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];
  expect(files.filter((f) => !f.startsWith('dist/') && !besideDist.includes(f))).toEqual([]);

  const project = join(work, 'app');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], {
    cwd: project,
    stdio: 'pipe',
  });
  writeFileSync(
    join(project, 'main.js'),
    `import * as poolkit from 'poolkit';
import { createRequire } from 'node:module';
// Tools read a dependency's package.json; the exports map must not block it.
if (createRequire(import.meta.url)('poolkit/package.json').name !== 'poolkit') throw new Error('package.json');
await poolkit.ready();
const x = poolkit.tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);
console.log(JSON.stringify(poolkit.functional.maxPool2d(x, { kernelSize: 2, stride: 2 }).tolist()));
`,
  );
  const out = execFileSync('node', ['main.js'], { cwd: project, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual([[[[6, 8], [14, 16]]]]);
});
