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


def _training_pair(seed, size, out_size):
    image, labels = synth.sample(seed, size)
    return percentile_normalize(image), synth.center_crop(synth.classes(labels), out_size)


def training_images(seeds, size, out_size, processes=2):
    """Normalized float32 images (N, size, size) and their centre classes (N, out, out), made
    on every core (each image depends on its seed alone, so the result is the same)."""
    with Pool(processes) as pool:
        pairs = pool.starmap(_training_pair, [(seed, size, out_size) for seed in seeds])
    return np.stack([x for x, _ in pairs]), np.stack([y for _, y in pairs])


class TrainingPool:
    """A fixed set of generated images, served in random batches under the eight flips and
    quarter turns (the cells have no preferred orientation) and a small random gain and offset
    on the normalized values (a tile of a large image sees other percentiles than its image)."""

    def __init__(self, count, size, out_size, rng):
        self.x, self.y = training_images(range(TRAIN_SEED, TRAIN_SEED + count), size, out_size)
        self.rng = rng

    def batch(self, n):
        picks = self.rng.integers(0, len(self.x), n)
        xs, ys = [], []
        for i in picks:
            turns, flip = self.rng.integers(0, 4), self.rng.integers(0, 2)
            x, y = np.rot90(self.x[i], turns), np.rot90(self.y[i], turns)
            if flip:
                x, y = x[:, ::-1], y[:, ::-1]
            xs.append(x * self.rng.uniform(0.85, 1.15) + self.rng.uniform(-0.05, 0.05))
            ys.append(y)
        x = torch.from_numpy(np.ascontiguousarray(np.stack(xs), dtype=np.float32)).unsqueeze(1)
        return x, torch.from_numpy(np.ascontiguousarray(np.stack(ys))).long()
