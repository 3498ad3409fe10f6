#!/usr/bin/python3
"""Proves the shipped cell U-Net is what the fixture says it is, from the files alone:
the safetensors file loads into a fresh SeedUNet (strict: every key, every shape), and on each
sample it reproduces PyTorch's logits and mask in js-tests/fixtures/trained_unet.json; the
samples regenerate from their seeds, and the PNGs hold the same pixels and masks.

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
import dataset  # noqa: E402
import safetensors_io  # noqa: E402
import synth  # noqa: E402
from seed_unet import SeedUNet  # noqa: E402


def decode(t):
    dtype = {"float32": "<f4", "uint8": "u1"}[t["dtype"]]
    return np.frombuffer(base64.b64decode(t["data"]), dtype=dtype).reshape(t["shape"]).copy()


def main():
    torch.set_num_threads(2)
    with open(os.path.join(ROOT, cells_export.FIXTURE)) as f:
        fixture = json.load(f)
    weights_path = os.path.join(ROOT, fixture["weights"])
    with open(weights_path, "rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == fixture["weightsSha256"], \
            "the weights file is not the one the fixture was made from"

    net = SeedUNet(in_channels=1, out_channels=2, base=16, levels=3)
    net.load_state_dict(safetensors_io.load(weights_path), strict=True)
    net.eval()

    worst = 0.0
    for s in fixture["samples"]:
        image = decode(s["input"])
        size = image.shape[-1]
        regenerated, mask = synth.sample(s["seed"], size)
        assert np.array_equal(regenerated, image[0, 0]), f"{s['name']}: the generator changed"
        truth = decode(s["truth"])
        assert np.array_equal(synth.center_crop(mask, truth.shape[-1]), truth)
        samples_dir = os.path.join(ROOT, cells_export.SAMPLES_DIR)
        png = np.asarray(Image.open(os.path.join(samples_dir, s["name"] + ".png")))
        assert np.array_equal(png, image[0, 0]), f"{s['name']}.png differs from the fixture input"
        png_truth = np.asarray(Image.open(os.path.join(samples_dir, s["name"] + "-truth.png")))
        assert np.array_equal(png_truth, truth * 255), f"{s['name']}-truth.png differs"

        with torch.no_grad():
            logits = net(dataset.as_input(image[:, 0])).numpy()
        expected = decode(s["logits"])
        scale = np.abs(expected).max()
        error = np.abs(logits - expected).max() / scale
        worst = max(worst, error)
        mask_out = logits.argmax(1)[0]
        assert error <= 1e-6, f"{s['name']}: logits differ by {error:.2e} of their magnitude"
        assert np.array_equal(mask_out, decode(s["mask"])), f"{s['name']}: masks differ"
        intersection = int((mask_out.astype(bool) & truth.astype(bool)).sum())
        union = int((mask_out.astype(bool) | truth.astype(bool)).sum())
        assert (intersection, union) == (s["intersection"], s["union"])
        agreement = "bit for bit" if np.array_equal(logits, expected) else f"within {error:.1e}"
        print(f"{s['name']}: logits {agreement}, mask identical, IoU {intersection / union:.4f}")
    print(f"ok: {fixture['weights']} reproduces the fixture "
          f"(largest logit error {worst:.1e} of their magnitude)")


if __name__ == "__main__":
    main()
