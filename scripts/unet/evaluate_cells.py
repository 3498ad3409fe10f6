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
# What files without a `min_area` of their own were evaluated with.
MIN_AREA = 10
INDEPENDENT_SEED = 3_000_000
# The minimum cell area is chosen on the training generator's own validation seeds, apart from
# its training and held-out seeds: the held-out sets then judge a choice they did not make.
VALIDATION_SEED = dataset.HELD_OUT_SEED + 10_000
MIN_AREA_CANDIDATES = (0, 5, 10, 15, 20, 30, 40, 50, 60, 80)


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


def scores(net, image, truth, min_area=MIN_AREA):
    """Foreground IoU, AP@0.5 and the relative count error of one image."""
    return found_scores(whole_image.logits(net, image, getattr(net, "preprocess", True)), truth, min_area)


def found_scores(logits, truth, min_area):
    found, _ = instances.instances(logits, min_area=min_area)
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


def choose_min_area(net, count=64):
    """The minimum area (of MIN_AREA_CANDIDATES) with the best mean of IoU and AP@0.5 on the
    training generator's validation seeds; the smallest of equals. Fragments under it are
    noise, not cells: a larger one drops noise and, past the smallest cells, cells."""
    seeds = range(VALIDATION_SEED, VALIDATION_SEED + count)
    cases = [(whole_image.logits(net, image), labels)
             for image, labels in (synth.sample(seed, SIZE) for seed in seeds)]
    best, best_score = None, -1.0
    for min_area in MIN_AREA_CANDIDATES:
        per_image = [found_scores(logits, labels, min_area) for logits, labels in cases]
        iou = float(np.mean([s["iou"] for s in per_image]))
        ap50 = float(np.mean([s["ap50"] for s in per_image]))
        print(f"validation, min_area {min_area}: mean IoU {iou:.3f}, AP@0.5 {ap50:.3f}", flush=True)
        if (iou + ap50) / 2 > best_score:
            best, best_score = min_area, (iou + ap50) / 2
    print(f"min_area {best}", flush=True)
    return best


def evaluate(net, count=32, min_area=MIN_AREA):
    results = []
    for name, images in held_out_sets(count):
        per_image = [scores(net, image, labels, min_area) for image, labels in images]
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
    metadata = {} if path.endswith(".pt") else safetensors_io.metadata(path)
    net.preprocess = path.endswith(".pt") or "preprocessing" in metadata
    net.min_area = int(metadata.get("min_area", MIN_AREA))
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
    parser.add_argument("--min-area", type=int, help="instead of the file's own (or 10)")
    parser.add_argument("--choose-min-area", action="store_true",
                        help="choose it on validation images first, as the export does")
    args = parser.parse_args()
    torch.set_num_threads(2)
    net = load(args.weights)
    min_area = choose_min_area(net) if args.choose_min_area else args.min_area
    results = evaluate(net, args.images, net.min_area if min_area is None else min_area)
    print(markdown(results))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
