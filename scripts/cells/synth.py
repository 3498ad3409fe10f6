"""Synthetic fluorescence-microscopy images of cells with their instance labels, made from a
seed alone, so a training set, a held-out set and the shipped samples can all be regenerated.

Domain randomization: every image draws its own cell size (3 to 22 px radius), crowding (a few
sparse cells to a confluent sheet), shape (round to elongated, smooth to wobbly outlines),
brightness spread, nuclei, texture (smooth to granular), out-of-focus light and debris (not
cells), background level (dark to brighter than the cells' own signal) and gradient, blur, and
a camera (optics.py). The labels are instances: where cells overlap, a pixel belongs to the
cell it is deepest inside, so touching cells keep a shared border.

    image, labels = synth.sample(seed, size=256)   # float32 (256, 256) in [0, 1], int32 ids
    classes = synth.classes(labels)                 # 0 background, 1 cell, 2 cell boundary
"""
import numpy as np

import optics

BACKGROUND, CELL, BOUNDARY = 0, 1, 2


def _cell_radius(outline, angle):
    """The cell's outline as a radius factor per direction: 1 plus a few low harmonics."""
    return 1 + sum(a * np.cos(k * angle + phase) for k, a, phase in outline)


def _cell(rng, yy, xx, cy, cx, radius, scene):
    """One cell over the pixel grid (yy, xx) of its bounding box: its light, and rho (< 1
    inside), its normalized depth, which decides who owns an overlap."""
    stretch = rng.uniform(1.0, scene["max_stretch"])
    a, b = radius * stretch, max(radius / stretch, 3.0)
    theta = rng.uniform(0, np.pi)
    dy, dx = yy - cy, xx - cx
    u = (dx * np.cos(theta) + dy * np.sin(theta)) / a
    v = (-dx * np.sin(theta) + dy * np.cos(theta)) / b
    wobble = scene["wobble"]
    outline = [(k, rng.uniform(0, wobble), rng.uniform(0, 2 * np.pi)) for k in (2, 3, 4, 5, 7)]
    rho = np.hypot(u, v) / _cell_radius(outline, np.arctan2(v, u))

    brightness = rng.lognormal(0, scene["brightness_spread"])
    falloff = rng.uniform(0.0, 0.6)
    light = brightness * (1 - falloff * np.clip(rho, 0, 1) ** 2)
    if rng.random() < scene["nucleus_chance"]:  # off-centre, brighter or darker
        nu, nv = rng.uniform(-0.25, 0.25, size=2)
        nucleus = np.hypot(u - nu, v - nv) < rng.uniform(0.3, 0.55)
        light = np.where(nucleus, light * rng.choice([rng.uniform(1.3, 1.8), rng.uniform(0.5, 0.8)]), light)
    light = light * np.maximum(1 + scene["texture_amount"] * scene["texture"][yy.astype(int), xx.astype(int)], 0.1)
    return np.where(rho < 1, light, 0.0), rho


def _blob(yy, xx, cy, cx, radius):
    return np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * radius**2))


def _scene(rng, size):
    """The per-image knobs of the cells' world."""
    return {
        "mean_radius": optics.log_uniform(rng, 3.5, 20),
        "coverage": optics.log_uniform(rng, 0.02, 3.0),
        "max_stretch": rng.uniform(1.0, 2.0),
        "wobble": rng.uniform(0, 0.14),
        "brightness_spread": rng.uniform(0.05, 0.6),
        "nucleus_chance": rng.uniform(0, 1),
        "texture": optics.smooth_noise(rng, size, rng.uniform(0.5, 3.0)),
        "texture_amount": rng.uniform(0, 0.6),
    }


def sample(seed, size=256):
    """The image (float32, size x size, raw values in [0, 1]) and the instance labels (int32,
    0 background, 1..n) for one seed."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float64)
    scene = _scene(rng, size)
    light = np.zeros((size, size))
    labels = np.zeros((size, size), dtype=np.int32)
    depth = np.full((size, size), np.inf)

    count = int(scene["coverage"] * size * size / (np.pi * scene["mean_radius"] ** 2))
    for n in range(1, count + 1):
        radius = scene["mean_radius"] * rng.uniform(0.7, 1.3)
        cy, cx = rng.uniform(-radius, size + radius, size=2)
        extent = int(np.ceil(radius * 2.0 * 1.6)) + 1
        y0, y1 = max(int(cy) - extent, 0), min(int(cy) + extent + 1, size)
        x0, x1 = max(int(cx) - extent, 0), min(int(cx) + extent + 1, size)
        if y0 >= y1 or x0 >= x1:
            continue
        box = (slice(y0, y1), slice(x0, x1))
        cell_light, rho = _cell(rng, yy[box], xx[box], cy, cx, radius, scene)
        light[box] += cell_light  # fluorescence adds up where cells overlap
        owns = (rho < 1) & (rho < depth[box])
        labels[box] = np.where(owns, n, labels[box])
        depth[box] = np.where(owns, rho, depth[box])

    # Out-of-focus cells in another plane: wide, without an edge, and not part of the labels;
    # from faint to brighter than the cells in focus (a model that learnt "bright means cell"
    # takes such haze for cells, as the first models did).
    for _ in range(rng.integers(0, 8)):
        cy, cx = rng.uniform(0, size, size=2)
        light += optics.log_uniform(rng, 0.05, 1.5) * _blob(yy, xx, cy, cx, rng.uniform(6, 30))
    # Debris: tiny bright specks, also not cells.
    for _ in range(rng.integers(0, 20)):
        cy, cx = rng.uniform(0, size, size=2)
        light += rng.uniform(0.5, 3.0) * _blob(yy, xx, cy, cx, rng.uniform(0.5, 1.5))

    light = optics.gaussian_blur(light, rng.uniform(0.3, 2.5))
    # The background: from black to several times the cells' own signal (cells then barely
    # stand out: a lit background), with its own additive gradient.
    background = optics.log_uniform(rng, 0.005, 4.0)
    gradient = 1 + rng.uniform(-0.5, 0.5) * (yy / size - 0.5) + rng.uniform(-0.5, 0.5) * (xx / size - 0.5)
    light = (background * gradient + light) * optics.illumination(rng, size)
    image = optics.camera(rng, light).astype(np.float32)
    return image, _renumber(labels)


def _renumber(labels):
    """Ids 1..n for the cells that show (some were hidden under others or off the image)."""
    ids, inverse = np.unique(labels, return_inverse=True)
    inverse = inverse.reshape(labels.shape).astype(np.int32)
    return inverse if ids[0] == 0 else inverse + 1


def classes(labels):
    """The three training classes: a cell pixel with a 4-neighbour of another id (another
    cell or the background) is its boundary, the rest its inside. Touching cells are then
    two pixels apart in class 1, so their insides are separate components."""
    padded = np.pad(labels, 1, mode="edge")
    centre = padded[1:-1, 1:-1]
    edge = np.zeros(labels.shape, dtype=bool)
    for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        edge |= padded[1 + dy:padded.shape[0] - 1 + dy, 1 + dx:padded.shape[1] - 1 + dx] != centre
    out = np.where(labels > 0, CELL, BACKGROUND).astype(np.uint8)
    out[(labels > 0) & edge] = BOUNDARY
    return out


def center_crop(array, size):
    """The centre size x size window: the part of the input a valid-conv U-Net labels."""
    top = (array.shape[-2] - size) // 2
    left = (array.shape[-1] - size) // 2
    return array[..., top:top + size, left:left + size]
