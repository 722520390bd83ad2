#!/usr/bin/python3
"""Small stores for the zarrscope-cli tests, written by the real zarr-python 2.13.

    /usr/bin/python3 make_cli_fixtures.py OUTDIR

OUTDIR/cli.zarr (also as OUTDIR/cli.zarr.zip), OUTDIR/bad.zarr and OUTDIR/expected.json:
{"nodes": [{path, kind, zarr_format, shape, chunks, dtype, attrs, fill_value, order, compressor}],
 "gets": [{array, select, npy}]}  (npy = what zarr-python reads, relative to OUTDIR)
"""
import json
import os
import sys
import zipfile

import numpy as np
import numcodecs
import zarr
from numcodecs import Blosc, Zlib

OUT = os.path.abspath(sys.argv[1])
os.makedirs(os.path.join(OUT, "npy"), exist_ok=True)
STORE = os.path.join(OUT, "cli.zarr")

root = zarr.open_group(STORE, mode="w")
root.attrs.update({"title": "cli fixtures", "version": 2})
a = root.create_dataset("a", data=(np.arange(600, dtype="<i4") * 3 - 50).reshape(30, 20), chunks=(7, 6),
                        compressor=Zlib(level=3))
a.attrs["units"] = "m"
g = root.create_group("g")
g.attrs["kind"] = "subgroup"
b = g.create_dataset("b", shape=(9, 8), chunks=(4, 3), dtype=">f8", order="F",
                     compressor=Blosc(cname="zstd", shuffle=Blosc.BITSHUFFLE))
b[...] = np.linspace(-1, 1, 72).reshape(9, 8)
sparse = g.create_dataset("sparse", shape=(20, 20), chunks=(5, 5), dtype="<i2", fill_value=-1)
sparse[0:5, 5:12] = 7   # chunks (0,1) and (0,2) only
s = root.create_dataset("s", data=np.array(2.5, dtype="<f4"), shape=())
bench = root.create_dataset("bench", data=np.arange(64 * 64, dtype="<f4").reshape(64, 64), chunks=(8, 8))

nodes = []


def node(path, obj):
    entry = {"path": path, "kind": "array" if isinstance(obj, zarr.Array) else "group", "zarr_format": 2,
             "attrs": obj.attrs.asdict()}
    if isinstance(obj, zarr.Array):
        meta = json.loads(obj.store[(path + "/" if path else "") + ".zarray"])
        entry.update({"shape": list(obj.shape), "chunks": list(obj.chunks), "dtype": meta["dtype"],
                      "fill_value": meta["fill_value"], "order": meta["order"],
                      "compressor": meta["compressor"]["id"] if meta["compressor"] else None})
    nodes.append(entry)


root = zarr.open_group(STORE, mode="r")
node("", root)
root.visititems(node)
nodes.sort(key=lambda n: n["path"])

gets = []
for array, sel, index in [("a", "", Ellipsis), ("a", "2:29:3,-5:", (slice(2, 29, 3), slice(-5, None))),
                          ("a", "-1", -1), ("a", "...,4", (Ellipsis, 4)), ("a", "3,4", (3, 4)),
                          ("a", "5:5,...", (slice(5, 5), Ellipsis)),
                          ("g/b", "", Ellipsis), ("g/b", "1:8:2,::3", (slice(1, 8, 2), slice(None, None, 3))),
                          ("g/sparse", "", Ellipsis), ("g/sparse", "0:6,4:13", (slice(0, 6), slice(4, 13))),
                          ("s", "", Ellipsis), ("bench", "", Ellipsis)]:
    z = root[array]
    name = os.path.join("npy", "%d.npy" % len(gets))
    np.save(os.path.join(OUT, name), np.array(z[index], dtype=z.dtype, order="C"))
    gets.append({"array": array, "select": sel, "npy": name})

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump({"nodes": nodes, "gets": gets}, f, indent=1)

# The same store in a deflated zip archive, by zarr-python's ZipStore: ls/info/get must agree.
zipped = zarr.ZipStore(os.path.join(OUT, "cli.zarr.zip"), mode="w", compression=zipfile.ZIP_DEFLATED)
zarr.copy_store(zarr.DirectoryStore(STORE), zipped)
zipped.close()

# Broken inputs: data errors for the CLI.
BAD = os.path.join(OUT, "bad.zarr")
zarr.open_group(BAD, mode="w")
z = zarr.create(shape=(4, 4), chunks=(2, 2), dtype="<i4", store=BAD, path="unknown_codec")
z[...] = 1
meta_path = os.path.join(BAD, "unknown_codec", ".zarray")
meta = json.load(open(meta_path))
meta["compressor"] = {"id": "nosuchcodec"}
json.dump(meta, open(meta_path, "w"))
z = zarr.create(shape=(4, 4), chunks=(2, 2), dtype="<i4", store=BAD, path="corrupt", compressor=Zlib())
z[...] = 1
with open(os.path.join(BAD, "corrupt", "1.1"), "wb") as f:
    f.write(b"\x78\x9c garbage, not deflate")
zarr.create(shape=(3,), chunks=(2,), dtype=[("x", "<i4"), ("y", "<f8")], store=BAD, path="structured")
# Hand-written metadata zarr-python would accept but nobody can read whole: the reader must refuse
# (16 GiB result limit), not try to plan 1e11 chunks; and a datetime unit NumPy does not know.
for name, meta in [
        ("huge_1e11", {"shape": [100000000000], "chunks": [1], "dtype": "|u1"}),
        ("huge_2d", {"shape": [4000000, 4000000], "chunks": [1, 1], "dtype": "<f8"}),
        ("max_u64_shape", {"shape": [18446744073709551615], "chunks": [1], "dtype": "<i4"}),
        ("bad_datetime_unit", {"shape": [4], "chunks": [2], "dtype": "<M8[fortnight]"})]:
    os.makedirs(os.path.join(BAD, name))
    meta.update({"zarr_format": 2, "order": "C", "compressor": None, "filters": None, "fill_value": 0})
    with open(os.path.join(BAD, name, ".zarray"), "w") as f:
        json.dump(meta, f)
os.makedirs(os.path.join(BAD, "badjson"))
with open(os.path.join(BAD, "badjson", ".zarray"), "w") as f:
    f.write('{"zarr_format": 2, "shape": [4')
