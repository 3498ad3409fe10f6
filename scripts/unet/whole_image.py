"""A valid-conv U-Net over a whole image in PyTorch, as poolkit's UNet.segment does it: the
image normalized once, mirrored at its borders ('reflect') by the net's margin, one pass, and
the logits of exactly the image's pixels. Used to evaluate and to make the fixtures."""
import numpy as np
import torch

from normalize import percentile_normalize

MARGIN = 44  # a three-level valid U-Net takes 44 pixels off each side


def valid_size(size):
    """The smallest input a three-level valid U-Net takes (S % 8 == 4) that covers size + 88."""
    s = size + 2 * MARGIN
    return s + (4 - s) % 8


def logits(net, image, preprocess=True):
    """float32 logits (classes, H, W) for a raw (H, W) image in [0, 1]; preprocess=False for a
    model whose file names no preprocessing (segment then feeds the pixels as they are)."""
    h, w = image.shape
    x = percentile_normalize(image) if preprocess else np.asarray(image, dtype=np.float32)
    rows, cols = valid_size(h), valid_size(w)
    # numpy reflects again and again for pads wider than the image, as segment does; torch's
    # 'reflect' refuses them.
    x = np.pad(x, ((MARGIN, rows - h - MARGIN), (MARGIN, cols - w - MARGIN)), mode="reflect")
    x = torch.from_numpy(x)[None, None]
    with torch.no_grad():
        out = net(x)[0]
    return np.ascontiguousarray(out[:, :h, :w].numpy())
