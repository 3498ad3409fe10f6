#!/usr/bin/python3
"""Proves the shipped cell U-Net is what the fixture and the demo say it is, from the files
alone: the safetensors file loads into a fresh SeedUNet (strict: every key, every shape) and
names the preprocessing normalize.py defines; each fixture case regenerates from its seed and
reproduces PyTorch's whole-image logits, classes and cells; the demo's PNGs regenerate.

    /usr/bin/python3 scripts/unet/check_cells_export.py

Run by hand after train_cells.py (npm test does not run PyTorch)."""
import base64
import hashlib
import json
import os
import sys

import numpy as np
import torch
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "cells"))

import cells_export  # noqa: E402
import instances  # noqa: E402
import normalize  # noqa: E402
import safetensors_io  # noqa: E402
import whole_image  # noqa: E402
from seed_unet import SeedUNet  # noqa: E402


def decode(t):
    dtype = {"float32": "<f4", "uint8": "u1"}[t["dtype"]]
    return np.frombuffer(base64.b64decode(t["data"]), dtype=dtype).reshape(t["shape"]).copy()


def metadata(path):
    with open(path, "rb") as f:
        length = int.from_bytes(f.read(8), "little")
        return json.loads(f.read(length))["__metadata__"]


def check_fixture(net, fixture):
    for case in fixture["samples"]:
        pixels = decode(case["input"])
        h, w = pixels.shape
        image, _ = cells_export.generate(case["generator"], case["seed"], 128, case["condition"])
        assert np.array_equal(cells_export.as_png_pixels(image[:h, :w]), pixels), \
            f"{case['name']}: the generator changed"
        logits = whole_image.logits(net, pixels / 255)
        expected = decode(case["logits"])
        error = np.abs(logits - expected).max() / np.abs(expected).max()
        assert error <= 1e-6, f"{case['name']}: logits differ by {error:.2e} of their magnitude"
        assert np.array_equal(logits.argmax(0), decode(case["classes"])), f"{case['name']}: classes differ"
        found, cells = instances.instances(logits, min_area=fixture["minArea"])
        assert int(found.max()) == case["count"], f"{case['name']}: cell count differs"
        assert [c["area"] for c in cells] == [c["area"] for c in case["cells"]]
        print(f"{case['name']}: logits within {error:.1e}, classes identical, {case['count']} cells")


def check_samples(min_area):
    samples_dir = os.path.join(ROOT, cells_export.SAMPLES_DIR)
    with open(os.path.join(samples_dir, "cells.json")) as f:
        manifest = json.load(f)
    assert manifest["minArea"] == min_area, "the demo counts cells with another min_area"
    for s in manifest["samples"]:
        size = np.asarray(Image.open(os.path.join(samples_dir, s["image"]))).shape[0]
        image, labels = cells_export.generate(s["generator"], s["seed"], size, s["condition"])
        png = np.asarray(Image.open(os.path.join(samples_dir, s["image"])))
        assert np.array_equal(png, cells_export.as_png_pixels(image)), f"{s['image']} differs"
        truth = np.asarray(Image.open(os.path.join(samples_dir, s["truth"])))
        assert np.array_equal(truth > 0, labels > 0), f"{s['truth']} differs"
        assert s["count"] == int(labels.max())
        print(f"{s['image']}: regenerates, {s['count']} cells")


def main():
    torch.set_num_threads(2)
    with open(os.path.join(ROOT, cells_export.FIXTURE)) as f:
        fixture = json.load(f)
    weights_path = os.path.join(ROOT, fixture["weights"])
    with open(weights_path, "rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == fixture["weightsSha256"], \
            "the weights file is not the one the fixture was made from"
    assert json.loads(metadata(weights_path)["preprocessing"]) == normalize.PREPROCESSING
    assert int(metadata(weights_path)["min_area"]) == fixture["minArea"]
    net = SeedUNet(in_channels=1, out_channels=3, base=16, levels=3)
    net.load_state_dict(safetensors_io.load(weights_path), strict=True)
    net.eval()
    check_fixture(net, fixture)
    check_samples(fixture["minArea"])
    print(f"ok: {fixture['weights']} reproduces the fixture and the demo's samples")


if __name__ == "__main__":
    main()
