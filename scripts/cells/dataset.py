"""The generated cells as PyTorch tensors for a valid-conv U-Net: an input of S x S pixels and
the mask of its centre (S - margin) x (S - margin), which is all the net labels."""
import numpy as np
import torch

import synth

# Disjoint seed ranges, so no held-out image is ever trained on.
TRAIN_SEED = 1_000_000
HELD_OUT_SEED = 2_000_000


def images(seeds, size, out_size):
    """uint8 images (N, size, size) and their centre masks (N, out_size, out_size)."""
    pairs = [synth.sample(seed, size) for seed in seeds]
    x = np.stack([image for image, _ in pairs])
    y = np.stack([synth.center_crop(mask, out_size) for _, mask in pairs])
    return x, y


def as_input(x):
    """uint8 pixels to the net's input, (N, 1, S, S) float32 in [0, 1]: what a page computes
    from a PNG as pixel / 255."""
    return torch.from_numpy(np.ascontiguousarray(x)).float().unsqueeze(1) / 255


class TrainingPool:
    """A fixed set of generated images, served in random batches under the eight flips and
    quarter turns (the cells have no preferred orientation)."""

    def __init__(self, count, size, out_size, rng):
        self.x, self.y = images(range(TRAIN_SEED, TRAIN_SEED + count), size, out_size)
        self.rng = rng

    def batch(self, n):
        picks = self.rng.integers(0, len(self.x), n)
        xs, ys = [], []
        for i in picks:
            turns, flip = self.rng.integers(0, 4), self.rng.integers(0, 2)
            x, y = np.rot90(self.x[i], turns), np.rot90(self.y[i], turns)
            if flip:
                x, y = x[:, ::-1], y[:, ::-1]
            xs.append(x)
            ys.append(y)
        return as_input(np.stack(xs)), torch.from_numpy(np.ascontiguousarray(np.stack(ys))).long()
