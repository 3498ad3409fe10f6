#!/usr/bin/python3
"""Held-out evaluation of the cell U-Net, per generator: foreground IoU, cell count error and
average precision at IoU 0.5, on whole images run as poolkit's UNet.segment runs them
(normalized once, mirrored at the borders; whole_image.py), cells found by the same
instances() as poolkit's (scripts/cells/instances.py).

    /usr/bin/python3 scripts/unet/evaluate_cells.py                    # the shipped weights
    /usr/bin/python3 scripts/unet/evaluate_cells.py --weights ckpt.pt  # a training checkpoint

The second generator (scripts/cells/independent_cells.py) was written apart from the training
one (its own code and shape model, raw values in [0, 1]); none of its images is trained on."""
import argparse
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "cells"))

import dataset  # noqa: E402
import independent_cells  # noqa: E402
import instances  # noqa: E402
import safetensors_io  # noqa: E402
import synth  # noqa: E402
import whole_image  # noqa: E402
from seed_unet import SeedUNet  # noqa: E402

WEIGHTS = "web/public/models/cells-unet-base16.safetensors"
SIZE = 256
# Fragments smaller than this are noise, not cells: the smallest generated cell covers ~35 px.
MIN_AREA = 10
INDEPENDENT_SEED = 3_000_000


def held_out_sets(count):
    """(name, [(image, labels)]) per held-out set; every seed range is disjoint from training's."""
    def independent(offset, condition=None):
        seeds = range(INDEPENDENT_SEED + offset, INDEPENDENT_SEED + offset + count)
        return [independent_cells.sample(seed, SIZE, condition) for seed in seeds]
    training_seeds = range(dataset.HELD_OUT_SEED + 1000, dataset.HELD_OUT_SEED + 1000 + count)
    return [
        ("training generator (held-out seeds)", [synth.sample(seed, SIZE) for seed in training_seeds]),
        ("independent generator (all conditions)", independent(0)),
        ("independent: sparse cells on a lit background", independent(100_000, "sparse_lit")),
        ("independent: confluent", independent(200_000, "confluent")),
    ]


def scores(net, image, truth):
    """Foreground IoU, AP@0.5 and the relative count error of one image."""
    logits = whole_image.logits(net, image, getattr(net, "preprocess", True))
    found, _ = instances.instances(logits, min_area=MIN_AREA)
    mask, true_mask = found > 0, truth > 0
    union = int((mask | true_mask).sum())
    iou = int((mask & true_mask).sum()) / union if union else 1.0
    true_count = int(truth.max())
    return {
        "iou": iou,
        "ap50": instances.average_precision(found, truth, 0.5),
        "count_error": instances.count_error(int(found.max()), true_count),
        "count": int(found.max()),
        "true_count": true_count,
    }


def evaluate(net, count=32):
    results = []
    for name, images in held_out_sets(count):
        per_image = [scores(net, image, labels) for image, labels in images]
        summary = {key: float(np.mean([s[key] for s in per_image]))
                   for key in ("iou", "ap50", "count_error")}
        summary["min_iou"] = float(min(s["iou"] for s in per_image))
        results.append({"set": name, "images": len(images), "size": SIZE, **summary})
        print(f"{name}: {len(images)} images of {SIZE}x{SIZE}: mean IoU {summary['iou']:.3f} "
              f"(lowest {summary['min_iou']:.3f}), AP@0.5 {summary['ap50']:.3f}, "
              f"count error {100 * summary['count_error']:.1f} %", flush=True)
    return results


def load(path):
    """A checkpoint (.pt, preprocessed as in training) or a shipped file, which says in its
    __metadata__ whether it has a preprocessing (the first cell model had none)."""
    state = torch.load(path) if path.endswith(".pt") else safetensors_io.load(path)
    classes = state["out_conv.weight"].shape[0]
    net = SeedUNet(in_channels=1, out_channels=classes, base=16, levels=3)
    net.load_state_dict(state)
    net.preprocess = path.endswith(".pt") or "preprocessing" in safetensors_io.metadata(path)
    return net.eval()


def markdown(results):
    rows = ["| held-out set | images | mean IoU | AP@0.5 | count error |", "|---|---|---|---|---|"]
    rows += [f"| {r['set']} | {r['images']} x {r['size']}² | {r['iou']:.3f} | {r['ap50']:.3f} | "
             f"{100 * r['count_error']:.1f} % |" for r in results]
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weights", default=os.path.join(ROOT, WEIGHTS))
    parser.add_argument("--images", type=int, default=32, help="per set")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    torch.set_num_threads(2)
    results = evaluate(load(args.weights), args.images)
    print(markdown(results))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
