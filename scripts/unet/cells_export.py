"""Writes what the trained cell U-Net ships as, all from the net in memory:
- web/public/models/cells-unet-base16.safetensors: the state_dict, keys as in SeedUNet;
- web/public/samples/cells-N.png (the 188x188 input) and cells-N-truth.png (the 100x100
  ground truth of its centre), plus cells.json describing them, for the demo page;
- js-tests/fixtures/trained_unet.json: the samples with PyTorch's logits and argmax masks.
Nothing written depends on the clock, so a rerun reproduces the files byte for byte."""
import base64
import hashlib
import json
import os
import sys

import torch
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "fixtures"))

import dataset  # noqa: E402  (scripts/cells, put on the path by train_cells.py)
import safetensors_io  # noqa: E402
import synth  # noqa: E402
from common import tensor_json  # noqa: E402

WEIGHTS = "web/public/models/cells-unet-base16.safetensors"
SAMPLES_DIR = "web/public/samples"
FIXTURE = "js-tests/fixtures/trained_unet.json"
SAMPLE_COUNT = 3


def uint8_json(array):
    """8-bit pixels and masks as base64 bytes: a quarter of their size as float32."""
    array = array.detach().to(torch.uint8).contiguous()
    return {"shape": list(array.shape), "dtype": "uint8",
            "data": base64.b64encode(array.numpy().tobytes()).decode("ascii")}


def save_weights(net, results, args):
    metadata = {
        "format": "pt",
        "model": "SeedUNet(in_channels=1, out_channels=2, base=16, levels=3): valid 3x3 convs, "
                 "centre-cropped skips; input S x S with S % 8 == 4, output (S-88) x (S-88)",
        "input": "grayscale pixel / 255",
        "classes": "0 background, 1 cell",
        "trained_by": "scripts/unet/train_cells.py " + " ".join(
            f"--{k.replace('_', '-')} {v}" for k, v in args.items()
            if k not in ("no_export", "report_every")),
        "held_out_iou": f"{results['held_out_iou']:.4f}",
        "torch": torch.__version__,
    }
    path = os.path.join(ROOT, WEIGHTS)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    safetensors_io.save(net.state_dict(), path, metadata)
    with open(path, "rb") as f:
        data = f.read()
    print(f"{WEIGHTS}: {len(data)} bytes")
    return hashlib.sha256(data).hexdigest()


def sample_cases(net, size, margin):
    """The first held-out images, each run alone (batch 1, as poolkit runs them)."""
    cases = []
    for n in range(SAMPLE_COUNT):
        seed = dataset.HELD_OUT_SEED + n
        image, mask = synth.sample(seed, size)
        truth = torch.from_numpy(synth.center_crop(mask, size - margin).copy())
        with torch.no_grad():
            logits = net(dataset.as_input(image[None]))
        predicted = logits.argmax(1)[0]
        intersection = int((predicted.bool() & truth.bool()).sum())
        union = int((predicted.bool() | truth.bool()).sum())
        margins = (logits[0, 1] - logits[0, 0]).abs()
        cases.append({
            "name": f"cells-{n + 1}", "seed": seed, "image": image,
            "truth": truth, "logits": logits, "mask": predicted,
            "intersection": intersection, "union": union,
            # The smallest logit gap: how far the closest pixel is from flipping class.
            "min_margin": float(margins.min()), "max_abs_logit": float(logits.abs().max()),
        })
    return cases


def save_samples(cases, results):
    os.makedirs(os.path.join(ROOT, SAMPLES_DIR), exist_ok=True)
    entries = []
    for c in cases:
        image_file, truth_file = c["name"] + ".png", c["name"] + "-truth.png"
        Image.fromarray(c["image"], mode="L").save(os.path.join(ROOT, SAMPLES_DIR, image_file))
        Image.fromarray(c["truth"].numpy() * 255, mode="L").save(
            os.path.join(ROOT, SAMPLES_DIR, truth_file))
        entries.append({"image": image_file, "truth": truth_file, "seed": c["seed"],
                        "iou": round(c["intersection"] / c["union"], 4)})
    manifest = {
        "model": "../models/" + os.path.basename(WEIGHTS),
        "input": "grayscale pixel / 255, shape [1, 1, 188, 188]",
        "output": "logits [1, 2, 100, 100] for the centre 100x100 (44 pixels in from each edge); "
                  "argmax over dim 1 is the mask, 1 = cell",
        "heldOutIoU": round(results["held_out_iou"], 4),
        "samples": entries,
    }
    with open(os.path.join(ROOT, SAMPLES_DIR, "cells.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


def save_fixture(cases, results, weights_sha256):
    doc = {
        "generator": "scripts/unet/train_cells.py",
        "torch": torch.__version__,
        "weights": WEIGHTS,
        "weightsSha256": weights_sha256,
        "heldOutIoU": results["held_out_iou"],
        "samples": [{
            "name": c["name"], "seed": c["seed"],
            "input": uint8_json(torch.from_numpy(c["image"])[None, None]),
            "truth": uint8_json(c["truth"]),
            "logits": tensor_json(c["logits"]),
            "mask": uint8_json(c["mask"]),
            "intersection": c["intersection"], "union": c["union"],
            "iou": c["intersection"] / c["union"],
            "minMargin": c["min_margin"], "maxAbsLogit": c["max_abs_logit"],
        } for c in cases],
    }
    path = os.path.join(ROOT, FIXTURE)
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"{FIXTURE}: {len(cases)} samples, {os.path.getsize(path)} bytes")


def export(net, results, args, size, margin):
    net.eval()
    sha256 = save_weights(net, results, args)
    cases = sample_cases(net, size, margin)
    save_samples(cases, results)
    save_fixture(cases, results, sha256)
    for c in cases:
        print(f"{c['name']} (seed {c['seed']}): IoU {c['intersection'] / c['union']:.4f}, "
              f"smallest logit gap {c['min_margin']:.2e}")
