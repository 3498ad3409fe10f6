// Issue 11's property: any call of any op, with any arguments, either returns a result that
// checks out or throws an Error naming the op; either way the module keeps working and wasm
// memory is back where it was. Shared by the Jest suites (one per build) and
// scripts/probe-boundary.js; poolkit is passed in, since only Jest resolves the name 'poolkit'.
import fc from 'fast-check';
import { OPS, anyCall, makeCall } from './boundary_ops.js';
import { makeTensor, numel } from './boundary_values.js';

export { anyCall, OPS };

/** Probe outcomes, in the order reports list them; all but the first two are failures. */
export const OUTCOMES = ['results', 'clearErrors', 'unclearErrors', 'wrongResults', 'crashes', 'hangs', 'leaks'];
export const FAILURES = new Set(OUTCOMES.slice(2));

const HANG_MS = 10000;
// Ops whose values may be infinite from finite inputs, as in PyTorch: lpPool with a huge p,
// tensor() of doubles past float32's range, and max pooling's -inf for a window that dilation
// and padding leave without a single input element.
const INFINITY_ALLOWED = new Set(['lpPool1d', 'lpPool2d', 'tensor', 'maxPool1d', 'maxPool2d', 'maxPool3d']);

/** Why `error` is not the clear Error the property wants from `op`, or null when it is. */
function errorProblem(error, op) {
  if (!(error instanceof Error)) return ['crashes', `threw a non-Error: ${String(error)}`];
  if (error instanceof RangeError || error instanceof TypeError || error instanceof WebAssembly.RuntimeError || /abort/i.test(error.message)) {
    return ['crashes', `${error.constructor.name}: ${error.message}`];
  }
  if (!error.message.startsWith(`${op}: `)) return ['unclearErrors', `${error.constructor.name}: ${error.message}`];
  return null;
}

/** What every result must be: tensors of non-negative safe-integer shapes whose data reads in full. */
function resultProblems(poolkit, op, result) {
  for (const tensor of Array.isArray(result) ? result : [result]) {
    if (!(tensor instanceof poolkit.Tensor)) return [`returned ${String(tensor)}, not a Tensor`];
    if (!tensor.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) return [`shape [${tensor.shape}]`];
    const data = tensor.data;
    if (data.length !== numel(tensor.shape)) return [`${data.length} values for shape [${tensor.shape}]`];
    const bad = data.findIndex((v) => typeof v !== 'number' || (!Number.isFinite(v) && !Number.isNaN(v)));
    if (bad >= 0 && (typeof data[bad] !== 'number' || !INFINITY_ALLOWED.has(op))) return [`value ${data[bad]} at ${bad}`];
  }
  return [];
}

/** The call's own outcome, inside the caller's tidy(): [outcome, problem]. */
function runCall(poolkit, op, call) {
  const made = makeCall(poolkit, op, call, makeTensor);
  let result;
  try {
    result = OPS[op].invoke(poolkit.functional, op, made, poolkit);
  } catch (error) {
    return errorProblem(error, op) ?? ['clearErrors', error.message];
  }
  try {
    const problems = resultProblems(poolkit, op, result);
    if (!problems.length) problems.push(...OPS[op].check(made, result));
    return problems.length ? ['wrongResults', problems.join('; ')] : ['results', null];
  } catch (error) {
    return ['wrongResults', `reading or checking the result threw ${error.stack}`];
  }
}

const KNOWN_INPUT = Array.from({ length: 16 }, (_, i) => i + 1);
const KNOWN_OUTPUT = [6, 8, 14, 16];
const SENTINEL = Float32Array.from({ length: 64 }, (_, i) => i * 1.5 - 7);

/**
 * A prober for a ready poolkit: probe({op, call}) runs one call and returns {outcome, problem};
 * `counts` and `byOp` tally outcomes. Fractional pooling draws from poolkit's generator, seeded
 * here, so a run is reproducible.
 */
export function createProber(poolkit) {
  poolkit.manualSeed(11);
  const sentinel = poolkit.tensor(SENTINEL, [4, 16]);
  const allocated = () => poolkit.memoryStats().allocatedBytes;
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  const byOp = Object.fromEntries(Object.keys(OPS).map((op) => [op, Object.fromEntries(OUTCOMES.map((o) => [o, 0]))]));
  let firstBreak = null;

  // Whether the module still holds the sentinel's values and computes a known answer.
  function moduleProblem() {
    try {
      if (!sentinel.data.every((v, i) => v === SENTINEL[i])) return 'the sentinel tensor changed';
      const known = poolkit.tidy(() => Array.from(poolkit.functional.maxPool2d(poolkit.tensor(KNOWN_INPUT, [1, 1, 4, 4]), 2).data));
      return known.join() === KNOWN_OUTPUT.join() ? null : `maxPool2d of 1..16 gave [${known}]`;
    } catch (error) {
      return `the known computation threw ${error}`;
    }
  }

  function classify(op, call) {
    const baseline = allocated();
    const started = performance.now();
    let [outcome, problem] = poolkit.tidy(() => runCall(poolkit, op, call));
    const elapsed = performance.now() - started;
    if (elapsed > HANG_MS) [outcome, problem] = ['hangs', `took ${Math.round(elapsed)} ms`];
    const leaked = allocated() - baseline;
    if (leaked !== 0) [outcome, problem] = ['leaks', `${leaked} bytes stayed allocated (${outcome}: ${problem})`];
    const broken = moduleProblem();
    if (broken) [outcome, problem] = ['crashes', `${broken} after the call (${outcome}: ${problem})`];
    return [outcome, problem];
  }

  function probe({ op, call }) {
    let [outcome, problem] = classify(op, call);
    // Once the module is broken every later call fails too, and fast-check's shrinking would
    // end on a trivial one: name the call that broke it.
    if (outcome === 'crashes' && !firstBreak) firstBreak = { op, call };
    if (firstBreak && FAILURES.has(outcome)) problem += `; the module first broke on ${fc.stringify(firstBreak)}`;
    counts[outcome] += 1;
    byOp[op][outcome] += 1;
    return { outcome, problem };
  }

  return { probe, counts, byOp };
}

/** The property over any call, for fc.assert. */
export function boundaryProperty(prober) {
  return fc.property(anyCall, (c) => {
    const { outcome, problem } = prober.probe(c);
    if (FAILURES.has(outcome)) throw new Error(`${outcome}: ${problem}`);
  });
}

/**
 * The Jest suite for one build: `readyOptions` for poolkit.ready(), `build` the runtimeInfo()
 * build that must result (so a silent fallback does not test the wrong one).
 */
export function describeBoundary(title, poolkit, { readyOptions, build, numRuns }) {
  describe(title, () => {
    let prober;
    beforeAll(async () => {
      await poolkit.ready(readyOptions);
      prober = createProber(poolkit);
    });

    test(`runs the ${build} build`, () => {
      expect(poolkit.runtimeInfo().build).toBe(build);
    });

    test(`${numRuns} random calls: each a checked result or an Error naming its op, nothing broken or leaked`, () => {
      fc.assert(boundaryProperty(prober), { seed: 42, numRuns });
      // A property met only by Errors would test nothing past the argument checks: every op
      // must have returned results and thrown clear Errors.
      for (const [op, tally] of Object.entries(prober.byOp)) {
        expect([op, tally.results > 0, tally.clearErrors > 0]).toEqual([op, true, true]);
      }
    }, 120000);
  });
}
