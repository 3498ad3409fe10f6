#!/usr/bin/python3
"""Trains the seed U-Net (three levels, valid convolutions, base width 16) to segment the
generated cells of scripts/cells into three classes (background, cell, cell boundary: the
boundary keeps touching cells apart), on images normalized as the model's preprocessing does
(scripts/cells/normalize.py), reports its foreground IoU on held-out generated images, and
exports what poolkit ships (cells_export.py). evaluate_cells.py then reports IoU, count error
and AP@0.5 per held-out generator.

    nice -n 10 /usr/bin/python3 scripts/unet/train_cells.py          # trains and exports
    nice -n 10 /usr/bin/python3 scripts/unet/train_cells.py --steps 50 --no-export   # a trial
    /usr/bin/python3 scripts/unet/check_cells_export.py    # the shipped files reload and agree

Everything is seeded, and nothing written depends on the clock: rerunning on the same machine
with the same thread count reproduces the files byte for byte. Another CPU may pick other
oneDNN convolution kernels (AVX-512 instead of AVX2, say) that round differently, so its
weights can differ in the last bits and, through training, a little more."""
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cells"))

import cells_export  # noqa: E402
import dataset  # noqa: E402
import synth  # noqa: E402
import whole_image  # noqa: E402
from seed_unet import SeedUNet  # noqa: E402

BASE, LEVELS, CLASSES = 16, 3, 3
MARGIN = 88  # a three-level valid-conv U-Net maps S x S to (S - 88) x (S - 88)
TRAIN_SIZE = 316
HELD_OUT, HELD_OUT_SIZE = 32, 256


def dice_loss(logits, target):
    """1 - the soft Dice score of the foreground (cell and boundary), over the whole batch."""
    p = 1 - logits.softmax(1)[:, 0]
    t = (target > 0).float()
    return 1 - (2 * (p * t).sum() + 1) / (p.sum() + t.sum() + 1)


def iou_counts(mask, truth):
    """(intersection, union) of the foreground, as Python ints."""
    mask, truth = mask.bool(), truth.bool()
    return int((mask & truth).sum()), int((mask | truth).sum())


def evaluate(net, images):
    """Foreground IoU over held-out (image, labels) pairs, whole images as segment runs them:
    pooled over all pixels, and the mean per image."""
    counts = []
    for image, labels in images:
        predicted = whole_image.logits(net, image).argmax(0) > 0
        counts.append(iou_counts(torch.from_numpy(predicted), torch.from_numpy(labels > 0)))
    pooled = sum(i for i, _ in counts) / sum(u for _, u in counts)
    # An image without cells, and none found, is a perfect score.
    return pooled, float(np.mean([i / u if u else 1.0 for i, u in counts]))


def learning_rate(step, steps, peak):
    """A short warm-up, then a cosine decay to zero."""
    warmup = max(steps // 20, 1)
    if step < warmup:
        return peak * (step + 1) / warmup
    return 0.5 * peak * (1 + np.cos(np.pi * (step - warmup) / (steps - warmup)))


def held_out_images():
    seeds = range(dataset.HELD_OUT_SEED, dataset.HELD_OUT_SEED + HELD_OUT)
    return [synth.sample(seed, HELD_OUT_SIZE) for seed in seeds]


def train(args):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    net = SeedUNet(in_channels=1, out_channels=CLASSES, base=BASE, levels=LEVELS)
    if args.init:  # a second cycle of the schedule, from where the first ended
        net.load_state_dict(torch.load(args.init))

    started = time.time()
    pool = dataset.TrainingPool(args.train_images, TRAIN_SIZE, TRAIN_SIZE - MARGIN, rng,
                                args.border_mirror)
    # The boundary is a thin class that decides whether touching cells come apart: weigh it up.
    class_weights = torch.tensor([1.0, 1.0, args.boundary_weight])
    held_out = held_out_images()
    print(f"generated {args.train_images} training and {HELD_OUT} held-out images "
          f"in {time.time() - started:.0f} s", flush=True)

    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    started = time.time()
    for step in range(args.steps):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, args.steps, args.lr)
        x, y = pool.batch(args.batch)
        logits = net(x)
        loss = F.cross_entropy(logits, y, weight=class_weights) + dice_loss(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (step + 1) % args.report_every == 0 or step + 1 == args.steps:
            net.eval()
            pooled, mean = evaluate(net, held_out)
            net.train()
            print(f"step {step + 1:5d}  loss {loss.item():.4f}  held-out IoU {pooled:.4f} "
                  f"(mean per image {mean:.4f})  {time.time() - started:.0f} s", flush=True)
            if args.checkpoint:
                torch.save(net.state_dict(), args.checkpoint)
    seconds = time.time() - started
    net.eval()
    pooled, mean = evaluate(net, held_out)
    print(f"trained {args.steps} steps in {seconds:.0f} s; held-out IoU {pooled:.4f} "
          f"over {HELD_OUT} images of {HELD_OUT_SIZE}x{HELD_OUT_SIZE} (mean per image {mean:.4f})")
    return net, {"held_out_iou": pooled, "held_out_mean_iou": mean, "training_seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=1300)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--train-images", type=int, default=900)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--boundary-weight", type=float, default=2.0,
                        help="cross-entropy weight of the boundary class (background and cell: 1)")
    parser.add_argument("--border-mirror", type=float, default=0.0,
                        help="probability that a side of a training tile is mirrored as "
                        "segment mirrors an image's border")
    parser.add_argument("--report-every", type=int, default=100)
    parser.add_argument("--no-export", action="store_true", help="train and report only")
    parser.add_argument("--checkpoint", help="save the state_dict here at every report")
    parser.add_argument("--init", help="start from this state_dict (a --checkpoint) instead of "
                        "PyTorch's initialization: a warm restart of the learning-rate schedule")
    parser.add_argument("--trained-by", help="with --export-from: the training commands that "
                        "made the checkpoint, recorded in the weights' metadata")
    parser.add_argument("--export-from", help="skip training: export this finished checkpoint "
                        "(a state_dict saved by --checkpoint at the last step)")
    args = parser.parse_args()

    torch.set_num_threads(2)  # the machine's two cores, shared; run under nice -n 10
    torch.use_deterministic_algorithms(True)
    if args.export_from:
        net = SeedUNet(in_channels=1, out_channels=CLASSES, base=BASE, levels=LEVELS)
        net.load_state_dict(torch.load(args.export_from))
        net.eval()
        pooled, mean = evaluate(net, held_out_images())
        results = {"held_out_iou": pooled, "held_out_mean_iou": mean}
    else:
        net, results = train(args)
    if not args.no_export:
        cells_export.export(net, results, vars(args))


if __name__ == "__main__":
    main()
