// The model's raw input from an image's RGBA bytes. The training feeds pixel / 255 of an 8-bit
// grey PNG, which a browser decodes to r = g = b: such an image gives exactly that. A colour
// image becomes its luma, with torchvision's rgb_to_grayscale weights.
export function greyInput(rgba, pixels) {
  const grey = new Float32Array(pixels);
  let isGrey = true;
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) {
      isGrey = false;
      break;
    }
  }
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    grey[p] = isGrey ? rgba[i] / 255 : (0.2989 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]) / 255;
  }
  return { grey, isGrey };
}
