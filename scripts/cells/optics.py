"""What a microscope and its camera do to the light from the cells: uneven illumination, a
point-spread blur, photon (shot) noise and read noise, a response curve, then an export that is
either rescaled 8-bit or raw values in [0, 1]. Every knob is drawn per image (domain
randomization), so a model trained on these images meets no single camera."""
import numpy as np


def log_uniform(rng, low, high):
    return float(np.exp(rng.uniform(np.log(low), np.log(high))))


def gaussian_blur(image, sigma):
    """Separable Gaussian blur with mirrored edges, as two matrix products (no scipy here)."""
    if sigma <= 0:
        return image
    rows, cols = image.shape
    return _blur_matrix(rows, sigma) @ image @ _blur_matrix(cols, sigma).T


def _blur_matrix(size, sigma):
    radius = int(np.ceil(3 * sigma))
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    taps /= taps.sum()
    # Row i of the matrix holds the taps centred on i, folded back at the edges (reflect mode).
    matrix = np.zeros((size, size))
    for offset, weight in zip(range(-radius, radius + 1), taps):
        j = np.arange(size) + offset
        j = np.where(j < 0, -j - 1, j)
        j = np.where(j >= size, 2 * size - j - 1, j)
        np.add.at(matrix, (np.arange(size), j), weight)
    return matrix


def smooth_noise(rng, size, sigma):
    """A smooth random field with unit standard deviation: white noise blurred by sigma."""
    field = gaussian_blur(rng.standard_normal((size, size)), sigma)
    return field / field.std()


def illumination(rng, size):
    """A multiplicative field between about 0.3 and 1: a tilt across the field of view and a
    vignette whose centre is off the image centre."""
    yy, xx = np.mgrid[0:size, 0:size] / size
    angle = rng.uniform(0, 2 * np.pi)
    tilt = (xx - 0.5) * np.cos(angle) + (yy - 0.5) * np.sin(angle)
    cy, cx = rng.uniform(0.1, 0.9, size=2)
    vignette = np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * rng.uniform(0.3, 0.9) ** 2))
    field = (1 + rng.uniform(0, 0.8) * tilt) * (1 - rng.uniform(0, 0.5) * (1 - vignette))
    return field / field.max()


def camera(rng, light):
    """Shot noise at a random photon budget (from a starved 3 to 1000 photons per unit of
    light), Gaussian read noise, a few hot pixels, a response curve (gamma), then one of two
    exports: an 8-bit image whose dark level and a bright percentile fill 0..255 (what a
    microscope's PNG export does), or raw values at their own gain and offset, clipped to
    [0, 1] and sometimes quantized, which is what the issue's independent images are."""
    photons = log_uniform(rng, 3, 1000)
    counts = rng.poisson(light * photons) / photons
    signal = counts + rng.normal(0, log_uniform(rng, 0.002, 0.06), light.shape)
    hot = rng.random(light.shape) < rng.choice([0, 1e-4, 1e-3])
    signal = np.where(hot, signal.max() * rng.uniform(0.5, 1.5), signal)
    signal = np.maximum(signal, 0) ** rng.uniform(0.6, 1.6)
    if rng.random() < 0.4:
        low = np.percentile(signal, rng.uniform(0, 2))
        high = np.percentile(signal, 99.7) * rng.uniform(1.0, 1.3)
        exposed = (signal - low) / (high - low)
        return np.clip(np.round(exposed * 255), 0, 255) / 255
    gain = rng.uniform(0.08, 1.0) / np.percentile(signal, 99.9)
    raw = np.clip(rng.uniform(0, 0.08) + gain * signal, 0, 1)
    bits = rng.choice([8, 12, 16, 0])
    return np.round(raw * (2**bits - 1)) / (2**bits - 1) if bits else raw
