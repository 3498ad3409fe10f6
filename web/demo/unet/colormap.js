// Viridis, the perceptually uniform colour map (matplotlib's), as 9 anchors linearly
// interpolated: good enough for a heat map and a legend, readable in greyscale and by most
// colour-blind viewers.
const VIRIDIS = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** [r, g, b] for t in [0, 1]. */
export function viridis(t) {
  const x = Math.min(1, Math.max(0, Number.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  return VIRIDIS[i].map((a, k) => Math.round(a + f * (VIRIDIS[i + 1][k] - a)));
}

/** A horizontal legend bar as a CSS gradient. */
export function viridisGradient() {
  return `linear-gradient(to right, ${VIRIDIS.map((c, i) => `rgb(${c.join(',')}) ${(100 * i) / (VIRIDIS.length - 1)}%`).join(', ')})`;
}

/**
 * [r, g, b] of cell `label` (1, 2, ...): hues a golden angle apart, so neighbours, which have
 * close labels, get far-apart colours; bright and saturated, to stand out on a grey image.
 */
export function cellColour(label) {
  const hue = (label * 137.508) % 360;
  const [s, l] = [0.9, 0.6];
  const a = s * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}
