#!/usr/bin/python3
"""Trains the seed U-Net (three levels, valid convolutions, base width 16) to segment the
generated cells of scripts/cells, reports its IoU on a held-out generated set, and exports what
poolkit ships: the weights as safetensors, three held-out samples as PNGs for the demo page, and
PyTorch's logits and masks on them as a Jest fixture (cells_export.py).

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
from seed_unet import SeedUNet  # noqa: E402

BASE, LEVELS = 16, 3
MARGIN = 88  # a three-level valid-conv U-Net maps S x S to (S - 88) x (S - 88)
TRAIN_SIZE = 316  # larger tiles than the samples: more labelled pixels per convolution
SAMPLE_SIZE = 188
HELD_OUT = 64


def dice_loss(logits, target):
    """1 - the soft Dice score of the foreground, over the whole batch."""
    p = logits.softmax(1)[:, 1]
    t = target.float()
    return 1 - (2 * (p * t).sum() + 1) / (p.sum() + t.sum() + 1)


def predict(net, x, batch=8):
    with torch.no_grad():
        return torch.cat([net(x[i:i + batch]) for i in range(0, len(x), batch)])


def iou_counts(mask, truth):
    """(intersection, union) of the foreground, as Python ints."""
    mask, truth = mask.bool(), truth.bool()
    return int((mask & truth).sum()), int((mask | truth).sum())


def evaluate(net, x, y):
    """Foreground IoU over the whole held-out set (pixels pooled), and the mean per image."""
    masks = predict(net, x).argmax(1)
    counts = [iou_counts(m, t) for m, t in zip(masks, y)]
    pooled = sum(i for i, _ in counts) / sum(u for _, u in counts)
    return pooled, float(np.mean([i / u for i, u in counts]))


def learning_rate(step, steps, peak):
    """A short warm-up, then a cosine decay to zero."""
    warmup = max(steps // 20, 1)
    if step < warmup:
        return peak * (step + 1) / warmup
    return 0.5 * peak * (1 + np.cos(np.pi * (step - warmup) / (steps - warmup)))


def train(args):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    net = SeedUNet(in_channels=1, out_channels=2, base=BASE, levels=LEVELS)

    started = time.time()
    pool = dataset.TrainingPool(args.train_images, TRAIN_SIZE, TRAIN_SIZE - MARGIN, rng)
    held_out_seeds = range(dataset.HELD_OUT_SEED, dataset.HELD_OUT_SEED + HELD_OUT)
    held_x, held_y = dataset.images(held_out_seeds, SAMPLE_SIZE, SAMPLE_SIZE - MARGIN)
    held_x = dataset.as_input(held_x)
    held_y = torch.from_numpy(held_y)
    print(f"generated {args.train_images} training and {HELD_OUT} held-out images "
          f"in {time.time() - started:.0f} s", flush=True)

    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    started = time.time()
    for step in range(args.steps):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, args.steps, args.lr)
        x, y = pool.batch(args.batch)
        logits = net(x)
        loss = F.cross_entropy(logits, y) + dice_loss(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (step + 1) % args.report_every == 0 or step + 1 == args.steps:
            net.eval()
            pooled, mean = evaluate(net, held_x, held_y)
            net.train()
            print(f"step {step + 1:5d}  loss {loss.item():.4f}  held-out IoU {pooled:.4f} "
                  f"(mean per image {mean:.4f})  {time.time() - started:.0f} s", flush=True)
    seconds = time.time() - started
    net.eval()
    pooled, mean = evaluate(net, held_x, held_y)
    print(f"trained {args.steps} steps in {seconds:.0f} s; held-out IoU {pooled:.4f} "
          f"over {HELD_OUT} images of {SAMPLE_SIZE}x{SAMPLE_SIZE} (mean per image {mean:.4f})")
    return net, {"held_out_iou": pooled, "held_out_mean_iou": mean, "training_seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--train-images", type=int, default=400)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--report-every", type=int, default=100)
    parser.add_argument("--no-export", action="store_true", help="train and report only")
    args = parser.parse_args()

    torch.set_num_threads(2)  # the machine's two cores, shared; run under nice -n 10
    torch.use_deterministic_algorithms(True)
    net, results = train(args)
    if not args.no_export:
        cells_export.export(net, results, vars(args), SAMPLE_SIZE, MARGIN)


if __name__ == "__main__":
    main()
