#!/usr/bin/python3
"""Exports the benchmark cases to ONNX for onnxruntime-web with Debian's PyTorch. The conv and
UNet weights are read from the .safetensors files `npm run bench` wrote (seeded, in JavaScript),
so every runtime computes with the very same numbers. Sizes are dynamic axes, so the same
models serve the full benchmark and its smoke run, and any tile size of the segment benchmark.
With a trained model's .safetensors (the segment benchmark's), it is exported too, as
trained_unet.onnx: its depth, base width and channels read from the file's shapes, its padding
given ('valid' or 'same'; the shapes cannot tell). Output: build/bench/*.onnx (ignored by git).
Usage: /usr/bin/python3 scripts/bench/export_models.py [dir [trained.safetensors [valid|same]]]"""
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


def trained_unet(path, padding):
    """A SeedUNet shaped like the state_dict in `path`, with its weights."""
    tensors = safetensors_io.load(path)
    levels = 0
    while f"enc{levels + 1}.0.weight" in tensors:
        levels += 1
    first = tensors["enc1.0.weight"]
    net = SeedUNet(in_channels=first.shape[1], out_channels=tensors["out_conv.weight"].shape[0],
                   base=first.shape[0], levels=levels, padding=1 if padding == "same" else 0)
    net.load_state_dict(tensors)
    # A size the net takes, for the trace (the exported axes are free): 92 for three levels.
    size = 8 * 2 ** levels if padding == "same" else 12 * 2 ** levels - 4
    return net.eval(), (1, first.shape[1], size, size)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join("build", "bench")
    trained = sys.argv[2] if len(sys.argv) > 2 else None
    padding = sys.argv[3] if len(sys.argv) > 3 else "valid"
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
    if trained:
        models["trained_unet"] = trained_unet(trained, padding)
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
