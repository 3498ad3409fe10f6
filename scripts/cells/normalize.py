"""The model's preprocessing, as CSBDeep and StarDist do it: the 1st to 99.8th percentile of the
whole image mapped to 0..1. poolkit's UNet.segment applies the same mapping (read from the
weights' __metadata__) to the whole image before tiling, so tiles agree; this file is its
definition for the training and the fixtures."""
import json

import numpy as np

PREPROCESSING = {"type": "percentile", "low": 1, "high": 99.8}


def percentile_normalize(image, low=PREPROCESSING["low"], high=PREPROCESSING["high"]):
    """float32 image, every channel together: (x - p_low) / (p_high - p_low + 1e-20) in float64,
    with numpy's linear percentiles; the tiny epsilon keeps a constant image at 0, not NaN."""
    x = np.asarray(image, dtype=np.float64)
    lo, hi = np.percentile(x, [low, high])
    return ((x - lo) / (hi - lo + 1e-20)).astype(np.float32)


def metadata_json():
    return json.dumps(PREPROCESSING)


def intensity_statistics(normalized):
    """What the demo compares an upload with: mean, population std and skewness of the
    normalized image, in float64. Fluorescence is a dim background with bright cells, so the
    skew is positive; an inverted image or a photo falls outside the training range."""
    x = np.asarray(normalized, dtype=np.float64).ravel()
    mean = x.mean()
    std = x.std()
    skewness = ((x - mean) ** 3).mean() / std**3 if std > 0 else 0.0
    return {"mean": float(mean), "std": float(std), "skewness": float(skewness)}
