#!/usr/bin/python3
"""The store the private-data CLI tests serve from s3rver, Azurite and the embedded server,
written by the real zarr-python 2.13; and the check that an export equals it.

    /usr/bin/python3 make_private_fixtures.py OUTDIR
        OUTDIR/private.zarr (a group "" with attrs, array "a" int32 (12, 10) in (5, 4) chunks,
        group "g" with array "b" float64), OUTDIR/a.npy (what zarr-python reads of "a"),
        OUTDIR/expected.json {"nodes": [paths, sorted], "array": "a", "npy": "a.npy"}
    /usr/bin/python3 make_private_fixtures.py --check-export EXPORTDIR OUTDIR
        exit 0 when zarr-python reads EXPORTDIR (the array itself, or a group holding "a") equal to "a"
"""
import json
import os
import sys

import numpy as np
import zarr
from numcodecs import Zlib


def write(out):
    store = os.path.join(out, "private.zarr")
    root = zarr.open_group(store, mode="w")
    root.attrs["title"] = "private fixture"
    a = root.create_dataset("a", data=(np.arange(120, dtype="<i4") * 7 - 300).reshape(12, 10), chunks=(5, 4),
                            compressor=Zlib(level=1))
    a.attrs["units"] = "K"
    g = root.create_group("g")
    g.create_dataset("b", data=np.linspace(0, 1, 24).reshape(4, 6), chunks=(2, 3))
    np.save(os.path.join(out, "a.npy"), zarr.open_group(store, mode="r")["a"][...])
    nodes = [""]
    zarr.open_group(store, mode="r").visit(nodes.append)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"nodes": sorted(nodes), "array": "a", "npy": "a.npy"}, f)


def check_export(exported, out):
    want = zarr.open_group(os.path.join(out, "private.zarr"), mode="r")["a"][...]
    node = zarr.open(exported, mode="r")
    got = node[...] if isinstance(node, zarr.Array) else node["a"][...]
    if got.dtype != want.dtype or got.shape != want.shape or not np.array_equal(got, want):
        print(f"export differs: {got.dtype} {got.shape} vs {want.dtype} {want.shape}")
        sys.exit(1)


if sys.argv[1] == "--check-export":
    check_export(sys.argv[2], sys.argv[3])
else:
    write(os.path.abspath(sys.argv[1]))
