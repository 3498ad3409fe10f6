// FractionalMaxPool's windows drawn along each dimension: one bar per output position over the
// input positions it covers, so the uneven, overlapping steps that _random_samples picks show.
import { fractionalStarts } from './windows.js';

const NAMES = { 2: ['H', 'W'], 3: ['D', 'H', 'W'] };

/** Fills `container` for a fractional op (and empties it for any other); `dims` per dimension. */
export function drawIntervals(container, op, dims) {
  container.replaceChildren();
  container.hidden = !op.fractional;
  if (!op.fractional) return;
  dims.forEach(({ size, kernel, outputSize, sample }, i) => {
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = `${NAMES[op.dims][i]}: ${outputSize} windows of ${kernel} over ${size} inputs (u = ${sample})`;
    const list = document.createElement('ol');
    list.className = 'intervals';
    list.style.setProperty('--size', String(size));
    let starts = [];
    // Settings PyTorch rejects have no windows; the error above says why.
    const fits = kernel <= size && outputSize >= 1 && outputSize + kernel - 1 <= size;
    if (fits) starts = fractionalStarts(size, kernel, outputSize, sample);
    starts.forEach((start, o) => {
      const bar = document.createElement('li');
      bar.style.gridColumn = `${start + 1} / span ${kernel}`;
      bar.style.gridRow = String(o + 1); // one row per window: overlaps stay visible
      bar.textContent = kernel > 1 ? `${start}–${start + kernel - 1}` : String(start);
      list.append(bar);
    });
    figure.append(caption, list);
    container.append(figure);
  });
}
