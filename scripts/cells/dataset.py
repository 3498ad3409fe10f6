"""The generated cells as PyTorch tensors for a valid-conv U-Net: an input of S x S pixels,
normalized as the model's preprocessing does (over the whole generated image), and the classes
of its centre (S - margin) x (S - margin), which is all the net labels."""
from multiprocessing import Pool

import numpy as np
import torch

import synth
from normalize import percentile_normalize

# Disjoint seed ranges, so no held-out image is ever trained on.
TRAIN_SEED = 1_000_000
HELD_OUT_SEED = 2_000_000


def _training_pair(seed, size):
    image, labels = synth.sample(seed, size)
    return percentile_normalize(image), synth.classes(labels)


def training_images(seeds, size, processes=2):
    """Normalized float32 images (N, size, size) and their classes (N, size, size), made on
    every core (each image depends on its seed alone, so the result is the same)."""
    with Pool(processes) as pool:
        pairs = pool.starmap(_training_pair, [(seed, size) for seed in seeds])
    return np.stack([x for x, _ in pairs]), np.stack([y for _, y in pairs])


def mirror_border(array, cuts):
    """array with cuts = (top, bottom, left, right) pixels of each side replaced by the mirror
    of what lies inside them, as numpy.pad(mode='reflect') pads an image's border: what
    UNet.segment feeds the net at an image's edge."""
    top, bottom, left, right = cuts
    h, w = array.shape
    inner = array[top:h - bottom, left:w - right]
    return np.pad(inner, ((top, bottom), (left, right)), mode="reflect")


class TrainingPool:
    """A fixed set of generated images, served in random batches under the eight flips and
    quarter turns (the cells have no preferred orientation) and a small random gain and offset
    on the normalized values (a tile of a large image sees other percentiles than its image).

    With border_mirror > 0, each side of a tile is, with that probability, cut at a random
    depth up to the net's margin and mirrored back, image and classes alike: segment mirrors
    every image's border, and a net that never saw a mirror took its seams on noisy, lit
    backgrounds for cells."""

    def __init__(self, count, size, out_size, rng, border_mirror=0.0):
        self.x, self.y = training_images(range(TRAIN_SEED, TRAIN_SEED + count), size)
        self.out_size = out_size
        self.margin = (size - out_size) // 2
        self.rng = rng
        self.border_mirror = border_mirror

    def _mirror(self, x, y):
        mirrored = self.rng.random(4) < self.border_mirror
        cuts = np.where(mirrored, self.rng.integers(1, self.margin + 1, 4), 0)
        return mirror_border(x, cuts), mirror_border(y, cuts)

    def batch(self, n):
        picks = self.rng.integers(0, len(self.x), n)
        xs, ys = [], []
        for i in picks:
            turns, flip = self.rng.integers(0, 4), self.rng.integers(0, 2)
            x, y = np.rot90(self.x[i], turns), np.rot90(self.y[i], turns)
            if flip:
                x, y = x[:, ::-1], y[:, ::-1]
            if self.border_mirror > 0:
                x, y = self._mirror(x, y)
            xs.append(x * self.rng.uniform(0.85, 1.15) + self.rng.uniform(-0.05, 0.05))
            ys.append(synth.center_crop(y, self.out_size))
        x = torch.from_numpy(np.ascontiguousarray(np.stack(xs), dtype=np.float32)).unsqueeze(1)
        return x, torch.from_numpy(np.ascontiguousarray(np.stack(ys))).long()
