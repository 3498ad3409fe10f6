"""Writes what the trained cell U-Net ships as, all from the net in memory:
- web/public/models/cells-unet-base16.safetensors: the state_dict, keys as in SeedUNet, and in
  __metadata__ the preprocessing segment applies, the classes, the training range of the input
  statistics the demo checks uploads against, and the held-out results per generator;
- web/public/samples/*.png and cells.json: held-out images from both generators for the demo
  (8-bit grey PNGs, whose pixel / 255 is the model's raw input) with their ground-truth masks
  and cell counts;
- js-tests/fixtures/trained_unet.json: small images (odd sizes, both generators) with PyTorch's
  whole-image logits (normalized once, mirrored, one pass: whole_image.py) and the cells
  instances.py finds in them, for poolkit's segment and instances to reproduce.
Nothing written depends on the clock, so a rerun reproduces the files byte for byte."""
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
sys.path.insert(0, os.path.join(ROOT, "scripts", "fixtures"))
sys.path.insert(0, os.path.join(ROOT, "scripts", "cells"))

import dataset  # noqa: E402
import evaluate_cells  # noqa: E402
import independent_cells  # noqa: E402
import instances  # noqa: E402
import normalize  # noqa: E402
import safetensors_io  # noqa: E402
import synth  # noqa: E402
import whole_image  # noqa: E402
from common import tensor_json  # noqa: E402

WEIGHTS = "web/public/models/cells-unet-base16.safetensors"
SAMPLES_DIR = "web/public/samples"
FIXTURE = "js-tests/fixtures/trained_unet.json"
CLASSES = ["background", "cell", "boundary"]
STATISTICS_IMAGES = 300

# The demo's samples: held-out seeds of both generators, the first seed of each kind (no
# picking), sizes from a phone-sized 256 to a 1024 that takes several tiles.
SAMPLES = [
    ("cells-training-512", "training", dataset.HELD_OUT_SEED, 512, None,
     "the training generator, a held-out seed"),
    ("cells-training-1024", "training", dataset.HELD_OUT_SEED + 1, 1024, None,
     "the training generator, a held-out seed, 1024 x 1024"),
    ("cells-sparse-lit", "independent", 4_000_000, 512, "sparse_lit",
     "the independent generator: sparse cells on a lit background"),
    ("cells-confluent", "independent", 4_000_001, 512, "confluent",
     "the independent generator: confluent cells"),
    ("cells-textured", "independent", 4_000_002, 384, "textured",
     "the independent generator: textured cells"),
]
# The fixture: small, odd sizes (crops of generated images) so mirroring shows at every border.
FIXTURE_CASES = [
    ("training-90x121", "training", dataset.HELD_OUT_SEED + 7, 128, None, (90, 121)),
    ("independent-67x45", "independent", 4_100_000, 128, "confluent", (67, 45)),
    ("independent-sparse-33x100", "independent", 4_100_001, 128, "sparse_lit", (33, 100)),
]


def generate(generator, seed, size, condition):
    if generator == "training":
        return synth.sample(seed, size)
    return independent_cells.sample(seed, size, condition)


def as_png_pixels(image):
    """The raw image as the 8-bit PNG a page loads: its pixel / 255 is what segment gets."""
    return np.clip(np.round(image * 255), 0, 255).astype(np.uint8)


def uint8_json(array):
    array = np.ascontiguousarray(array, dtype=np.uint8)
    return {"shape": list(array.shape), "dtype": "uint8",
            "data": base64.b64encode(array.tobytes()).decode("ascii")}


def input_statistics():
    """Each statistic's range over normalized training images: an upload outside it is unlike
    anything the model saw."""
    seeds = range(dataset.TRAIN_SEED, dataset.TRAIN_SEED + STATISTICS_IMAGES)
    stats = [normalize.intensity_statistics(normalize.percentile_normalize(synth.sample(s, 256)[0]))
             for s in seeds]
    return {key: [round(min(s[key] for s in stats), 4), round(max(s[key] for s in stats), 4)]
            for key in ("mean", "std", "skewness")}


def save_weights(net, results, args, evaluation, min_area):
    metadata = {
        "format": "pt",
        "model": "SeedUNet(in_channels=1, out_channels=3, base=16, levels=3): valid 3x3 convs, "
                 "centre-cropped skips; input S x S with S % 8 == 4, output (S-88) x (S-88)",
        "input": "one channel of raw pixel values (a PNG's pixel / 255), normalized by "
                 "`preprocessing` over the whole image",
        "preprocessing": normalize.metadata_json(),
        "classes": json.dumps(CLASSES),
        "min_area": str(min_area),
        "input_statistics": json.dumps(input_statistics()),
        "held_out": json.dumps(evaluation),
        "held_out_iou": f"{results['held_out_iou']:.4f}",
        "trained_by": args.get("trained_by") or "scripts/unet/train_cells.py " + " ".join(
            f"--{k.replace('_', '-')} {v}" for k, v in args.items()
            if v is not None and k not in ("no_export", "report_every", "checkpoint", "export_from", "trained_by")),
        "torch": torch.__version__,
    }
    path = os.path.join(ROOT, WEIGHTS)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    safetensors_io.save(net.state_dict(), path, metadata)
    with open(path, "rb") as f:
        data = f.read()
    print(f"{WEIGHTS}: {len(data)} bytes")
    return hashlib.sha256(data).hexdigest()


def save_samples(net, min_area):
    os.makedirs(os.path.join(ROOT, SAMPLES_DIR), exist_ok=True)
    entries = []
    for name, generator, seed, size, condition, description in SAMPLES:
        image, labels = generate(generator, seed, size, condition)
        pixels = as_png_pixels(image)
        Image.fromarray(pixels, mode="L").save(os.path.join(ROOT, SAMPLES_DIR, name + ".png"))
        truth = np.where(labels > 0, 255, 0).astype(np.uint8)
        Image.fromarray(truth, mode="L").save(os.path.join(ROOT, SAMPLES_DIR, name + "-truth.png"))
        score = evaluate_cells.scores(net, pixels / 255, labels, min_area)
        entries.append({"name": name, "image": name + ".png", "truth": name + "-truth.png",
                        "count": int(labels.max()), "generator": generator, "seed": seed,
                        "condition": condition, "description": description,
                        "pytorch": {"iou": round(score["iou"], 4), "count": score["count"]}})
        print(f"{name}: {size}x{size}, {int(labels.max())} cells; PyTorch IoU {score['iou']:.3f}, "
              f"{score['count']} cells found")
    manifest = {"model": "../models/" + os.path.basename(WEIGHTS), "classes": CLASSES,
                "minArea": min_area, "samples": entries}
    with open(os.path.join(ROOT, SAMPLES_DIR, "cells.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


def fixture_case(net, min_area, name, generator, seed, size, condition, shape):
    image, labels = generate(generator, seed, size, condition)
    h, w = shape
    pixels = as_png_pixels(image[:h, :w])
    logits = whole_image.logits(net, pixels / 255)
    found, cells = instances.instances(logits, min_area=min_area)
    ordered = np.sort(logits, axis=0)
    return {
        "name": name, "generator": generator, "seed": seed, "condition": condition,
        "input": uint8_json(pixels),
        "logits": tensor_json(torch.from_numpy(logits)),
        "classes": uint8_json(logits.argmax(0)),
        "truth": uint8_json(labels[:h, :w] > 0),
        "cells": [{"area": int(c["area"]), "centroid": [float(v) for v in c["centroid"]]} for c in cells],
        "count": int(found.max()),
        # How far the closest pixel is from another class: poolkit's logits may differ from
        # PyTorch's in the last bits, which can flip only a pixel this close.
        "minMargin": float((ordered[-1] - ordered[-2]).min()),
        "maxAbsLogit": float(np.abs(logits).max()),
    }


def save_fixture(net, weights_sha256, evaluation, min_area):
    doc = {
        "generator": "scripts/unet/train_cells.py (cells_export.py)",
        "torch": torch.__version__,
        "weights": WEIGHTS,
        "weightsSha256": weights_sha256,
        "minArea": min_area,
        "heldOut": evaluation,
        "samples": [fixture_case(net, min_area, *case) for case in FIXTURE_CASES],
    }
    path = os.path.join(ROOT, FIXTURE)
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"{FIXTURE}: {len(doc['samples'])} cases, {os.path.getsize(path)} bytes")


def export(net, results, args):
    net.eval()
    min_area = evaluate_cells.choose_min_area(net)
    evaluation = evaluate_cells.evaluate(net, min_area=min_area)
    print(evaluate_cells.markdown(evaluation))
    # Four digits: what the weights' metadata and the fixture record alike.
    evaluation = [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()}
                  for r in evaluation]
    sha256 = save_weights(net, results, args, evaluation, min_area)
    save_samples(net, min_area)
    save_fixture(net, sha256, evaluation, min_area)
