#!/usr/bin/python3
"""Exports the benchmark cases to ONNX for onnxruntime-web with Debian's PyTorch. The conv and
UNet weights are read from the .safetensors files `npm run bench` wrote (seeded, in JavaScript),
so every runtime computes with the very same numbers. Sizes are dynamic axes, so the same
models serve the full benchmark and its smoke run. Output: build/bench/*.onnx (ignored by git).
Usage: /usr/bin/python3 scripts/bench/export_models.py [dir]"""
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "unet"))
import safetensors_io  # noqa: E402
from seed_unet import SeedUNet  # noqa: E402


class Lambda(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


def loaded(module, path):
    module.load_state_dict(safetensors_io.load(path))
    return module.eval()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join("build", "bench")
    weights = lambda name: os.path.join(out, name + ".safetensors")  # noqa: E731
    models = {
        "max_pool2d_k2s2": (Lambda(lambda x: F.max_pool2d(x, 2, 2)), (1, 64, 16, 16)),
        "max_pool2d_k3s2p1": (Lambda(lambda x: F.max_pool2d(x, 3, 2, 1)), (1, 64, 16, 16)),
        "avg_pool2d_k3s1p1": (Lambda(lambda x: F.avg_pool2d(x, 3, 1, 1, count_include_pad=False)),
                              (1, 64, 16, 16)),
        "adaptive_avg_pool2d_1": (Lambda(lambda x: F.adaptive_avg_pool2d(x, 1)), (1, 512, 8, 8)),
        "max_pool3d_k2s2": (Lambda(lambda x: F.max_pool3d(x, 2, 2)), (1, 16, 8, 8, 8)),
        "conv2d_64_64_3x3": (loaded(nn.Conv2d(64, 64, 3), weights("conv2d_64_64_3x3")), (1, 64, 16, 16)),
        "conv_transpose2d_512_256_k2s2": (
            loaded(nn.ConvTranspose2d(512, 256, 2, 2), weights("conv_transpose2d_512_256_k2s2")),
            (1, 512, 8, 8)),
        "unet": (loaded(SeedUNet(), weights("unet")), (1, 1, 92, 92)),
    }
    for name, (module, shape) in models.items():
        # Models with weights fix the channels; pooling leaves every axis free.
        free = range(2, len(shape)) if list(module.parameters()) else range(len(shape))
        dynamic = {"x": {d: f"x{d}" for d in free}, "y": {d: f"y{d}" for d in free}}
        path = os.path.join(out, name + ".onnx")
        with torch.no_grad():
            torch.onnx.export(module, torch.zeros(shape), path, opset_version=13,
                              input_names=["x"], output_names=["y"], dynamic_axes=dynamic)
        print("wrote", path)


if __name__ == "__main__":
    main()
