import { conv2d, conv2dPadding } from '../functional/conv2d.js';
import { bool, intTuple, moduleArguments, readOptions } from '../options.js';
import { kaimingUniformBound, uniformTensor } from './init.js';
import { Module, pythonArguments } from './module.js';

// torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
// groups=1, bias=True, padding_mode='zeros')
const POSITIONAL = ['inChannels', 'outChannels', 'kernelSize', 'stride', 'padding', 'dilation', 'groups', 'bias', 'paddingMode'];

/** Checks shared by Conv2d and ConvTranspose2d, with PyTorch's rules for channels and groups. */
export function convModuleArguments(op, positional, args, extra) {
  const given = readOptions(op, moduleArguments(op, positional, args), Object.fromEntries(positional.map((name) => [name, undefined])));
  for (const name of ['inChannels', 'outChannels', 'kernelSize']) {
    if (given[name] === undefined) throw new Error(`${op}: ${name} is required`);
  }
  const [inChannels] = intTuple(op, 'inChannels', given.inChannels, 1);
  const [outChannels] = intTuple(op, 'outChannels', given.outChannels, 1);
  const [groups] = intTuple(op, 'groups', given.groups ?? 1, 1);
  if (inChannels < 1 || outChannels < 1) {
    throw new Error(`${op}: inChannels and outChannels must be at least 1, got inChannels=${inChannels}, outChannels=${outChannels}`);
  }
  if (groups < 1) throw new Error(`${op}: groups must be greater than zero, got groups=${groups}`);
  if (inChannels % groups || outChannels % groups) {
    throw new Error(`${op}: inChannels and outChannels must be divisible by groups, got inChannels=${inChannels}, outChannels=${outChannels}, groups=${groups}`);
  }
  const kernelSize = intTuple(op, 'kernelSize', given.kernelSize, 2);
  if (kernelSize.some((k) => k < 1)) throw new Error(`${op}: kernelSize must be greater than zero, got kernelSize=[${kernelSize.join(', ')}]`);
  const paddingMode = given.paddingMode ?? 'zeros';
  if (paddingMode !== 'zeros') {
    throw new Error(`${op}: paddingMode ${JSON.stringify(paddingMode)} is not supported; poolkit pads with zeros only`);
  }
  return {
    inChannels,
    outChannels,
    kernelSize,
    stride: intTuple(op, 'stride', given.stride ?? 1, 2),
    dilation: intTuple(op, 'dilation', given.dilation ?? 1, 2),
    groups,
    hasBias: bool(op, 'bias', given.bias ?? true),
    paddingMode,
    ...extra(given),
  };
}

/**
 * torch.nn.Conv2d: `new Conv2d(1, 64, 3)`, `new Conv2d(1, 64, 3, {padding: 'same'})`, one
 * options object, or PyTorch's positional order. `weight` (outChannels, inChannels / groups,
 * kH, kW) and `bias` (outChannels, or null) are tensors you may replace; they start with
 * PyTorch's initialisation ranges (see nn/init.js).
 */
export class Conv2d extends Module {
  constructor(...args) {
    super();
    const a = convModuleArguments('Conv2d', POSITIONAL, args, (given) => ({
      padding: conv2dPadding('Conv2d', given.padding ?? 0),
    }));
    if (a.padding === 'same' && a.stride.some((s) => s !== 1)) {
      throw new Error(`Conv2d: padding='same' needs stride 1, got stride=[${a.stride.join(', ')}]`);
    }
    this.inChannels = a.inChannels;
    this.outChannels = a.outChannels;
    this.kernelSize = a.kernelSize;
    this.stride = a.stride;
    this.padding = a.padding;
    this.dilation = a.dilation;
    this.groups = a.groups;
    this.paddingMode = a.paddingMode;
    const [kh, kw] = a.kernelSize;
    const fanIn = (a.inChannels / a.groups) * kh * kw;
    this.weight = uniformTensor('Conv2d', 'weight', [a.outChannels, a.inChannels / a.groups, kh, kw], kaimingUniformBound(fanIn));
    this.bias = a.hasBias ? uniformTensor('Conv2d', 'bias', [a.outChannels], 1 / Math.sqrt(fanIn)) : null;
  }

  forward(input) {
    const { stride, padding, dilation, groups } = this;
    return conv2d(input, this.weight, this.bias, { stride, padding, dilation, groups });
  }

  extraRepr() {
    return convRepr(this, []);
  }
}

/** PyTorch's _ConvNd.extra_repr: defaults are left out. */
export function convRepr(m, extra) {
  const pairs = [['kernel_size', m.kernelSize], ['stride', m.stride]];
  const isZero = (v) => Array.isArray(v) && v.every((x) => x === 0);
  if (!isZero(m.padding)) pairs.push(['padding', m.padding]);
  if (m.dilation.some((d) => d !== 1)) pairs.push(['dilation', m.dilation]);
  pairs.push(...extra);
  if (m.groups !== 1) pairs.push(['groups', m.groups]);
  if (m.bias === null) pairs.push(['bias', false]);
  return `${m.inChannels}, ${m.outChannels}, ${pythonArguments(pairs)}`;
}
