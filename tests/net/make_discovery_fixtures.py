#!/usr/bin/python3
"""Stores for the discovery tests (tst_http_discovery), run with Debian's /usr/bin/python3.

  src/       zarr v2 store written by zarr-python 2.13 with nested groups and NO .zmetadata:
             uploaded to s3rver by the test, and served by `zarrscope-cli serve --http2`
  v3cons/    a zarr v3 store whose root zarr.json carries inline consolidated metadata
             (zarr-python 2.13 cannot write v3, so the JSON and raw chunks are written here)
  npy/       every array's content as zarr-python (or, for v3cons, numpy) reads it
  expected.json  {"v2_paths": [...], "v2_arrays": {path: npy file}, "v3_paths": [...],
                  "v3_arrays": {...}, "wide_keys": [...]}   node paths as zarr-python lists them ("" = root),
                  and the keys zarr-python's store lists in the 1100-chunk directory
"""
import gzip
import json
import os
import shutil
import sys

import numpy as np
import zarr


def npy_name(prefix, path):
    return "%s_%s.npy" % (prefix, path.replace("/", "__"))


def write_v2(out, npy):
    g = zarr.open_group(out, mode="w")
    g.attrs["title"] = "s3 discovery"
    a = g.create_dataset("a", shape=(40,), chunks=(4,), dtype="<i4")  # default Blosc compressor
    a[:] = np.arange(40, dtype="<i4") * 7 - 100
    s = g.create_dataset("sparse", shape=(12,), chunks=(4,), dtype="<f8", fill_value=-1.0, compressor=None)
    s[0:4] = np.arange(4) + 0.5  # chunks 1 and 2 are never written: absent keys
    gg = g.create_group("g")
    gg.create_group("empty")
    h = gg.create_group("h")
    b = h.create_dataset("b", shape=(3, 3), chunks=(2, 2), dtype="<u1")
    b[:] = np.arange(9, dtype="<u1").reshape(3, 3)
    deep = h.create_group("deep")
    c = deep.create_dataset("c", shape=(5, 7), chunks=(2, 3), dtype="<f4", dimension_separator="/")
    c[:] = np.arange(35, dtype="<f4").reshape(5, 7) / 4
    w = g.create_group("wide")
    many = w.create_dataset("many", shape=(1100,), chunks=(1,), dtype="<i2", compressor=None)
    many[:] = (np.arange(1100) * 3 - 1000).astype("<i2")
    # A plain directory that is not part of the hierarchy.
    os.makedirs(os.path.join(out, "notes"))
    with open(os.path.join(out, "notes", "readme.txt"), "w") as f:
        f.write("not zarr\n")
    assert not os.path.exists(os.path.join(out, ".zmetadata"))

    paths = [""]
    g.visit(paths.append)
    arrays = {}
    for p in paths:
        node = g[p] if p else g
        if isinstance(node, zarr.Array):
            arrays[p] = npy_name("v2", p)
            np.save(os.path.join(npy, arrays[p]), node[...])
    wide_keys = sorted(g.store.listdir("wide/many"))
    return sorted(paths), arrays, wide_keys


def write_json(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)


def v3_array(shape, chunks, dtype, fill, codecs, attrs=None):
    return {
        "zarr_format": 3, "node_type": "array", "shape": list(shape), "data_type": dtype,
        "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": list(chunks)}},
        "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
        "fill_value": fill, "codecs": codecs, "attributes": attrs or {},
    }


def write_v3_chunks(out, path, data, chunks, compress):
    """Default chunk keys c/i/j, edge chunks padded to the full chunk shape (with 0)."""
    grid = [-(-n // c) for n, c in zip(data.shape, chunks)]
    for idx in np.ndindex(*grid):
        block = np.zeros(chunks, dtype=data.dtype)
        sl = tuple(slice(i * c, min((i + 1) * c, n)) for i, c, n in zip(idx, chunks, data.shape))
        part = data[sl]
        block[tuple(slice(0, s) for s in part.shape)] = part
        raw = block.astype(block.dtype.newbyteorder("<")).tobytes(order="C")
        key = os.path.join(out, path, "c", *[str(i) for i in idx])
        os.makedirs(os.path.dirname(key), exist_ok=True)
        with open(key, "wb") as f:
            f.write(gzip.compress(raw) if compress else raw)


def write_v3(out, npy):
    le = [{"name": "bytes", "configuration": {"endian": "little"}}]
    nodes = {
        "x": v3_array((6,), (4,), "int32", 0, le, {"unit": "m"}),
        "grp": {"zarr_format": 3, "node_type": "group", "attributes": {"k": 1}},
        "grp/sub": {"zarr_format": 3, "node_type": "group", "attributes": {}},
        "grp/y": v3_array((3, 5), (2, 2), "uint16", 7,
                          le + [{"name": "gzip", "configuration": {"level": 5}}]),
        "grp/sub/z": v3_array((4,), (4,), "float64", "NaN", le),
    }
    data = {
        "x": np.arange(6, dtype="<i4") * 11,
        "grp/y": (np.arange(15, dtype="<u2") * 100).reshape(3, 5),
        "grp/sub/z": np.array([0.25, -1.5, 1e300, 3.0]),
    }
    for path, doc in nodes.items():
        write_json(os.path.join(out, path, "zarr.json"), doc)
    for path, arr in data.items():
        chunks = nodes[path]["chunk_grid"]["configuration"]["chunk_shape"]
        write_v3_chunks(out, path, arr, chunks, compress=path == "grp/y")
    root = {"zarr_format": 3, "node_type": "group", "attributes": {"title": "v3 consolidated"},
            "consolidated_metadata": {"kind": "inline", "must_understand": False, "metadata": nodes}}
    write_json(os.path.join(out, "zarr.json"), root)
    arrays = {}
    for path, arr in data.items():
        arrays[path] = npy_name("v3", path)
        np.save(os.path.join(npy, arrays[path]), arr)
    return sorted([""] + list(nodes)), arrays


def main(out):
    shutil.rmtree(out, ignore_errors=True)
    npy = os.path.join(out, "npy")
    os.makedirs(npy)
    v2_paths, v2_arrays, wide_keys = write_v2(os.path.join(out, "src"), npy)
    v3_paths, v3_arrays = write_v3(os.path.join(out, "v3cons"), npy)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"v2_paths": v2_paths, "v2_arrays": v2_arrays, "v3_paths": v3_paths, "v3_arrays": v3_arrays,
                   "wide_keys": wide_keys}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
