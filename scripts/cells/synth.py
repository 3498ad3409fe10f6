"""Synthetic fluorescence-microscopy images of cells with their ground-truth masks, made from a
seed alone, so a training set, a held-out set and the shipped samples can all be regenerated.

Each image is a field of about 20 to 200 overlapping cells (60 typically, at 188 x 188):
ellipses with a wobbly outline, each with its own brightness, a radial falloff, a nucleus that is
brighter or darker than the cytoplasm and a granular texture. Out-of-focus blobs and small bright debris are
not cells and stay out of the mask. The optics then add uneven illumination, blur and noise
(optics.py). The mask is the union of the cells' outlines, sampled at pixel centres.

    image, mask = synth.sample(seed, size=188)   # uint8 (188, 188) and uint8 (188, 188) in {0, 1}
"""
import numpy as np

import optics


def _cell_radius(outline, angle):
    """The cell's outline as a radius factor per direction: 1 plus a few low harmonics."""
    return 1 + sum(a * np.cos(k * angle + phase) for k, a, phase in outline)


def _cell(rng, yy, xx, cy, cx, radius, texture):
    """Paints one cell over the pixel grid (yy, xx) of its bounding box; returns its light and
    its inside as a boolean map."""
    stretch = rng.uniform(1.0, 1.6)
    a, b = radius * stretch, radius / stretch
    theta = rng.uniform(0, np.pi)
    dy, dx = yy - cy, xx - cx
    u = (dx * np.cos(theta) + dy * np.sin(theta)) / a
    v = (-dx * np.sin(theta) + dy * np.cos(theta)) / b
    outline = [(k, rng.uniform(0, 0.09), rng.uniform(0, 2 * np.pi)) for k in (2, 3, 4, 5)]
    rho = np.hypot(u, v) / _cell_radius(outline, np.arctan2(v, u))
    inside = rho < 1

    brightness = rng.lognormal(0, 0.35)
    falloff = rng.uniform(0.0, 0.5)
    light = brightness * (1 - falloff * np.clip(rho, 0, 1) ** 2)
    if rng.random() < 0.7:  # a nucleus, off-centre, brighter or darker than the cytoplasm
        nu, nv = rng.uniform(-0.25, 0.25, size=2)
        size = rng.uniform(0.3, 0.55)
        nucleus = np.hypot(u - nu, v - nv) < size
        brighter, darker = rng.uniform(1.3, 1.8), rng.uniform(0.55, 0.8)
        light = np.where(nucleus, light * rng.choice([brighter, darker]), light)
    light = light * (1 + rng.uniform(0.1, 0.35) * texture)
    return np.where(inside, np.maximum(light, 0), 0.0), inside


def _blob(yy, xx, cy, cx, radius):
    return np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * radius**2))


def sample(seed, size=188):
    """The image (uint8, size x size) and the mask (uint8 0/1, same size) for one seed."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float64)
    light = np.zeros((size, size))
    mask = np.zeros((size, size), dtype=bool)
    texture = optics.smooth_noise(rng, size, rng.uniform(0.8, 2.0))

    # The cell size and the crowding vary from image to image; the count follows from both.
    mean_radius = rng.uniform(7, 13)
    coverage = rng.uniform(0.25, 0.9)
    count = int(coverage * size * size / (np.pi * mean_radius**2))
    for _ in range(count):
        radius = mean_radius * rng.uniform(0.7, 1.3)
        cy, cx = rng.uniform(-radius, size + radius, size=2)
        extent = int(np.ceil(radius * 1.6 * 1.5)) + 1
        y0, y1 = max(int(cy) - extent, 0), min(int(cy) + extent + 1, size)
        x0, x1 = max(int(cx) - extent, 0), min(int(cx) + extent + 1, size)
        if y0 >= y1 or x0 >= x1:
            continue
        box = (slice(y0, y1), slice(x0, x1))
        cell_light, inside = _cell(rng, yy[box], xx[box], cy, cx, radius, texture[box])
        light[box] += cell_light  # fluorescence adds up where cells overlap
        mask[box] |= inside

    # Out-of-focus cells in another plane: wide, dim, and not part of the mask.
    for _ in range(rng.integers(0, 6)):
        cy, cx = rng.uniform(0, size, size=2)
        light += rng.uniform(0.1, 0.35) * _blob(yy, xx, cy, cx, rng.uniform(6, 16))
    # Debris: tiny bright specks, also not cells.
    for _ in range(rng.integers(0, 12)):
        cy, cx = rng.uniform(0, size, size=2)
        light += rng.uniform(0.8, 2.5) * _blob(yy, xx, cy, cx, rng.uniform(0.6, 1.4))

    light = optics.gaussian_blur(light, rng.uniform(0.6, 1.5))
    background = rng.uniform(0.03, 0.25)
    light = (background + light) * optics.illumination(rng, size)
    return optics.camera(rng, light), mask.astype(np.uint8)


def center_crop(array, size):
    """The centre size x size window: the part of the input a valid-conv U-Net labels."""
    top = (array.shape[-2] - size) // 2
    left = (array.shape[-1] - size) // 2
    return array[..., top:top + size, left:left + size]
