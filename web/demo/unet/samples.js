// The training export's description of the model and its samples (web/public/samples/
// cells.json), read into what the page needs. The export writes {model, classes, minArea,
// samples: [{name, image, truth, count, generator, description, pytorch: {iou, count}}]}; older
// exports had neither classes, minArea, names nor counts, and their truth was the image's centre
// only.

const GENERATORS = { training: 'the training generator', independent: 'an independent generator' };

// A sentence, and which generator made the image unless it already says.
function describe({ description = '', generator }) {
  const text = description.trim();
  const sentence = text && `${text[0].toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
  const made = GENERATORS[generator] && !/generator/i.test(text) ? `Made by ${GENERATORS[generator]}.` : '';
  return [sentence, made].filter(Boolean).join(' ');
}

const isReference = (r) => r && Number.isFinite(r.iou) && Number.isInteger(r.count);

/** {weightsUrl, weightsName, classes, minArea, samples: [{name, image, truth, count, description, pytorch}]} */
export function readManifest(manifest, base) {
  const url = (path) => new URL(path, base).href;
  return {
    weightsUrl: url(manifest.model),
    weightsName: manifest.model.split('/').pop(),
    classes: Array.isArray(manifest.classes) ? manifest.classes : null,
    minArea: Number.isInteger(manifest.minArea) ? manifest.minArea : 0,
    samples: manifest.samples.map((s, i) => ({
      name: s.name ?? `cells ${i + 1}`,
      image: url(s.image),
      truth: s.truth ? url(s.truth) : null,
      count: Number.isInteger(s.count) ? s.count : null,
      description: describe(s),
      // What PyTorch found on the same image, when the export says.
      pytorch: isReference(s.pytorch) ? { iou: s.pytorch.iou, count: s.pytorch.count } : null,
    })),
  };
}

/** A class's name for the legends: the manifest's, else the training script's convention. */
export function className(classes, c, count) {
  const name = classes?.[c] ?? ['background', 'cell', 'boundary'][c] ?? `class ${c}`;
  return count === 2 && c === 1 && !classes ? 'cell' : name;
}
