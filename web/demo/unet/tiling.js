// The U-Net paper's overlap-tile input: a valid-convolution UNet loses 44 pixels on each side
// (three levels), and only takes sizes S with S % 8 == 4. To get a mask for the whole image, the
// image is mirror-padded by 44 on each side, plus whatever reaches the next valid size; the
// output is then cropped back to the image.
export const LOST_PER_SIDE = 44;

/** The smallest valid output size >= n: outputs share the inputs' rule (S - 88 keeps S % 8). */
export function validOutputSize(n) {
  return n + ((4 - (n % 8) + 8) % 8);
}

const mirror = (i, n) => {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const m = ((i % period) + period) % period;
  return m < n ? m : period - m;
};

/** {input, size: [S_h, S_w], output: [O_h, O_w]} for a grey image (Float32Array, h x w). */
export function overlapTile(pixels, height, width) {
  const output = [validOutputSize(height), validOutputSize(width)];
  const size = output.map((o) => o + 2 * LOST_PER_SIDE);
  const input = new Float32Array(size[0] * size[1]);
  for (let y = 0; y < size[0]; y++) {
    const sy = mirror(y - LOST_PER_SIDE, height);
    for (let x = 0; x < size[1]; x++) input[y * size[1] + x] = pixels[sy * width + mirror(x - LOST_PER_SIDE, width)];
  }
  return { input, size, output };
}
