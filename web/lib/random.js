// poolkit's random generator: MT19937 seeded as PyTorch seeds its CPU generator, so
// poolkit.manualSeed(s) followed by an op that draws samples (fractionalMaxPool2d/3d without
// randomSamples) gives the numbers torch.manual_seed(s) followed by the same PyTorch op gives.
// Like PyTorch, it starts from a random seed until manualSeed is called.

const N = 624;
const state = new Uint32Array(N);
let position = N;
let seedValue = 0;

// MT19937's init_genrand, which PyTorch's mt19937 runs on the low 32 bits of the seed.
function seedState(seed32) {
  state[0] = seed32;
  for (let i = 1; i < N; i++) {
    const prev = state[i - 1] ^ (state[i - 1] >>> 30);
    // 1812433253 * prev + i, modulo 2^32 (Math.imul keeps it in 32 bits).
    state[i] = Math.imul(1812433253, prev) + i;
  }
  position = N;
}

function twist() {
  for (let i = 0; i < N; i++) {
    const y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
    state[i] = state[(i + 397) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
  }
  position = 0;
}

function nextUint32() {
  if (position >= N) twist();
  let y = state[position++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/**
 * torch.manual_seed: seeds poolkit's generator. `seed` is an integer (a safe integer or a
 * BigInt); as in PyTorch, only its value modulo 2^64 matters, and of that the low 32 bits.
 */
export function manualSeed(seed) {
  const valid = (typeof seed === 'number' && Number.isSafeInteger(seed)) || typeof seed === 'bigint';
  if (!valid) {
    throw new Error(`manualSeed: seed must be an integer (a safe integer or a BigInt), got ${String(seed)}`);
  }
  seedValue = seed;
  seedState(Number(BigInt.asUintN(32, BigInt(seed))));
}

/** torch.initial_seed: the seed the generator was last seeded with. */
export function initialSeed() {
  return seedValue;
}

/**
 * @internal `count` floats uniform in [0, 1), as torch.rand draws them for float32: the low 24
 * bits of each 32-bit output, divided by 2^24.
 */
export function rand(count) {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = (nextUint32() & 0xffffff) / 0x1000000;
  return values;
}

// PyTorch seeds its default generator nondeterministically at start-up; so does poolkit.
manualSeed(Math.floor(Math.random() * 2 ** 32));
