#!/usr/bin/python3
"""OME-Zarr stores for tst_ome_stores, written at test time by real writers: 0.5 images by
@fideus-labs/ngff-zarr (tests/js/write_ome_05.mjs), 0.4 and 0.3 images, labels and a plate by
zarr-python 2.13 with the .zattrs the 0.4 specification gives (there is no 0.4 writer in Debian),
and hostile stores, one broken rule each. expected.json says what each store holds: per level
its path, shape, scale, translation and values (.npy); per hostile store the error expected.
Usage: make_ome_fixtures.py OUTDIR"""

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import zarr

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
expected = {"stores": {}, "hostile": []}


def axis(name, kind, unit=None):
    a = {"name": name, "type": kind}
    if unit:
        a["unit"] = unit
    return a


def pyramid(base, count, plane_dims):
    """Level 0 and count-1 levels each taking every second element along the plane's dims
    (zarr-python users often build pyramids like this; the values are what matter here)."""
    levels = [base]
    for _ in range(count - 1):
        index = tuple(slice(None, None, 2) if d in plane_dims else slice(None) for d in range(base.ndim))
        levels.append(levels[-1][index])
    return levels


def write_image(group, levels, axes, scale0, translation, chunks, plane_dims, extra=None, version="0.4"):
    """Writes each level as array "0", "1", ... and the multiscales entry; returns its levels for
    expected.json (scale doubling along the plane's dims, the translation the same at each)."""
    datasets, described = [], []
    for i, data in enumerate(levels):
        group.create_dataset(str(i), data=data, chunks=chunks, dimension_separator="/",
                             compressor=zarr.Blosc(cname="zstd", clevel=3))
        scale = [s * (2 ** i if d in plane_dims else 1) for d, s in enumerate(scale0)]
        transforms = [{"type": "scale", "scale": scale}]
        if translation is not None:
            transforms.append({"type": "translation", "translation": translation})
        datasets.append({"path": str(i), "coordinateTransformations": transforms})
        described.append({"path": str(i), "shape": list(data.shape), "scale": scale, "translation": translation})
    entry = {"version": version, "name": "image", "axes": axes, "datasets": datasets}
    if version == "0.3":  # axes as names, no transformations
        entry["axes"] = [a["name"] for a in axes]
        for d in datasets:
            del d["coordinateTransformations"]
    group.attrs["multiscales"] = [entry]
    if extra:
        group.attrs.update(extra)
    return described


def save_levels(name, image_path, levels, described):
    for i, data in enumerate(levels):
        npy = "%s.level%d.npy" % (name, i)
        np.save(os.path.join(out, npy), np.ascontiguousarray(data))
        described[i]["npy"] = npy
    return described


def store_entry(name, image, dtype, axes, levels, channels=None, **more):
    e = {"dir": name + ".ome.zarr", "image": image, "dtype": dtype, "axes": axes, "levels": levels,
         "channels": channels or []}
    e.update(more)
    expected["stores"][name] = e


# 0.4, 2-D, at the root, with a translation.
yy, xx = np.meshgrid(np.arange(300), np.arange(200), indexing="ij")
yx = ((yy * 7 + xx * 3) % 65536).astype("uint16")
axes_yx = [axis("y", "space", "micrometer"), axis("x", "space", "micrometer")]
root = zarr.open_group(os.path.join(out, "v04_yx.ome.zarr"), mode="w")
lv = pyramid(yx, 3, (0, 1))
d = write_image(root, lv, axes_yx, [0.5, 0.25], [10.0, 20.0], (64, 64), (0, 1))
store_entry("v04_yx", "", "uint16", axes_yx, save_levels("v04_yx", "", lv, d))

# 0.4, c/y/x with omero channels and a label image under labels/ (whose source is the image).
c, y, x = np.meshgrid(np.arange(2), np.arange(64), np.arange(48), indexing="ij")
cyx = ((c * 100 + y + x) % 256).astype("uint8")
axes_cyx = [axis("c", "channel"), axis("y", "space", "micrometer"), axis("x", "space", "micrometer")]
channels = [
    {"label": "DAPI", "color": "0000FF", "window": {"start": 5, "end": 180, "min": 0, "max": 255}, "active": True},
    {"label": "GFP", "color": "00FF00", "window": {"start": 20, "end": 250, "min": 0, "max": 255}, "active": False},
]
omero = {"name": "cells", "version": "0.4", "channels": [dict(ch, coefficient=1, family="linear", inverted=False)
                                                        for ch in channels],
         "rdefs": {"defaultT": 0, "defaultZ": 0, "model": "color"}}
root = zarr.open_group(os.path.join(out, "v04_cyx_labels.ome.zarr"), mode="w")
img = root.create_group("image")
lv = pyramid(cyx, 2, (1, 2))
d = write_image(img, lv, axes_cyx, [1.0, 0.4, 0.4], None, (1, 32, 32), (1, 2), {"omero": omero})
labels_group = img.create_group("labels")
labels_group.attrs["labels"] = ["cells"]
cells = np.zeros((1, 64, 48), dtype="uint32")
cells[0, 8:24, 8:20] = 1
cells[0, 30:60, 20:44] = 7
lab = labels_group.create_group("cells")
ld = write_image(lab, pyramid(cells, 2, (1, 2)), axes_cyx, [1.0, 0.4, 0.4], None, (1, 32, 32), (1, 2),
                 {"image-label": {"version": "0.4", "colors": [{"label-value": 1, "rgba": [255, 0, 0, 128]},
                                                              {"label-value": 7, "rgba": [0, 255, 255, 255]}],
                                  "source": {"image": "../../"}}})
store_entry("v04_cyx_labels", "image", "uint8", axes_cyx, save_levels("v04_cyx_labels", "image", lv, d),
            channels, labels=["cells"])
store_entry("v04_cells", "image/labels/cells", "uint32", axes_cyx, ld, image_label_colors=[[1, [255, 0, 0, 128]],
                                                                                          [7, [0, 255, 255, 255]]])
expected["stores"]["v04_cells"]["dir"] = "v04_cyx_labels.ome.zarr"

# 0.3: axes as names, no transformations (unit scale).
z, y, x = np.meshgrid(np.arange(4), np.arange(40), np.arange(30), indexing="ij")
zyx = (z * 1000 + y * 10 + x).astype("int32")
axes_zyx = [axis("z", "space"), axis("y", "space"), axis("x", "space")]
root = zarr.open_group(os.path.join(out, "v03_zyx.ome.zarr"), mode="w")
lv = pyramid(zyx, 2, (1, 2))
d = write_image(root, lv, axes_zyx, [1.0, 1.0, 1.0], None, (2, 16, 16), (1, 2), version="0.3")
for level in d:
    level["scale"], level["translation"] = [1.0, 1.0, 1.0], None
store_entry("v03_zyx", "", "int32", axes_zyx, save_levels("v03_zyx", "", lv, d), version="0.3")

# 0.4 plate: rows A-B, columns 1-3, three wells with two fields each, each field a 2-level image.
root = zarr.open_group(os.path.join(out, "v04_plate.ome.zarr"), mode="w")
wells = [("A", "1"), ("A", "2"), ("B", "3")]
rows, columns = ["A", "B"], ["1", "2", "3"]
root.attrs["plate"] = {
    "version": "0.4", "name": "screen", "field_count": 2,
    "rows": [{"name": r} for r in rows], "columns": [{"name": col} for col in columns],
    "acquisitions": [{"id": 0, "name": "first"}],
    "wells": [{"path": "%s/%s" % w, "rowIndex": rows.index(w[0]), "columnIndex": columns.index(w[1])}
              for w in wells]}
plate_fields = []
for wi, (r, col) in enumerate(wells):
    well = root.require_group(r).create_group(col)
    well.attrs["well"] = {"version": "0.4", "images": [{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 0}]}
    for f in range(2):
        yy, xx = np.meshgrid(np.arange(32), np.arange(32), indexing="ij")
        field = (wi * 100 + f * 10 + (yy + xx) % 10).astype("uint16")
        lv = pyramid(field, 2, (0, 1))
        d = write_image(well.create_group(str(f)), lv, axes_yx, [1.0, 1.0], None, (32, 32), (0, 1))
        name = "v04_plate_%s%s_%d" % (r, col, f)
        store_entry(name, "%s/%s/%d" % (r, col, f), "uint16", axes_yx, save_levels(name, "", lv, d))
        expected["stores"][name]["dir"] = "v04_plate.ome.zarr"
expected["plate"] = {"dir": "v04_plate.ome.zarr", "rows": rows, "columns": columns,
                     "wells": ["%s/%s" % w for w in wells], "field_count": 2, "fields": ["0", "1"]}


# Hostile stores: valid Zarr, broken OME metadata; `error` and `field` are what the message says.
def hostile(name, error, field, build):
    root = zarr.open_group(os.path.join(out, name + ".ome.zarr"), mode="w")
    build(root)
    expected["hostile"].append({"dir": name + ".ome.zarr", "image": "", "error": error, "field": field})


small = np.arange(64 * 64, dtype="uint16").reshape(64, 64)


def no_datasets(root):
    root.attrs["multiscales"] = [{"version": "0.4", "axes": axes_yx}]


def axis_count(root):
    write_image(root, pyramid(small, 2, (0, 1)), axes_yx, [1, 1], None, (32, 32), (0, 1))
    entry = root.attrs["multiscales"]
    entry[0]["axes"] = [axis("z", "space")] + axes_yx
    for ds in entry[0]["datasets"]:
        ds["coordinateTransformations"][0]["scale"] = [1, 1, 1]
    root.attrs["multiscales"] = entry


def growing(root):
    write_image(root, [small, np.zeros((128, 64), dtype="uint16")], axes_yx, [1, 1], None, (32, 32), (0, 1))


def missing_level(root):
    write_image(root, [small], axes_yx, [1, 1], None, (32, 32), (0, 1))
    entry = root.attrs["multiscales"]
    entry[0]["datasets"].append({"path": "1", "coordinateTransformations": [{"type": "scale", "scale": [2, 2]}]})
    root.attrs["multiscales"] = entry


def label_cycle(root):
    # Two label images, each naming the other as its source.
    for me, other in (("a", "../b"), ("b", "../a")):
        g = root.create_group(me)
        write_image(g, [small], axes_yx, [1, 1], None, (32, 32), (0, 1),
                    {"image-label": {"version": "0.4", "source": {"image": other}}})


def bad_scale(root):
    write_image(root, [small], axes_yx, [1, 1], None, (32, 32), (0, 1))
    entry = root.attrs["multiscales"]
    entry[0]["datasets"][0]["coordinateTransformations"][0]["scale"] = [1, -2]
    root.attrs["multiscales"] = entry


hostile("bad_no_datasets", "missing", "multiscales[0].datasets", no_datasets)
hostile("bad_axis_count", "has 2 dimensions but axes has 3 entries", "multiscales[0].axes", axis_count)
hostile("bad_growing", "is larger than level", "multiscales[0].datasets[1].path", growing)
hostile("bad_missing_level", "level \"1\" cannot be opened", "multiscales[0].datasets[1].path", missing_level)
hostile("bad_label_cycle", "image-label sources form a cycle", "image-label.source.image", label_cycle)
expected["hostile"][-1]["image"] = "a"
hostile("bad_scale", "positive", "multiscales[0].datasets[0].coordinateTransformations[0].scale", bad_scale)

# 0.5 from the real writer, in its own process (Node); its expectations join ours.
node = shutil.which("node")
if node is None:
    sys.exit("node is missing (apt install nodejs npm; then npm ci in tests/js)")
run = subprocess.run([node, os.path.join(here, "..", "js", "write_ome_05.mjs"), out],
                     capture_output=True, text=True)
if run.returncode != 0:
    sys.exit("write_ome_05.mjs failed (npm ci in tests/js):\n" + run.stderr)
with open(os.path.join(out, "expected_05.json")) as f:
    written = json.load(f)
expected["stores"].update(written["stores"])
expected["writer_05"] = written["writer"]

with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
