"""A second, independent generator of synthetic fluorescence-microscopy cells.

It exists for held-out evaluation of the cell-segmentation U-Net: it was
written apart from scripts/cells/synth.py (without reading it), with its own
shape model and its own image formation, so that a model trained on synth.py's
images is measured on images whose quirks it cannot have learned.

What one sample draws:

- Cell centres from a Poisson-disk sampler (a grid-parallel dart thrower),
  thinned to a requested count, or packed to jamming for confluent layers.
- Each cell is a star-convex shape: random radii at 5-12 control angles,
  joined by a periodic Catmull-Rom spline, optionally stretched into a
  spindle by a |cos|^3 term. No ellipses and no Fourier harmonics.
- Overlap is resolved in the shapes' own metric: a pixel centre at distance
  rho from a cell's centre, in the direction where that cell's radius is
  r(theta), has depth rho - r(theta); it is inside the cell when depth <= 0
  and belongs to the cell it lies deepest inside, the smallest depth (an
  additively weighted, star-shaped Voronoi diagram, whose border between two
  overlapping cells runs through the middle of their overlap). Touching cells
  therefore share a real border and keep their ids. A rough cell overlapping
  deeply can still reappear as a sliver beyond a neighbour; slivers go to the
  runner-up cell there, else to background, so every instance is one
  4-connected piece.
- Confluent layers pack cells to jamming with radii larger than half the
  spacing, then drop the cells whose centres fall in a few smooth gaps.
- Intensity: per-cell brightness, a radial profile (dome, bright rim or dim
  centre), and for textured cells a band-limited multiplicative texture plus
  bright granules. Unlabelled debris (small bright specks) and out-of-focus
  blobs are added. Background level, gain, a mild illumination gradient with
  vignetting, a Gaussian PSF (sigma 0.5-2 px), Poisson shot noise and Gaussian
  read noise vary per image.
- The image is clipped to [0, 1] and never rescaled: raw values, so the
  background level and a dim cell's peak show in the numbers.

Conditions (counts per 256 x 256; they scale with area):

- sparse_lit: 3-15 cells on a lit background of 0.25-0.5, cells 1.3-2x it.
- sparse_dark: 3-15 cells, background 0-0.08, brightest cell 0.15-1.
- moderate: 20-60 cells (10-45 % coverage), some touching; background 0-0.3.
- confluent: jammed layer, coverage about 0.85-0.98 (some images have a few
  smooth gaps), every cell touching its neighbours; background 0-0.25.
- textured: 15-50 cells, 80-100 % of them granular; background 0-0.3.
- dim_noisy: 8-40 cells peaking at 0.1-0.3 over a 0-0.08 background, with
  few photons (strong shot noise) and strong read noise.

API: CONDITIONS and sample(seed, size=256, condition=None) -> (image, labels);
image float32 in [0, 1], labels int32 with 0 background and 1..n one id per
cell. Everything is a deterministic function of (seed, size, condition); seed
must be >= 0.

Run as a script it prints, per condition and seed 0..11, the coverage, cell
count, background median and image maximum.
"""

import math
import time
from dataclasses import dataclass

import numpy as np

CONDITIONS = ("sparse_lit", "sparse_dark", "moderate", "confluent", "textured", "dim_noisy")

# Cell counts below are for a 256 x 256 field and scale with area, so a
# 1024 x 1024 sample has the same density rather than the same count.
REFERENCE_AREA = 256 * 256
ANGLE_BINS = 256
# Half-width, in px, of the anti-aliased edge drawn in the image; the labels
# themselves are sampled hard at pixel centres.
EDGE_SOFTNESS = 0.75


@dataclass
class Scene:
    """Per-image parameters drawn from the condition."""

    cell_count: tuple  # (low, high) per 256 x 256, or None when packed
    spacing: float  # least distance between centres, in mean radii
    mean_radius: float
    background: float  # mean background level before illumination
    peak: float  # brightest cell's value (background + signal)
    textured_fraction: float
    profile: str  # "dome", "rim" or "hollow"
    psf_sigma: float
    photons: float  # photon count that a value of 1.0 would collect
    read_noise: float
    debris_per_ref: float
    blobs_per_ref: float


# --------------------------------------------------------------------------
# Scene parameters per condition


def _draw_scene(rng, condition):
    """Per-image parameters. A peak up to 1.05 lets a few images saturate."""
    uniform = rng.uniform
    profile = rng.choice(["dome", "dome", "rim", "hollow"])
    common = dict(
        mean_radius=uniform(6.0, 15.0),
        textured_fraction=float(rng.choice([0.0, uniform(0.0, 0.5)])),
        profile=str(profile),
        psf_sigma=uniform(0.5, 2.0),
        photons=math.exp(uniform(math.log(80.0), math.log(3000.0))),
        read_noise=uniform(0.002, 0.025),
        debris_per_ref=uniform(0.0, 8.0),
        blobs_per_ref=uniform(0.0, 3.0),
    )
    if condition == "sparse_lit":
        background = uniform(0.25, 0.5)
        return Scene(cell_count=(3, 15), spacing=2.6, background=background,
                     peak=background * uniform(1.3, 2.0), **common)
    if condition == "sparse_dark":
        return Scene(cell_count=(3, 15), spacing=2.6, background=uniform(0.0, 0.08),
                     peak=uniform(0.15, 1.05), **common)
    if condition == "moderate":
        background = uniform(0.0, 0.3)
        return Scene(cell_count=(20, 60), spacing=1.8, background=background,
                     peak=min(1.05, background + uniform(0.1, 0.75)), **common)
    if condition == "confluent":
        background = uniform(0.0, 0.25)
        common["mean_radius"] = uniform(7.0, 15.0)
        return Scene(cell_count=None, spacing=1.55, background=background,
                     peak=min(1.05, background + uniform(0.1, 0.75)), **common)
    if condition == "textured":
        background = uniform(0.0, 0.3)
        common["textured_fraction"] = uniform(0.8, 1.0)
        return Scene(cell_count=(15, 50), spacing=1.8, background=background,
                     peak=min(1.05, background + uniform(0.15, 0.75)), **common)
    if condition == "dim_noisy":
        common["photons"] = uniform(40.0, 200.0)
        common["read_noise"] = uniform(0.01, 0.04)
        return Scene(cell_count=(8, 40), spacing=1.8, background=uniform(0.0, 0.08),
                     peak=uniform(0.1, 0.3), **common)
    raise ValueError(f"unknown condition {condition!r}; expected one of {CONDITIONS}")


# --------------------------------------------------------------------------
# Cell placement


def _poisson_disk(rng, extent, min_dist, rounds=24):
    """Points in [0, extent)^2 at least min_dist apart, near jamming.

    Grid-parallel dart throwing: each round proposes one point in every empty
    grid cell and accepts those that clash with neither an accepted point nor
    a higher-priority proposal. Vectorised per round, so a 1024 px confluent
    field costs a fraction of a second instead of a Python loop per point.
    """
    cell = min_dist / math.sqrt(2.0)  # at most one point per grid cell
    n = int(math.ceil(extent / cell))
    points = np.full((n + 4, n + 4, 2), np.nan)  # 2-cell border spares bounds checks
    inner = (slice(2, n + 2), slice(2, n + 2))
    offsets = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3) if (dy, dx) != (0, 0)]
    min_dist2 = min_dist * min_dist
    for _ in range(rounds):
        empty = np.isnan(points[inner][..., 0])
        if not empty.any():
            break
        grid_y, grid_x = np.mgrid[0:n, 0:n]
        proposal = np.stack([grid_y, grid_x], axis=-1) + rng.random((n, n, 2))
        proposal *= cell
        alive = empty & (proposal[..., 0] < extent) & (proposal[..., 1] < extent)
        proposed = np.full_like(points, np.nan)
        proposed[inner][alive] = proposal[alive]
        priority = np.full(points.shape[:2], -1.0)
        priority[inner][alive] = rng.random(int(alive.sum()))
        for dy, dx in offsets:
            shifted = (slice(2 + dy, n + 2 + dy), slice(2 + dx, n + 2 + dx))
            gap_old = _squared_gap(points[shifted], proposal)
            gap_new = _squared_gap(proposed[shifted], proposal)
            alive &= ~(gap_old < min_dist2)
            alive &= ~((gap_new < min_dist2) & (priority[shifted] > priority[inner]))
        points[inner][alive] = proposal[alive]
    flat = points[inner].reshape(-1, 2)
    return flat[~np.isnan(flat[:, 0])]


def _squared_gap(a, b):
    return (a[..., 0] - b[..., 0]) ** 2 + (a[..., 1] - b[..., 1]) ** 2


def _scattered_centres(rng, size, scene):
    """Centres for non-confluent scenes, thinned to a count drawn per image."""
    low, high = scene.cell_count
    area_scale = size * size / REFERENCE_AREA
    wanted = int(round(rng.uniform(low, high) * area_scale))
    # Keep the coverage of "moderate" sane when the radius is large: the count
    # range is a density, not a promise to overfill the field.
    max_by_coverage = int(0.45 * size * size / (math.pi * scene.mean_radius ** 2))
    wanted = max(1, min(wanted, max(int(low * area_scale), max_by_coverage)))
    # A spacing of 2.6 mean radii keeps sparse cells apart but for the rare
    # pair of large ones; 1.8 lets denser scenes form touching clusters.
    margin = -0.3 * scene.mean_radius  # a few cells cut by the border
    candidates = _poisson_disk(rng, size - 2 * margin, scene.spacing * scene.mean_radius) + margin
    rng.shuffle(candidates)
    return candidates[:wanted]


def _smooth_noise(rng, shape, sigma):
    """Zero-mean, unit-std Gaussian random field (periodic, which noise may be)."""
    field = _fft_blur(rng.standard_normal(shape), sigma)
    return (field - field.mean()) / (field.std() + 1e-12)


def _confluent_centres(rng, size, scene):
    """A jammed packing with a few smooth cell-free gaps, as in a near-full dish."""
    margin = scene.mean_radius  # cells centred outside still fill the border
    centres = _poisson_disk(rng, size + 2 * margin, scene.spacing * scene.mean_radius) - margin
    gap_fraction = rng.choice([0.0, rng.uniform(0.03, 0.15)])
    if gap_fraction > 0:
        field = _smooth_noise(rng, (size, size), sigma=rng.uniform(0.08, 0.2) * size)
        threshold = np.quantile(field, gap_fraction)
        iy = np.clip(centres[:, 0].astype(int), 0, size - 1)
        ix = np.clip(centres[:, 1].astype(int), 0, size - 1)
        centres = centres[field[iy, ix] >= threshold]
    return centres


# --------------------------------------------------------------------------
# Shapes


def _periodic_catmull_rom(control, samples):
    """Resample closed rows of control values (cells x k) to `samples` columns."""
    k = control.shape[1]
    t = np.arange(samples) * (k / samples)
    i = np.floor(t).astype(int)
    f = t - i
    p0, p1, p2, p3 = (control[:, (i + d) % k] for d in (-1, 0, 1, 2))
    return 0.5 * (2 * p1 + (p2 - p0) * f + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f ** 2
                  + (3 * p1 - p0 - 3 * p2 + p3) * f ** 3)


def _radius_tables(rng, radii):
    """r(theta) at ANGLE_BINS angles for each star-convex cell, as (cells, bins)."""
    count = len(radii)
    tables = np.empty((count, ANGLE_BINS))
    n_control = rng.integers(5, 13, count)
    roughness = rng.uniform(0.04, 0.2, count)
    # Batched per control count: a Python loop per cell dominated 1024 px fields.
    for k in np.unique(n_control):
        rows = np.flatnonzero(n_control == k)
        control = np.exp(roughness[rows, None] * rng.standard_normal((rows.size, k)))
        tables[rows] = _periodic_catmull_rom(control, ANGLE_BINS)
    tables *= radii[:, None]
    theta = np.linspace(-math.pi, math.pi, ANGLE_BINS, endpoint=False)
    spindle = rng.random(count) < 0.3
    # Spindle-like cells: pointed along one axis rather than oval.
    axis = rng.uniform(0, math.pi, count)[:, None]
    stretch = 1.0 + rng.uniform(0.2, 0.7, count)[:, None] * np.abs(np.cos(theta - axis)) ** 3
    stretch /= np.sqrt(np.mean(stretch ** 2, axis=1, keepdims=True))  # keep area
    tables = np.where(spindle[:, None], tables * stretch, tables)
    # Orientation: the control points start at a random angle.
    shifts = rng.integers(ANGLE_BINS, size=count)
    columns = (np.arange(ANGLE_BINS)[None, :] - shifts[:, None]) % ANGLE_BINS
    tables = np.take_along_axis(tables, columns, axis=1)
    return np.maximum(tables, 0.35 * radii[:, None])


def _cell_radii(rng, count, scene, confluent):
    spread = 0.12 if confluent else 0.22
    radii = scene.mean_radius * np.exp(spread * rng.standard_normal(count))
    radii = np.clip(radii, 5.0, 20.0)
    if confluent:
        # Reach past half the spacing so neighbours meet; the depth rule splits them.
        radii = radii * 1.45
    return radii


# --------------------------------------------------------------------------
# Rasterising shapes to labels


@dataclass
class Ownership:
    """Per-pixel winner and runner-up of the depth rule.

    owner holds a cell's index + 1 (0: no cell within reach), depth its signed
    distance to that cell's boundary along the cell's ray (negative inside)
    and radius that cell's r(theta) there, which the soft edges and the
    radial profile need.
    """

    owner: np.ndarray
    depth: np.ndarray
    radius: np.ndarray
    second_owner: np.ndarray
    second_depth: np.ndarray
    second_radius: np.ndarray


def _rasterise(centres, tables, size):
    """The depth rule, depth = rho - r(theta), over every cell.

    A pixel centre belongs to the cell it lies deepest inside (an additively
    weighted, star-shaped Voronoi diagram): the border between two overlapping
    cells runs through the middle of their overlap. The runner-up is kept so
    that stray pieces can be handed to it later (see _repair_fragments).
    """
    shape = (size, size)
    own = Ownership(np.zeros(shape, np.int32), np.full(shape, np.inf), np.ones(shape),
                    np.zeros(shape, np.int32), np.full(shape, np.inf), np.ones(shape))
    pad = 2.0  # the soft edge reaches this far outside a shape
    bin_scale = ANGLE_BINS / (2 * math.pi)
    for index, ((cy, cx), table) in enumerate(zip(centres, tables)):
        reach = table.max() + pad
        y0, y1 = max(0, int(cy - reach)), min(size, int(cy + reach) + 2)
        x0, x1 = max(0, int(cx - reach)), min(size, int(cx + reach) + 2)
        if y0 >= y1 or x0 >= x1:
            continue
        dy = (np.arange(y0, y1) + 0.5 - cy)[:, None]
        dx = (np.arange(x0, x1) + 0.5 - cx)[None, :]
        position = (np.arctan2(dy, dx) + math.pi) * bin_scale
        lower = np.floor(position).astype(int) % ANGLE_BINS
        frac = position - np.floor(position)
        radius = table[lower] * (1 - frac) + table[(lower + 1) % ANGLE_BINS] * frac
        depth = np.sqrt(dy * dy + dx * dx) - radius
        _merge_cell(own, (slice(y0, y1), slice(x0, x1)), index + 1, depth, radius, pad)
    return own


def _merge_cell(own, window, cell, depth, radius, pad):
    best, second = own.depth[window], own.second_depth[window]
    reached = depth < pad
    wins = reached & (depth < best)
    runner = reached & ~wins & (depth < second)
    demoted = wins & np.isfinite(best)
    own.second_owner[window][demoted] = own.owner[window][demoted]
    own.second_depth[window][demoted] = best[demoted]
    own.second_radius[window][demoted] = own.radius[window][demoted]
    own.second_owner[window][runner] = cell
    own.second_depth[window][runner] = depth[runner]
    own.second_radius[window][runner] = radius[runner]
    own.owner[window][wins] = cell
    own.depth[window][wins] = depth[wins]
    own.radius[window][wins] = radius[wins]


def _connected_pieces(ids):
    """4-connected pieces of equal nonzero ids, each named by its smallest flat index.

    Alternating row and column sweeps: each replaces every run of equal ids
    along a row (then a column) by the run's smallest piece name, and pointer
    jumping shortcuts the rest. Star-like cells settle in a few sweeps, each a
    handful of vectorised passes, where a flood fill per cell would be a
    Python loop and pixel-by-pixel propagation would need dozens of rounds.
    """
    piece = np.arange(ids.size, dtype=np.int32).reshape(ids.shape)
    row_runs = _runs(ids)
    column_runs = _runs(ids.T)
    for sweep in range(4 * max(ids.shape)):
        along_rows = sweep % 2 == 0
        grid = piece if along_rows else piece.T
        starts, lengths = row_runs if along_rows else column_runs
        swept = np.repeat(np.minimum.reduceat(grid.ravel(), starts), lengths).reshape(grid.shape)
        swept = swept if along_rows else swept.T
        flat = swept.ravel()
        flat = flat[flat[flat]]
        if sweep > 0 and np.array_equal(flat, piece.ravel()):
            break
        piece = flat.reshape(ids.shape)
    return np.where(ids != 0, piece, -1)


def _runs(grid):
    """Starts and lengths of the runs of equal values along the rows of grid."""
    flat = np.ascontiguousarray(grid).ravel()
    boundary = np.ones(flat.size, bool)
    boundary[1:] = flat[1:] != flat[:-1]
    boundary[::grid.shape[1]] = True  # a run never continues onto the next row
    starts = np.flatnonzero(boundary)
    return starts, np.diff(np.append(starts, flat.size))


def _stray_pixels(labels):
    """Pixels of a cell outside that cell's largest connected piece."""
    piece = _connected_pieces(labels).ravel()
    inside = piece >= 0
    sizes = np.bincount(piece[inside], minlength=labels.size)
    roots = np.flatnonzero(sizes)
    root_cells = labels.ravel()[roots]
    order = np.lexsort((-sizes[roots], root_cells))
    first_of_cell = np.ones(order.size, bool)
    first_of_cell[1:] = root_cells[order][1:] != root_cells[order][:-1]
    keep = np.zeros(labels.size, bool)
    keep[roots[order][first_of_cell]] = True
    stray = inside.copy()
    stray[inside] = ~keep[piece[inside]]
    return stray.reshape(labels.shape)


def _repair_fragments(own):
    """Make every cell one connected region.

    The depth rule keeps regions star-shaped for circles, but a rough or
    spindle-shaped cell that overlaps a neighbour deeply can reappear as a
    sliver beyond it. Such slivers go to the runner-up cell there; whatever
    is still detached after that becomes background, in image and labels alike.
    """
    stray = _stray_pixels(np.where(own.depth <= 0, own.owner, 0))
    if not stray.any():
        return
    own.owner[stray] = own.second_owner[stray]
    own.depth[stray] = own.second_depth[stray]
    own.radius[stray] = own.second_radius[stray]
    own.second_depth[stray] = np.inf
    stray = _stray_pixels(np.where(own.depth <= 0, own.owner, 0))
    own.owner[stray] = 0
    own.depth[stray] = np.inf


def _compact_labels(owner, inside, n_drawn):
    """Instance ids 1..n over the cells that kept at least one pixel."""
    labels = np.where(inside, owner, 0)
    present = np.bincount(labels.ravel(), minlength=n_drawn + 1) > 0
    present[0] = False
    mapping = np.zeros(present.size, np.int32)
    mapping[present] = np.arange(1, int(present.sum()) + 1, dtype=np.int32)
    return mapping[labels], mapping


# --------------------------------------------------------------------------
# Image formation


def _fft_blur(image, sigma, pad_mode=None):
    """Gaussian blur by FFT; reflect padding when edges must not wrap."""
    pad = int(math.ceil(4 * sigma)) if pad_mode else 0
    padded = np.pad(image, pad, mode=pad_mode) if pad else image
    fy = np.fft.fftfreq(padded.shape[0])[:, None]
    fx = np.fft.rfftfreq(padded.shape[1])[None, :]
    transfer = np.exp(-2.0 * (math.pi * sigma) ** 2 * (fy * fy + fx * fx))
    out = np.fft.irfft2(np.fft.rfft2(padded) * transfer, s=padded.shape)
    return out[pad:pad + image.shape[0], pad:pad + image.shape[1]] if pad else out


def _radial_profile(rng, q, profile):
    """Brightness across a cell as a function of q (0 centre, 1 edge)."""
    if profile == "rim":
        # Membrane-like stain: touching cells show a brighter shared border.
        return 0.55 + 0.45 * np.clip(q, 0, 1) ** 4
    if profile == "hollow":
        # Cytoplasmic stain around an unstained nucleus.
        depth, width = rng.uniform(0.3, 0.6), rng.uniform(0.3, 0.5)
        return 1.0 - depth * np.exp(-(q / width) ** 2)
    return 1.0 - rng.uniform(0.0, 0.45) * np.clip(q, 0, 1) ** 2


def _cell_signal(rng, labels, own, edge_depth, scene):
    """Noise-free object intensity of the cells, relative to signal amplitude 1."""
    size = labels.shape[0]
    n_cells = int(labels.max())
    brightness = rng.uniform(0.45, 1.0, n_cells + 1)
    brightness[0] = 0.0
    if n_cells:
        brightness[rng.integers(1, n_cells + 1)] = 1.0  # so the peak is reached
    textured = rng.random(n_cells + 1) < scene.textured_fraction
    textured[0] = False

    # Soft edges from the signed depth; q (0 centre, 1 edge) shapes the profile.
    reached = np.isfinite(own.depth)
    coverage = np.clip(-own.depth / (2 * EDGE_SOFTNESS) + 0.5, 0.0, 1.0)
    cell_of_pixel = np.where(reached, own.owner, 0)
    q = np.where(reached, 1.0 + edge_depth / own.radius, 2.0)
    signal = brightness[cell_of_pixel] * coverage * _radial_profile(rng, q, scene.profile)

    if textured.any():
        texture = _smooth_noise(rng, (size, size), sigma=rng.uniform(0.7, 2.0))
        amplitude = rng.uniform(0.3, 0.7)
        in_textured = textured[cell_of_pixel]
        # tanh bounds the texture so a textured cell's peak stays its brightness
        # instead of saturating on the field's rare extremes.
        grain = (1.0 + amplitude * np.tanh(texture)) / (1.0 + amplitude)
        signal = np.where(in_textured, signal * grain, signal)
        # Granules: sparse bright puncta, blurred later by the PSF.
        granule_density = rng.uniform(0.01, 0.06)
        granules = in_textured & (labels > 0) & (rng.random((size, size)) < granule_density)
        signal[granules] += rng.uniform(0.3, 0.8) * brightness[cell_of_pixel[granules]]
    return signal


def _add_debris(rng, image, count, amplitude):
    """Small bright specks, deliberately left out of the labels."""
    size = image.shape[0]
    for _ in range(count):
        cy, cx = rng.uniform(0, size, 2)
        sigma = rng.uniform(0.5, 1.5)
        _add_gaussian(image, cy, cx, sigma, amplitude * rng.uniform(0.4, 1.3))


def _add_gaussian(image, cy, cx, sigma, height):
    size = image.shape[0]
    reach = 3.5 * sigma
    y0, y1 = max(0, int(cy - reach)), min(size, int(cy + reach) + 2)
    x0, x1 = max(0, int(cx - reach)), min(size, int(cx + reach) + 2)
    if y0 >= y1 or x0 >= x1:
        return
    dy = (np.arange(y0, y1) + 0.5 - cy)[:, None]
    dx = (np.arange(x0, x1) + 0.5 - cx)[None, :]
    image[y0:y1, x0:x1] += height * np.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma))


def _illumination(rng, size):
    """A mild tilt plus vignetting, as from an off-centre, uneven lamp."""
    axis = (np.arange(size) + 0.5) / size - 0.5
    tilt_y, tilt_x = rng.uniform(-0.2, 0.2, 2)
    vignette = rng.uniform(0.0, 0.25)
    oy, ox = rng.uniform(-0.2, 0.2, 2)
    field = 1.0 + tilt_y * axis[:, None] + tilt_x * axis[None, :]
    field -= vignette * ((axis[:, None] - oy) ** 2 + (axis[None, :] - ox) ** 2)
    return field / field.mean()


def _add_noise(rng, image, scene):
    shot = rng.poisson(np.clip(image, 0, None) * scene.photons) / scene.photons
    return shot + rng.normal(0.0, scene.read_noise, image.shape)


# --------------------------------------------------------------------------
# Public API


def sample(seed: int, size: int = 256, condition: str | None = None):
    """One synthetic image and its instance labels.

    image: float32 (size, size), raw values clipped to [0, 1], not rescaled.
    labels: int32 (size, size), 0 background, 1..n one id per cell.
    condition=None cycles through CONDITIONS by seed, so consecutive seeds
    cover every condition equally.
    """
    if condition is None:
        condition = CONDITIONS[seed % len(CONDITIONS)]
    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition {condition!r}; expected one of {CONDITIONS}")
    rng = np.random.default_rng([seed, CONDITIONS.index(condition), size])
    scene = _draw_scene(rng, condition)

    labels, own = _draw_cells(rng, size, scene)
    image = _form_image(rng, scene, labels, own)
    return image, labels


def _draw_cells(rng, size, scene):
    """Instance labels and the ownership the image is drawn from."""
    confluent = scene.cell_count is None
    centres = _confluent_centres(rng, size, scene) if confluent else _scattered_centres(rng, size, scene)
    radii = _cell_radii(rng, len(centres), scene, confluent)
    own = _rasterise(centres, _radius_tables(rng, radii), size)
    _repair_fragments(own)
    labels, mapping = _compact_labels(own.owner, own.depth <= 0.0, len(centres))
    # Soft edges keep drawing a cell just outside its labelled pixels, so the
    # image needs every owner renamed, not only the labelled ones.
    own.owner = mapping[own.owner]
    own.second_owner = mapping[own.second_owner]
    return labels.astype(np.int32), own


def _distance_to_edge(own):
    """Signed depth to the nearer of a cell's free edge and a shared border.

    Half the depth gap to the runner-up is the distance to a shared border,
    so profiles dim or brighten at cell contacts as at free edges.
    """
    gap = np.full_like(own.depth, -np.inf)
    np.subtract(own.depth, own.second_depth, out=gap, where=np.isfinite(own.second_depth))
    return np.maximum(own.depth, 0.5 * gap)


def _form_image(rng, scene, labels, own):
    size = labels.shape[0]
    amplitude = max(scene.peak - scene.background, 0.02)
    signal = _cell_signal(rng, labels, own, _distance_to_edge(own), scene)
    obj = scene.background + amplitude * signal
    area_scale = size * size / REFERENCE_AREA
    _add_debris(rng, obj, rng.poisson(scene.debris_per_ref * area_scale), amplitude)

    image = _fft_blur(obj, scene.psf_sigma, pad_mode="reflect")
    for _ in range(rng.poisson(scene.blobs_per_ref * area_scale)):
        # Out-of-focus material: broad, faint, and not a cell.
        cy, cx = rng.uniform(0, size, 2)
        _add_gaussian(image, cy, cx, rng.uniform(6.0, 20.0), amplitude * rng.uniform(0.08, 0.35))
    image *= _illumination(rng, size)
    image = _add_noise(rng, image, scene)
    return np.clip(image, 0.0, 1.0).astype(np.float32)


def _summary():
    print(f"{'condition':12s} {'seed':>4s} {'coverage':>8s} {'cells':>5s} {'bg_med':>7s} {'max':>6s}")
    for condition in CONDITIONS:
        for seed in range(12):
            image, labels = sample(seed, 256, condition)
            background = image[labels == 0]
            median = float(np.median(background)) if background.size else float("nan")
            print(f"{condition:12s} {seed:4d} {np.mean(labels > 0):8.3f} {labels.max():5d} "
                  f"{median:7.3f} {image.max():6.3f}")
    for size in (256, 1024):
        for condition in ("sparse_lit", "confluent"):
            wall, cpu = time.perf_counter(), time.process_time()
            sample(0, size, condition)
            print(f"{condition} {size}x{size}: {time.perf_counter() - wall:.3f} s wall, "
                  f"{time.process_time() - cpu:.3f} s CPU")


if __name__ == "__main__":
    _summary()
