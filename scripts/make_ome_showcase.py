#!/usr/bin/python3
"""OME-Zarr 0.4 stores for README's screenshots (scripts/screenshots.sh --ome): cells.ome.zarr, a
3-channel 1024 x 1024 image in 3 levels (nuclei, cytoplasm, spots, with omero colours and windows)
with a label image of the nuclei, and plate.ome.zarr, 2 rows x 4 columns of wells with 2 fields
each. Synthetic, written by zarr-python 2.13 with the specification's .zattrs.
Usage: make_ome_showcase.py OUTDIR"""

import os
import sys

import numpy as np
import zarr

out = sys.argv[1]
rng = np.random.default_rng(7)
AXES = [{"name": "c", "type": "channel"}, {"name": "y", "type": "space", "unit": "micrometer"},
        {"name": "x", "type": "space", "unit": "micrometer"}]


def cells(size, count):
    """Nuclei (a label per nucleus), cytoplasm around them and bright spots, as uint16 channels."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    nuclei = np.zeros((size, size), np.float32)
    cyto = np.zeros((size, size), np.float32)
    labels = np.zeros((size, size), np.uint32)
    for k in range(count):
        cy, cx = rng.uniform(0.05, 0.95, 2) * size
        r = rng.uniform(0.025, 0.045) * size
        d2 = ((yy - cy) ** 2 + (xx - cx) ** 2) / r ** 2
        nuclei = np.maximum(nuclei, np.exp(-d2 ** 2) * rng.uniform(0.6, 1.0))
        cyto = np.maximum(cyto, np.exp(-d2 / 6.0) * rng.uniform(0.4, 0.8))
        labels[d2 < 1.0] = k + 1
    spots = np.zeros((size, size), np.float32)
    for _ in range(count * 6):
        cy, cx = rng.uniform(0, size, 2)
        spots += np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (0.004 * size) ** 2)
    noise = rng.normal(0, 0.02, (3, size, size)).astype(np.float32)
    image = np.stack([nuclei, cyto, np.clip(spots, 0, 1) * (cyto > 0.05)]) + noise
    return (np.clip(image, 0, 1) * 4000 + 100).astype(np.uint16), labels


def write_image(group, data, scale, levels, attrs=None):
    datasets = []
    for i in range(levels):
        group.create_dataset(str(i), data=data, chunks=(1, 256, 256) if data.ndim == 3 else (256, 256),
                             dimension_separator="/")
        datasets.append({"path": str(i), "coordinateTransformations": [
            {"type": "scale", "scale": [1.0, scale * 2 ** i, scale * 2 ** i]}]})
        data = data[..., ::2, ::2]
    group.attrs["multiscales"] = [{"version": "0.4", "axes": AXES, "datasets": datasets}]
    if attrs:
        group.attrs.update(attrs)


image, labels = cells(1024, 40)
root = zarr.open_group(os.path.join(out, "cells.ome.zarr"), mode="w")
omero = {"version": "0.4", "channels": [
    {"label": "DAPI", "color": "0000FF", "active": True, "window": {"start": 150, "end": 3600, "min": 0, "max": 4200}},
    {"label": "Actin", "color": "00FF00", "active": True, "window": {"start": 300, "end": 3200, "min": 0, "max": 4200}},
    {"label": "Spots", "color": "FF0000", "active": True, "window": {"start": 200, "end": 2000, "min": 0, "max": 4200}}]}
write_image(root, image, 0.325, 3, {"omero": omero})
root.create_group("labels").attrs["labels"] = ["nuclei"]
write_image(root["labels"].create_group("nuclei"), labels[None], 0.325, 3,
            {"image-label": {"version": "0.4", "source": {"image": "../../"}}})

plate = zarr.open_group(os.path.join(out, "plate.ome.zarr"), mode="w")
rows, columns = ["A", "B"], ["1", "2", "3", "4"]
wells = [(r, c) for r in rows for c in columns]
plate.attrs["plate"] = {"version": "0.4", "name": "showcase", "field_count": 2, "acquisitions": [{"id": 0}],
                        "rows": [{"name": r} for r in rows], "columns": [{"name": c} for c in columns],
                        "wells": [{"path": f"{r}/{c}", "rowIndex": rows.index(r), "columnIndex": columns.index(c)}
                                  for r, c in wells]}
for i, (r, c) in enumerate(wells):
    well = plate.require_group(r).create_group(c)
    well.attrs["well"] = {"version": "0.4", "images": [{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 0}]}
    for f in range(2):
        field, _ = cells(256, 4 + 3 * i)
        write_image(well.create_group(str(f)), field, 0.65, 2, {"omero": omero})
