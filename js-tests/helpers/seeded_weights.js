// The twin of scripts/unet/seeded_weights.py: the same xorshift32 stream mapped to float32 the
// same way, so the full-width UNet's 30 MB of weights are made here instead of read from git.

export class Xorshift32 {
  constructor(seed) {
    this.state = seed >>> 0 || 1;
  }

  nextUint32() {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** A double in [-bound, bound). */
  uniform(bound) {
    return (2 * (this.nextUint32() / 4294967296) - 1) * bound;
  }
}

/** Terms in each output sum: in * kH * kW for a convolution, in for the k2 s2 up-convolutions. */
export function fanIn(key, shape) {
  return key.startsWith('up') ? shape[0] : shape[1] * shape[2] * shape[3];
}

/** [{key, shape, data: Float32Array}] for a state_dict layout ([key, shape] pairs). */
export function seededTensors(layout, seed) {
  const rng = new Xorshift32(seed);
  let lastFanIn = 1;
  return layout.map(([key, shape]) => {
    let bound;
    if (key.endsWith('.weight')) {
      lastFanIn = fanIn(key, shape);
      bound = Math.sqrt(6 / lastFanIn);
    } else {
      bound = 1 / Math.sqrt(lastFanIn);
    }
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = rng.uniform(bound);
    return { key, shape, data };
  });
}
