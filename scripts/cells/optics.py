"""What a microscope and its camera do to the light from the cells: uneven illumination, a
point-spread blur, photon (shot) noise and read noise, then an 8-bit exposure."""
import numpy as np


def gaussian_blur(image, sigma):
    """Separable Gaussian blur with mirrored edges, as two matrix products (no scipy here)."""
    if sigma <= 0:
        return image
    size = image.shape[0]
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
    return matrix @ image @ matrix.T


def smooth_noise(rng, size, sigma):
    """A smooth random field with unit standard deviation: white noise blurred by sigma."""
    field = gaussian_blur(rng.standard_normal((size, size)), sigma)
    return field / field.std()


def illumination(rng, size):
    """A multiplicative field between about 0.45 and 1: a tilt across the field of view and a
    vignette whose centre is off the image centre."""
    yy, xx = np.mgrid[0:size, 0:size] / size
    angle = rng.uniform(0, 2 * np.pi)
    tilt = (xx - 0.5) * np.cos(angle) + (yy - 0.5) * np.sin(angle)
    cy, cx = rng.uniform(0.2, 0.8, size=2)
    vignette = np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * rng.uniform(0.35, 0.8) ** 2))
    field = (1 + rng.uniform(0, 0.5) * tilt) * (1 - rng.uniform(0, 0.35) * (1 - vignette))
    return field / field.max()


def camera(rng, light):
    """Shot noise (Poisson in the photon count) and Gaussian read noise, then an exposure that
    maps the dark level and a bright percentile to 0..255, as a microscope's 8-bit export does."""
    photons = rng.uniform(40, 250)
    counts = rng.poisson(light * photons) / photons
    signal = counts + rng.normal(0, rng.uniform(0.005, 0.03), light.shape)
    low = np.percentile(signal, 0.5)
    high = np.percentile(signal, 99.7) * rng.uniform(1.0, 1.25)
    exposed = (signal - low) / (high - low)
    return np.clip(np.round(exposed * 255), 0, 255).astype(np.uint8)
