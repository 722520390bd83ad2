#!/usr/bin/python3
"""Stores as the ecosystem writes them, for issue 13's "open every store" CLI tests.

    /usr/bin/python3 make_ecosystem_fixtures.py OUTDIR

Written by the real writers (zarr-python 2.13, xarray from Debian, scripts/zarrv3.py for v3),
then, where a case needs it, one document is spoiled the way real stores are spoiled.

OUTDIR/expected.json:
{"listings": [{"store", "good": [paths], "bad": {path: text the error must contain}}],
 "reads":    [{"store", "array", "npy"}]    npy = what zarr-python itself reads
 "refusals": [{"store", "array", "contains"}]}
"""
import json
import os
import sys

import numpy as np
import numcodecs
import xarray as xr
import zarr

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from zarrv3 import chunk_key, encode_chunk, fill_scalar, group_doc, write_json  # noqa: E402

OUT = os.path.abspath(sys.argv[1])
os.makedirs(os.path.join(OUT, "npy"), exist_ok=True)
expected = {"listings": [], "reads": [], "refusals": []}


def spoil(path, text):
    with open(path, "w") as f:
        f.write(text)


def patch_json(path, change):
    doc = json.load(open(path))
    change(doc)
    with open(path, "w") as f:
        json.dump(doc, f, indent=4)


def oracle(store, array):
    """What zarr-python reads for the whole array, saved as the expected .npy."""
    name = "%s-%s.npy" % (os.path.basename(store), array.replace("/", "_"))
    np.save(os.path.join(OUT, "npy", name), zarr.open_array(store, mode="r", path=array)[...])
    expected["reads"].append({"store": store, "array": array, "npy": os.path.join(OUT, "npy", name)})


# ------------------------------------------------------------ a v2 hierarchy with bad nodes
def write_mixed(path):
    root = zarr.open_group(path, mode="w")
    for i in range(30):
        root.create_dataset("a%02d" % i, data=np.arange(i, i + 12, dtype="<i4").reshape(3, 4), chunks=(2, 2))
    # Supported by zarr-python, not by us: a codec and a structured data type.
    root.create_dataset("lzma", data=np.arange(10, dtype="<i2"), compressor=numcodecs.LZMA())
    root.create_dataset("structured", shape=(4,), dtype=[("a", "<i4"), ("b", "<f8")])
    root.create_dataset("broken_json", data=np.arange(4, dtype="<u1"))
    root.create_dataset("bad_attrs", data=np.arange(4, dtype="<u1"))
    sub = root.create_group("sub")
    sub.create_dataset("ok", data=np.linspace(0, 1, 9, dtype="<f8").reshape(3, 3), chunks=(2, 2))
    sub.create_dataset("deep_bad", data=np.arange(3, dtype="<i8"), compressor=numcodecs.LZMA())
    badgroup = root.create_group("badgroup")
    badgroup.create_dataset("child", data=np.arange(5, dtype="<i2"))
    return root


mixed = os.path.join(OUT, "mixed.zarr")
write_mixed(mixed)
oracle(mixed, "a00")
oracle(mixed, "sub/ok")
oracle(mixed, "badgroup/child")
spoil(os.path.join(mixed, "broken_json", ".zarray"), '{"zarr_format": 2, "shape": [4], ')
spoil(os.path.join(mixed, "bad_attrs", ".zattrs"), "{not json")
spoil(os.path.join(mixed, "badgroup", ".zgroup"), "[")
good = ["", "sub", "sub/ok", "badgroup/child"] + ["a%02d" % i for i in range(30)]
expected["listings"].append({"store": mixed, "good": good, "bad": {
    "lzma": "lzma/.zarray", "structured": "structured/.zarray", "broken_json": "broken_json/.zarray",
    "bad_attrs": "bad_attrs/.zattrs", "sub/deep_bad": "sub/deep_bad/.zarray", "badgroup": "badgroup/.zgroup"}})
expected["refusals"] += [{"store": mixed, "array": "lzma", "contains": "lzma"},
                         {"store": mixed, "array": "broken_json", "contains": "broken_json/.zarray"}]

# The same hierarchy with consolidated metadata, two entries of it spoiled.
cons = os.path.join(OUT, "mixed_consolidated.zarr")
write_mixed(cons)
zarr.consolidate_metadata(cons)
oracle(cons, "a00")
oracle(cons, "sub/ok")


def spoil_entries(doc):
    doc["metadata"]["a27/.zarray"]["dtype"] = "<q9"
    doc["metadata"]["bad_attrs/.zattrs"] = [1, 2]


patch_json(os.path.join(cons, ".zmetadata"), spoil_entries)
good = ["", "sub", "sub/ok", "broken_json", "badgroup", "badgroup/child"] + ["a%02d" % i for i in range(30) if i != 27]
expected["listings"].append({"store": cons, "good": good, "bad": {
    "lzma": ".zmetadata", "structured": ".zmetadata", "a27": "a27/.zarray", "bad_attrs": ".zattrs",
    "sub/deep_bad": "sub/deep_bad/.zarray"}})

# ------------------------------------------------------------ NaN and Infinity tokens (xarray)
nan_store = os.path.join(OUT, "xr_nan.zarr")
ds = xr.Dataset({"t2m": (("time", "x"), np.arange(12, dtype="f4").reshape(4, 3))}, coords={"x": [10, 20, 30]})
ds["t2m"][1, 1] = np.nan
ds["t2m"].attrs.update(valid_max=np.nan, valid_min=-np.inf, top=np.inf, units="K")
ds["t2m"].encoding["_FillValue"] = np.nan
ds.attrs["title"] = "nan tokens"
ds.to_zarr(nan_store, mode="w", consolidated=True)
text = open(os.path.join(nan_store, "t2m", ".zattrs")).read()
assert "NaN" in text and "-Infinity" in text, "xarray no longer writes bare NaN tokens: " + text
oracle(nan_store, "t2m")
expected["listings"].append({"store": nan_store, "good": ["", "t2m", "x"], "bad": {}})

# ------------------------------------------------------------ fill values older writers produced
lenient = os.path.join(OUT, "lenient_fill.zarr")
root = zarr.open_group(lenient, mode="w")
u4 = root.create_dataset("u4", shape=(6,), chunks=(2,), dtype="<U4")
u4[0:2] = ["ab", "wxyz"]  # chunks 1 and 2 are never written: they read as the fill value
s3 = root.create_dataset("s3", shape=(4,), chunks=(2,), dtype="|S3")
s3[0:2] = [b"x", b"yz"]
flag = root.create_dataset("flag", shape=(4,), chunks=(2,), dtype="|b1")
flag[0:2] = [False, False]
for name, fill in (("u4", 0), ("s3", 0), ("flag", 5)):
    patch_json(os.path.join(lenient, name, ".zarray"), lambda d, fill=fill: d.update(fill_value=fill))
    oracle(lenient, name)  # zarr-python 2.13 reads the patched metadata: it is the oracle
expected["listings"].append({"store": lenient, "good": ["", "u4", "s3", "flag"], "bad": {}})

# ------------------------------------------------------------ v3 extensions that may be ignored
def write_v3(path, extra):
    data = np.arange(6, dtype="<i4")
    codecs = [{"name": "bytes", "configuration": {"endian": "little"}}]
    enc = {"name": "default", "configuration": {"separator": "/"}}
    doc = {"zarr_format": 3, "node_type": "array", "shape": [6], "data_type": "int32",
           "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [3]}},
           "chunk_key_encoding": enc, "fill_value": 0, "codecs": codecs, "attributes": {}}
    doc.update(extra)
    write_json(os.path.join(path, "zarr.json"), group_doc())
    write_json(os.path.join(path, "x", "zarr.json"), doc)
    for i in range(2):
        chunk, _ = encode_chunk(codecs, data[i * 3:(i + 1) * 3], fill_scalar(0, data.dtype))
        key = os.path.join(path, "x", chunk_key(enc, (i,)))
        os.makedirs(os.path.dirname(key), exist_ok=True)
        open(key, "wb").write(chunk)
    np.save(os.path.join(OUT, "npy", os.path.basename(path) + "-x.npy"), data)


optional = os.path.join(OUT, "v3_optional_ext.zarr")
write_v3(optional, {"storage_transformers": [{"name": "x-cache-hint", "must_understand": False}],
                    "x-provenance": {"must_understand": False, "tool": "test"}})
expected["reads"].append({"store": optional, "array": "x", "npy": os.path.join(OUT, "npy", "v3_optional_ext.zarr-x.npy")})
required = os.path.join(OUT, "v3_required_ext.zarr")
write_v3(required, {"storage_transformers": [{"name": "x-remap", "must_understand": True}]})
expected["refusals"].append({"store": required, "array": "x", "contains": "x-remap"})

# v3 consolidated metadata (as zarr-python 3 writes it into the root zarr.json), one entry unsupported.
cons3 = os.path.join(OUT, "v3_consolidated.zarr")
write_v3(cons3, {})
good_doc = json.load(open(os.path.join(cons3, "x", "zarr.json")))
bad_doc = dict(good_doc, codecs=good_doc["codecs"] + [{"name": "numcodecs.lzma", "configuration": {}}])
root_doc = dict(group_doc(), consolidated_metadata={"kind": "inline", "must_understand": False,
                                                    "metadata": {"x": good_doc, "y": bad_doc}})
write_json(os.path.join(cons3, "zarr.json"), root_doc)
expected["listings"].append({"store": cons3, "good": ["", "x"], "bad": {"y": "zarr.json: y"}, "format": 3})
expected["reads"].append({"store": cons3, "array": "x", "npy": os.path.join(OUT, "npy", "v3_consolidated.zarr-x.npy")})

json.dump(expected, open(os.path.join(OUT, "expected.json"), "w"), indent=1)
