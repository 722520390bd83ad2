#!/usr/bin/python3
"""Stores for the concurrent discovery tests (tst_concurrent_discovery), run with Debian's
/usr/bin/python3. zarr-python 2.13 writes the v2 parts; v3 documents (which it cannot write) and
the broken documents are written here by hand.

  nested_v2/     3 groups x 2 subgroups x 2 arrays, an empty group, a plain directory (notes/), a plain
                 directory with a group below it (not part of the hierarchy), no .zmetadata
  v3/            zarr.json groups and arrays, chunk directories under the arrays
  mixed/         a v2 root holding a v3 group, a directory with both zarr.json and .zarray (v3 wins)
  errors/        unparsable .zarray, an unsupported codec, unparsable .zattrs, a v3 array without a
                 shape, a directory the test makes unlistable, and good nodes beside them
  consolidated/  nested_v2 with .zmetadata
  deep/          groups nested 66 levels: the walk stops at 64
  expected.json  {store: [node paths a walk must find, sorted]}
"""
import json
import os
import shutil
import sys

import numpy as np
import zarr

ARRAY_V3 = {"zarr_format": 3, "node_type": "array", "shape": [4], "data_type": "int32",
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2]}},
            "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
            "fill_value": 0, "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
            "attributes": {"units": "m"}}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def v3_group(path, attrs=None):
    write(os.path.join(path, "zarr.json"),
          json.dumps({"zarr_format": 3, "node_type": "group", "attributes": attrs or {}}))


def v3_array(path):
    write(os.path.join(path, "zarr.json"), json.dumps(ARRAY_V3))
    write(os.path.join(path, "c", "0"), "\0" * 8)  # a chunk directory the walk must not enter


def nested_v2(out):
    root = zarr.open_group(out, mode="w")
    root.attrs["title"] = "nested"
    for g in range(3):
        grp = root.create_group("g%d" % g)
        grp.attrs["index"] = g
        for s in range(2):
            sub = grp.create_group("s%d" % s)
            for a in range(2):
                arr = sub.create_dataset("a%d" % a, shape=(6, 4), chunks=(3, 2), dtype="<i4",
                                         dimension_separator="/" if a else ".")
                arr[:] = np.arange(24, dtype="<i4").reshape(6, 4) + g
    root["g1"].create_group("empty")
    write(os.path.join(out, "notes", "readme.txt"), "not zarr\n")
    zarr.open_group(os.path.join(out, "plain", "inner"), mode="w")  # below a plain directory: not found


def v3(out):
    v3_group(out, {"title": "v3"})
    v3_group(os.path.join(out, "grp"), {"k": 1})
    v3_array(os.path.join(out, "grp", "arr"))
    v3_group(os.path.join(out, "grp", "sub"))
    v3_array(os.path.join(out, "grp", "sub", "leaf"))
    v3_array(os.path.join(out, "top"))


def mixed(out):
    root = zarr.open_group(out, mode="w")
    root.create_dataset("v2arr", shape=(4,), chunks=(2,), dtype="<f8")
    v3_group(os.path.join(out, "v3g"))
    v3_array(os.path.join(out, "v3g", "inner"))
    both = os.path.join(out, "both")
    zarr.open_array(both, mode="w", shape=(3,), chunks=(3,), dtype="<u1")
    v3_array(both)  # zarr.json beside .zarray: zarr.json decides


def errors(out):
    root = zarr.open_group(out, mode="w")
    root.create_dataset("good", shape=(4,), chunks=(2,), dtype="<i2")
    write(os.path.join(out, "badjson", ".zarray"), '{"zarr_format": 2, "shape": [4')
    zarr.open_array(os.path.join(out, "lzma"), mode="w", shape=(4,), chunks=(2,), dtype="<i2")
    with open(os.path.join(out, "lzma", ".zarray")) as f:
        meta = json.load(f)
    meta["compressor"] = {"id": "lzma", "format": 1, "check": -1, "preset": None, "filters": None}
    write(os.path.join(out, "lzma", ".zarray"), json.dumps(meta))
    zarr.open_group(os.path.join(out, "badattrs"), mode="w")
    write(os.path.join(out, "badattrs", ".zattrs"), "{nope")
    write(os.path.join(out, "v3bad", "zarr.json"),
          json.dumps({"zarr_format": 3, "node_type": "array", "data_type": "int8"}))
    unlistable = zarr.open_group(os.path.join(out, "unlistable"), mode="w")
    unlistable.create_dataset("x", shape=(2,), dtype="<i1")


def deep(out):
    path = out
    for _ in range(67):
        zarr.open_group(path, mode="w")
        path = os.path.join(path, "d")


def node_paths(root):
    """Every directory with metadata reachable through directories with metadata, not inside arrays."""
    found = []

    def visit(rel, depth):
        d = os.path.join(root, rel)
        names = set(os.listdir(d))
        if not names & {"zarr.json", ".zarray", ".zgroup"}:
            return
        found.append(rel)
        kind = None
        if "zarr.json" in names:
            with open(os.path.join(d, "zarr.json")) as f:
                try:
                    kind = json.load(f).get("node_type")
                except ValueError:
                    kind = None
        elif ".zarray" in names:
            kind = "array"
        if kind == "array":
            return
        for n in sorted(names):
            if os.path.isdir(os.path.join(d, n)):
                child = n if not rel else rel + "/" + n
                if depth >= 64:
                    found.append(child)  # reported as nested too deep
                else:
                    visit(child, depth + 1)

    visit("", 0)
    return sorted(found)


def main(out):
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for name, fn in [("nested_v2", nested_v2), ("v3", v3), ("mixed", mixed), ("errors", errors), ("deep", deep)]:
        fn(os.path.join(out, name))
    shutil.copytree(os.path.join(out, "nested_v2"), os.path.join(out, "consolidated"))
    zarr.consolidate_metadata(os.path.join(out, "consolidated"))
    expected = {n: node_paths(os.path.join(out, n)) for n in ["nested_v2", "v3", "mixed", "errors", "deep"]}
    # .zmetadata names every node document in the store, the group below the plain directory too.
    with open(os.path.join(out, "consolidated", ".zmetadata")) as f:
        keys = json.load(f)["metadata"]
    expected["consolidated"] = sorted(k.rpartition("/")[0] for k in keys if k.endswith((".zarray", ".zgroup")))
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
