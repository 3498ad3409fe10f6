// The U-Net paper's overlap-tile strategy, placed so that tiling never changes a bit.
//
// Picture the image mirrored on every side into a plane P (image pixel i at P's i + margin).
// One pass over P would give output pixel i from P's window starting at i. A tile is a valid
// input cut from P at origin a; it gives the outputs a .. a + T - 2 * margin - 1. Each level's
// pooling pairs and each 2x2 Winograd block fall where they fall in that one pass when a is a
// multiple of 2^(levels + 1): every feature map is then shifted by an even number of pixels.
// So every tile computes exactly the one pass's numbers, whatever the tile size.

/** Mirror index: PyTorch's 'reflect' (no repeated edge), repeated for images smaller than it. */
export function reflect(i, n) {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const k = ((i % period) + period) % period;
  return k < n ? k : period - k;
}

/**
 * Where the tiles go. `tiling`: the network's {smallest, period, shrink} (wasm's unetTiling):
 * valid input sizes are smallest + k * period, and a pass takes `shrink` off each side (0 with
 * 'same' padding, whose convolutions pad with zeros instead: there `margin` is what a tile's
 * outputs need around them to see no zero). Returns {tile, margin, step, origins(extent)}.
 */
export function planTiles({ smallest, period, shrink }, samePadding, levels, wanted) {
  const align = 2 ** (levels + 1);
  // 'same': the receptive field's reach, bounded: each 3x3 convolution at level l reaches 2^l
  // pixels (two per block, on the way down and up, two at the bottom), and each 2x2 pooling or
  // up-convolution between levels l and l + 1 up to 2^l more.
  const margin = samePadding ? 8 * 2 ** levels - 6 : shrink;
  const step = (size) => Math.floor((size - 2 * margin) / align) * align;
  const smallestTile = (() => {
    let size = smallest;
    while (step(size) < align) size += period;
    return size;
  })();
  const tile = Math.max(smallestTile, smallest + Math.floor((wanted - smallest) / period) * period);
  const tileStep = step(tile);
  return {
    tile,
    margin,
    step: tileStep,
    // The origins in P (of the outputs they give, in image pixels) along an extent.
    origins: (extent) => Array.from({ length: Math.ceil(extent / tileStep) }, (_, k) => k * tileStep),
  };
}
