#!/usr/bin/python3
"""Source stores for the export tests, written by the real zarr-python 2.13.

    /usr/bin/python3 make_export_fixtures.py OUTDIR

OUTDIR/src.zarr: a v2 hierarchy with attributes, a partly written array (missing chunks),
F order, big-endian, a byte filter, "/" separators, a 0-d array and a larger array.
OUTDIR/hostile_*.zarr: consolidated metadata naming paths outside the store.
"""
import json
import os
import sys

import numpy as np
import zarr
from numcodecs import LZ4, Blosc, Shuffle, Zlib, Zstd

OUT = os.path.abspath(sys.argv[1])
os.makedirs(OUT, exist_ok=True)

root = zarr.open_group(os.path.join(OUT, "src.zarr"), mode="w")
root.attrs.update({"title": "export source", "n": 3})
a = root.create_dataset("a", shape=(40, 30), chunks=(16, 10), dtype="<i4", fill_value=0,
                        compressor=Blosc(cname="lz4", shuffle=Blosc.SHUFFLE))
a[0:32, :] = np.arange(32 * 30, dtype="<i4").reshape(32, 30) * 7 - 100  # rows 32..39: chunks never written
a.attrs["units"] = "counts"
g = root.create_group("g")
g.attrs["kind"] = "subgroup"
b = g.create_dataset("b", shape=(17, 13), chunks=(5, 4), dtype=">u2", order="F", fill_value=7,
                     compressor=Zstd(level=3))
b[...] = (np.arange(17 * 13) * 11 % 65000).reshape(17, 13)
b.attrs.update({"units": "m", "_ARRAY_DIMENSIONS": ["y", "x"]})
c = g.create_dataset("c", shape=(25,), chunks=(7,), dtype="<f8", fill_value=float("nan"),
                     compressor=Zlib(level=2), filters=[Shuffle(elementsize=8)])
c[0:20] = np.linspace(-3, 3, 20)
h = g.create_group("h")
d = h.create_dataset("d", shape=(4, 5, 6), chunks=(2, 2, 3), dtype="|u1", compressor=LZ4(),
                     dimension_separator="/")
d[...] = (np.arange(120) % 251).reshape(4, 5, 6)
root.create_dataset("s", data=np.array(2.5, dtype="<f4"), shape=())
big = root.create_dataset("big", shape=(200, 300), chunks=(25, 30), dtype="<f4",
                          compressor=Blosc(cname="zstd", clevel=3, shuffle=Blosc.BITSHUFFLE))
yy, xx = np.mgrid[0:200, 0:300]
big[...] = (np.sin(yy / 13.0) * np.cos(xx / 7.0) * 1000).astype("<f4")

# Consolidated metadata that names nodes outside the store (or unreachable spellings).
for name, bad in [("dotdot", "../evil"), ("absolute", "/tmp/zarrscope-evil"), ("empty_segment", "x//y"),
                  ("inner_dotdot", "ok/../../evil")]:
    path = os.path.join(OUT, "hostile_%s.zarr" % name)
    hg = zarr.open_group(path, mode="w")
    hg.create_dataset("ok", data=np.arange(10, dtype="<i2"), chunks=(5,))
    zarr.consolidate_metadata(path)
    with open(os.path.join(path, ".zmetadata")) as f:
        doc = json.load(f)
    doc["metadata"][bad + "/.zarray"] = doc["metadata"]["ok/.zarray"]
    doc["metadata"][bad + "/.zattrs"] = {"planted": True}
    with open(os.path.join(path, ".zmetadata"), "w") as f:
        json.dump(doc, f)
print("ok")
