"""Cells from U-Net logits, and how they score against the true cells: the reference of
poolkit.instances (web/lib/instances.js gives the same labels, areas and centroids exactly;
js-tests/fixtures/instances.json is made from this file) and the evaluation's metrics.
numpy only.

instances(logits, min_area):
  - class per pixel: argmax over the channels, ties (and NaN) as numpy's argmax decides them,
    i.e. the lowest index. 0 background, 1 cell interior, 2 boundary (with 3 or more
    channels); classes from 3 on are background.
  - seeds: the 4-connected components of class 1, labelled 1..n in the raster order of each
    component's first pixel.
  - growth (3 or more channels): in rounds, every unlabelled boundary pixel with a 4-neighbour
    labelled before the round takes the smallest such label, until a round changes nothing.
    Boundary pixels no seed reaches stay 0.
  - instances with fewer than min_area pixels are dropped and the rest renumbered 1..count in
    their order.
"""
import numpy as np

BACKGROUND, CELL, BOUNDARY = 0, 1, 2
# Larger than any label: "no labelled neighbour" in the minimum over neighbours.
NONE = np.iinfo(np.int64).max


def classes(logits):
    """The class of every pixel, (H, W): numpy's argmax over channels; 3 and up count as 0."""
    cls = np.argmax(logits, axis=0)
    cls[cls > BOUNDARY] = BACKGROUND
    return cls


def neighbour_min(values, fill):
    """The minimum of each pixel's four neighbours (outside the image: `fill`)."""
    padded = np.pad(values, 1, constant_values=fill)
    return np.minimum(np.minimum(padded[:-2, 1:-1], padded[2:, 1:-1]),
                      np.minimum(padded[1:-1, :-2], padded[1:-1, 2:]))


def components(mask):
    """4-connected components of `mask`, labelled 1..n in raster order of their first pixels.
    A union-find over all pixels at once: along every edge between two mask pixels whose roots
    differ, the larger root is hooked under the smaller, then paths are compressed, until no
    edge joins two roots. Hooks only ever go to smaller flat indices, so each component's root
    ends as its smallest flat index: its first pixel in raster order."""
    height, width = mask.shape
    flat_mask = mask.ravel()
    parent = np.arange(mask.size, dtype=np.int64)
    index = parent.reshape(height, width)
    right = mask[:, :-1] & mask[:, 1:]
    down = mask[:-1, :] & mask[1:, :]
    u = np.concatenate([index[:, :-1][right], index[:-1, :][down]])
    v = np.concatenate([index[:, 1:][right], index[1:, :][down]])
    while True:
        ru, rv = parent[u], parent[v]
        joins = ru != rv
        if not joins.any():
            break
        np.minimum.at(parent, np.maximum(ru[joins], rv[joins]), np.minimum(ru[joins], rv[joins]))
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
    labels = np.zeros(mask.size, dtype=np.int32)
    roots, numbered = np.unique(parent[flat_mask], return_inverse=True)
    labels[flat_mask] = numbered + 1
    return labels.reshape(height, width), len(roots)


def grow(labels, boundary):
    """The rounds of growth into boundary pixels (labels changed in place)."""
    while True:
        free = boundary & (labels == 0)
        seen = neighbour_min(np.where(labels > 0, labels, NONE), NONE)
        taken = free & (seen != NONE)
        if not taken.any():
            return labels
        labels[taken] = seen[taken]


def instances(logits, min_area=0):
    """(labels int32 (H, W), cells [{label, area, centroid: [y, x]}]) for logits (C, H, W)."""
    logits = np.asarray(logits, dtype=np.float32)
    if logits.ndim != 3 or logits.shape[0] < 2:
        raise ValueError(f"logits must be (C, H, W) with C >= 2, got shape {logits.shape}")
    cls = classes(logits)
    labels, count = components(cls == CELL)
    if logits.shape[0] >= 3:
        grow(labels, cls == BOUNDARY)
    areas = np.bincount(labels.ravel(), minlength=count + 1)
    kept = areas >= min_area
    kept[0] = False
    renumber = np.zeros(count + 1, dtype=np.int32)
    renumber[kept] = np.arange(1, kept.sum() + 1, dtype=np.int32)
    labels = renumber[labels]
    n = int(kept.sum())
    ys, xs = np.indices(labels.shape)
    flat = labels.ravel()
    area = np.bincount(flat, minlength=n + 1)
    sum_y = np.bincount(flat, weights=ys.ravel().astype(np.float64), minlength=n + 1)
    sum_x = np.bincount(flat, weights=xs.ravel().astype(np.float64), minlength=n + 1)
    cells = [{"label": k, "area": int(area[k]), "centroid": [float(sum_y[k] / area[k]), float(sum_x[k] / area[k])]}
             for k in range(1, n + 1)]
    return labels, cells


def matched(pred_labels, true_labels, threshold=0.5):
    """(true positives, predicted count, true count): one-to-one matches at IoU > threshold.
    For threshold >= 0.5 a match is unique (two cells cannot both overlap another by more than
    half of their union), so counting the pairs above it is the matching; below 0.5, pairs are
    matched greedily by falling IoU."""
    pred = np.asarray(pred_labels, dtype=np.int64).ravel()
    true = np.asarray(true_labels, dtype=np.int64).ravel()
    n_pred = len(np.unique(pred[pred > 0]))
    n_true = len(np.unique(true[true > 0]))
    pred_area = np.bincount(pred)
    true_area = np.bincount(true)
    both = (pred > 0) & (true > 0)
    pairs, overlap = np.unique(np.stack([pred[both], true[both]]), axis=1, return_counts=True)
    if pairs.shape[1] == 0:
        return 0, n_pred, n_true
    p, t = pairs
    iou = overlap / (pred_area[p] + true_area[t] - overlap)
    if threshold >= 0.5:
        return int((iou > threshold).sum()), n_pred, n_true
    used_p, used_t, tp = set(), set(), 0
    for k in np.argsort(-iou, kind="stable"):
        if iou[k] > threshold and p[k] not in used_p and t[k] not in used_t:
            used_p.add(p[k])
            used_t.add(t[k])
            tp += 1
    return tp, n_pred, n_true


def average_precision(pred_labels, true_labels, threshold=0.5):
    """TP / (TP + FP + FN) at IoU > threshold (the cell-segmentation 'AP' of StarDist and
    Cellpose); 1.0 when neither image has a cell."""
    tp, n_pred, n_true = matched(pred_labels, true_labels, threshold)
    fp, fn = n_pred - tp, n_true - tp
    return 1.0 if tp + fp + fn == 0 else tp / (tp + fp + fn)


def count_error(pred_count, true_count):
    """The relative error of the cell count, |pred - true| / true (/ 1 when true is 0)."""
    return abs(pred_count - true_count) / max(true_count, 1)
