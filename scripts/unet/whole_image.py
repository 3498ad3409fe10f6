"""A valid-conv U-Net over a whole image in PyTorch, as poolkit's UNet.segment does it: the
image normalized once, mirrored at its borders ('reflect') by the net's margin, one pass, and
the logits of exactly the image's pixels. Used to evaluate and to make the fixtures."""
import numpy as np
import torch
import torch.nn.functional as F

from normalize import percentile_normalize

MARGIN = 44  # a three-level valid U-Net takes 44 pixels off each side


def valid_size(size):
    """The smallest input a three-level valid U-Net takes (S % 8 == 4) that covers size + 88."""
    s = size + 2 * MARGIN
    return s + (4 - s) % 8


def logits(net, image):
    """float32 logits (classes, H, W) for a raw (H, W) image in [0, 1]."""
    h, w = image.shape
    x = torch.from_numpy(percentile_normalize(image))[None, None]
    rows, cols = valid_size(h), valid_size(w)
    x = F.pad(x, (MARGIN, cols - w - MARGIN, MARGIN, rows - h - MARGIN), mode="reflect")
    with torch.no_grad():
        out = net(x)[0]
    return np.ascontiguousarray(out[:, :h, :w].numpy())
