// The tileSize the demo asks segment for. A tile costs its whole area, the margin it throws away
// included, so a small image in one default 572 tile would cost several times what a tile just
// large enough costs; large images keep 572 tiles, the efficient size, and show progress per tile.
const LARGEST = 572;

/**
 * {tileSize, tiles}: the tile for an image of height x width, and how many segment will run (an
 * estimate from above, for the progress bar before segment reports its first tile).
 */
export function planTiles(height, width, { levels, padding }) {
  // What a tile loses on each side (valid convolutions) or needs around its outputs ('same');
  // segment places tiles at multiples of `align` and rounds the size down to one the network
  // takes, at most `period` smaller.
  const margin = padding === 'same' ? 8 * 2 ** levels - 6 : 2 * (3 * 2 ** levels - 2);
  const align = 2 ** (levels + 1);
  const period = 2 ** levels;
  const cover = align * Math.ceil(Math.max(height, width) / align);
  const tileSize = Math.min(LARGEST, 2 * margin + cover + period);
  const step = Math.max(align, Math.floor((tileSize - period - 2 * margin) / align) * align);
  return { tileSize, tiles: Math.ceil(height / step) * Math.ceil(width / step) };
}
