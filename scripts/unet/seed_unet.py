"""The seed article's U-Net, made to run: the same module names (enc1..encN, bottom, upN..up1,
decN..dec1, out_conv), valid 3x3 convolutions, and the skip tensor centre-cropped before the
concatenation, as in the original U-Net paper (the article's code omits the crop and raises at
the first torch.cat). `levels=3, base=64` is the article's net; `levels=4` is the paper's.

poolkit.UNet.fromSafetensors loads a state_dict of this module."""
import torch
import torch.nn as nn


def conv_block(in_channels, out_channels, padding=0):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=padding),
        nn.ReLU(inplace=True),
        nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=padding),
        nn.ReLU(inplace=True),
    )


def center_crop(skip, size_h, size_w):
    dh = (skip.shape[2] - size_h) // 2
    dw = (skip.shape[3] - size_w) // 2
    return skip[:, :, dh:dh + size_h, dw:dw + size_w]


class SeedUNet(nn.Module):
    def __init__(self, in_channels=1, out_channels=2, base=64, levels=3, padding=0):
        super().__init__()
        self.levels = levels
        widths = [base * 2 ** i for i in range(levels + 1)]
        channels = in_channels
        for i in range(levels):
            setattr(self, f"enc{i + 1}", conv_block(channels, widths[i], padding))
            channels = widths[i]
        self.bottom = conv_block(widths[levels - 1], widths[levels], padding)
        for i in range(levels, 0, -1):
            setattr(self, f"up{i}", nn.ConvTranspose2d(widths[i], widths[i - 1], kernel_size=2, stride=2))
            setattr(self, f"dec{i}", conv_block(widths[i], widths[i - 1], padding))
        self.out_conv = nn.Conv2d(widths[0], out_channels, kernel_size=1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        skips = []
        for i in range(1, self.levels + 1):
            x = getattr(self, f"enc{i}")(x)
            skips.append(x)
            x = self.pool(x)
        x = self.bottom(x)
        for i in range(self.levels, 0, -1):
            x = getattr(self, f"up{i}")(x)
            skip = center_crop(skips[i - 1], x.shape[2], x.shape[3])
            x = getattr(self, f"dec{i}")(torch.cat([x, skip], dim=1))
        return self.out_conv(x)
