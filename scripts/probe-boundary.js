// Issue 11's count, rerun: random calls of every public op (the generators and checks of
// js-tests/helpers/boundary_properties.js), tallied by outcome.
//   node scripts/probe-boundary.js [--threads N] [--probes N] [--seed N]
// POOLKIT_DIST points it at another build of the package (default: ../dist/index.js).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { OUTCOMES, anyCall, createProber } from '../js-tests/helpers/boundary_properties.js';

const { values } = parseArgs({
  options: { threads: { type: 'string' }, probes: { type: 'string', default: '3600' }, seed: { type: 'string', default: '42' } },
});
const positive = (name, text) => {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
  return n;
};
const probes = positive('probes', values.probes);
const seed = Number(values.seed);

const dist = process.env.POOLKIT_DIST ? pathToFileURL(process.env.POOLKIT_DIST).href : new URL('../dist/index.js', import.meta.url).href;
const poolkit = await import(dist);
await poolkit.ready(values.threads === undefined ? undefined : { threads: positive('threads', values.threads) });

const prober = createProber(poolkit);
const examples = new Map();
const started = performance.now();
for (const c of fc.sample(anyCall, { seed, numRuns: probes })) {
  const { outcome, problem } = prober.probe(c);
  if (outcome !== 'results' && outcome !== 'clearErrors' && !examples.has(outcome)) examples.set(outcome, { c, problem });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const { build, threads } = poolkit.runtimeInfo();
const LABELS = {
  results: 'results', clearErrors: 'clear Errors', unclearErrors: 'Errors not naming the op',
  wrongResults: 'wrong results', crashes: 'crashes', hangs: 'hangs (a call over 10 s)', leaks: 'leaks',
};
const rows = [['probes tried', probes], ...OUTCOMES.map((o) => [LABELS[o], prober.counts[o]])];
console.log(`poolkit ${build} build, ${threads} thread(s), seed ${seed}, ${seconds} s`);
for (const [label, count] of rows) console.log(`  ${label.padEnd(26)}${String(count).padStart(6)}`);
for (const [outcome, { c, problem }] of examples) console.log(`\nfirst of ${LABELS[outcome]}: ${fc.stringify(c)}\n  ${problem}`);
process.exitCode = examples.size ? 1 : 0;
