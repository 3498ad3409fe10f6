// The training export's description of the model and its samples (web/public/samples/
// cells.json), read into what the page needs. The export writes {model, classes, minArea,
// samples: [{name, image, truth, count, generator, description}]}; older exports had neither
// classes, minArea, names nor counts, and their truth was the image's centre only.

const GENERATORS = { training: 'the training generator', independent: 'an independent generator' };

/** {weightsUrl, weightsName, classes, minArea, samples: [{name, image, truth, count, description}]} */
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
      description: [s.description, GENERATORS[s.generator] && `Made by ${GENERATORS[s.generator]}.`].filter(Boolean).join(' '),
    })),
  };
}

/** A class's name for the legends: the manifest's, else the training script's convention. */
export function className(classes, c, count) {
  const name = classes?.[c] ?? ['background', 'cell', 'boundary'][c] ?? `class ${c}`;
  return count === 2 && c === 1 && !classes ? 'cell' : name;
}
