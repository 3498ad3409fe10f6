// The tileSize the demo asks segment for. A tile costs its whole area, the margin it throws away
// included, so the best tiling depends on the image: a 188x188 sample in one default 572 tile
// would cost four times what one tile just large enough costs, and 1000x700 costs 40% less in
// six 448 tiles than in six 572 ones. Tiles stay at most 572, the library's default, which bounds
// the memory of a pass and the wait between two progress reports.
const LARGEST = 572;

/**
 * {tileSize, tiles}: the tile for an image of height x width that needs the fewest pixels in
 * all, and how many tiles segment will run with it.
 */
export function planTiles(height, width, { levels, padding }) {
  // What a tile loses on each side (valid convolutions) or needs around its outputs ('same').
  // segment keeps `step` outputs of each tile, a multiple of `align`, and rounds a tileSize down
  // to one the network takes, at most `period` smaller: asking for margins + step + period
  // keeps the step.
  const margin = padding === 'same' ? 8 * 2 ** levels - 6 : 2 * (3 * 2 ** levels - 2);
  const align = 2 ** (levels + 1);
  const period = 2 ** levels;
  let best = null;
  for (let step = align; 2 * margin + step + period <= LARGEST + period; step += align) {
    const tileSize = Math.min(LARGEST, 2 * margin + step + period);
    const tiles = Math.ceil(height / step) * Math.ceil(width / step);
    const cost = tiles * tileSize ** 2;
    if (!best || cost <= best.cost) best = { tileSize, tiles, cost };
    if (step >= Math.max(height, width)) break; // one tile already
  }
  return { tileSize: best.tileSize, tiles: best.tiles };
}
