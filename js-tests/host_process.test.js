// Issue 11: poolkit must never take over the process that loads it. The Node threads glue used
// to install uncaughtException/unhandledRejection handlers (an application's own error exited
// with code 7 and 80 kB of minified glue), and a threaded build that failed to load left the
// process hanging or killed it later.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const entry = new URL(process.env.POOLKIT_DIST ?? '../dist/index.js', import.meta.url).href;
const singleWasm = new URL('poolkit_wasm.wasm', entry);

function runNode(source) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    encoding: 'utf8',
    timeout: 60000,
  });
}

test("an application's own uncaught error exits as Node decides, with the application's message", () => {
  const run = runNode(`
    import * as poolkit from ${JSON.stringify(entry)};
    await poolkit.ready();
    if (poolkit.runtimeInfo().build !== 'threads') throw new Error('expected the threaded build');
    setTimeout(() => { throw new Error('the application has a bug'); });
  `);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Error: the application has a bug');
  expect(run.stderr.length).toBeLessThan(2000);
});

test('an unhandled rejection of the application is left to Node too', () => {
  const run = runNode(`
    import * as poolkit from ${JSON.stringify(entry)};
    await poolkit.ready();
    process.on('exit', (code) => console.log('exit code', code));
    Promise.reject(new Error('nobody handled me'));
  `);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('nobody handled me');
  expect(run.stderr.length).toBeLessThan(2000);
});

test('a threaded build that fails to load falls back to the single-threaded one, and the process ends', () => {
  const run = runNode(`
    import * as poolkit from ${JSON.stringify(entry)};
    import { readFileSync } from 'node:fs';
    // The single-threaded build's bytes cannot link as the threaded one.
    await poolkit.ready({ threads: 2, wasmBinary: { threads: readFileSync(new URL(${JSON.stringify(singleWasm.href)})) } });
    const info = poolkit.runtimeInfo();
    console.log(JSON.stringify({ build: info.build, reason: info.fallbackReason }));
    console.log(JSON.stringify(poolkit.functional.relu(poolkit.tensor([-1, 2], [2])).tolist()));
  `);
  expect(run.error).toBeUndefined(); // not killed by the timeout: nothing kept it alive
  expect(run.status).toBe(0);
  const [info, relu] = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  expect(info.build).toBe('single');
  expect(info.reason).toMatch(/LinkError/);
  expect(relu).toEqual([0, 2]);
  expect(run.stderr).not.toMatch(/LinkError/); // reported through runtimeInfo, not printed
  expect(readFileSync(singleWasm).length).toBeGreaterThan(0);
});
