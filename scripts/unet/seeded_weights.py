"""Deterministic weights for a seed U-Net that JavaScript can regenerate bit for bit
(js-tests/helpers/seeded_weights.js is the twin), so the 30 MB of the full-width net never
need to be committed: a 32-bit xorshift stream, mapped to float32 in the ranges of PyTorch's
kaiming-uniform initialisation (sqrt(6 / fan_in) for weights, 1 / sqrt(fan_in) for biases).

Every step is an IEEE double operation that Python and JavaScript round the same way."""
import math

import numpy as np


class Xorshift32:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF or 1

    def next_uint32(self):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x

    def uniform(self, bound):
        """A double in [-bound, bound)."""
        return (2 * (self.next_uint32() / 4294967296) - 1) * bound


def fan_in(key, shape):
    """Terms in each output sum: in_channels * kH * kW for a convolution; in_channels for the
    k=2, s=2 up-convolutions (keys up<i>), whose windows do not overlap."""
    if key.startswith("up"):
        return shape[0]
    return shape[1] * shape[2] * shape[3]


def seeded_tensors(layout, seed):
    """{key: float32 array} for a list of (key, shape) in state_dict order; a bias takes the
    fan-in of the weight before it."""
    rng = Xorshift32(seed)
    out = {}
    last_fan_in = 1
    for key, shape in layout:
        if key.endswith(".weight"):
            last_fan_in = fan_in(key, shape)
            bound = math.sqrt(6 / last_fan_in)
        else:
            bound = 1 / math.sqrt(last_fan_in)
        count = math.prod(shape)
        values = np.empty(count, dtype=np.float32)
        for i in range(count):
            values[i] = rng.uniform(bound)
        out[key] = values.reshape(shape)
    return out
