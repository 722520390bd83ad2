#!/usr/bin/python3
"""Writes variable-length string, bytes and json2 fixtures with the real writers.

    /usr/bin/python3 make_string_fixtures.py OUTDIR

v2: zarr-python 2.13 object arrays (object_codec VLenUTF8 / VLenBytes / JSON) and an xarray
Dataset with a string variable (Dataset.to_zarr). v3: zarr.json in zarr-python 3's spelling
("data_type": "string" / "bytes", the vlen-utf8 / vlen-bytes codec, fill_value "") with chunks
encoded by numcodecs through scripts/zarrv3.py, plain and inside sharding_indexed.

OUTDIR/manifest.json: {"reads": [{id, store, array, select, expected}],
                       "errors": [{id, store, array, select, contains}],
                       "v3": [{store, array}]}   (the v3 arrays, for zarrita)
expected/*.npy is what zarr-python (v2) or numpy (v3, from the data written) reads, in the
form `get` writes: strings as <U{n}, bytes as |S{n}, json2 as its strings or JSON texts.
"""

import json
import os
import struct
import sys

import numpy as np
import numcodecs
import xarray as xr
import zarr

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import zarrv3  # noqa: E402

OUT = os.path.abspath(sys.argv[1])
os.makedirs(os.path.join(OUT, "expected"), exist_ok=True)
manifest = {"reads": [], "errors": [], "v3": []}

WORDS = ["", "a", "zarr", "é", "naïve café", "\u20ac\U0001d11e", "日本語テキスト", "x" * 40, "tab\tnew\nline",
         "quote\"back\\slash", "\U0001f600 emoji"]
BLOBS = [b"", b"\x00", b"abc", b"\xff\xfe\x00\x01", b"trailing\x00\x00", b"z" * 33, bytes(range(20))]


def parse_selection(text):
    if text.strip() == "":
        return Ellipsis
    items = []
    for part in text.split(","):
        part = part.strip()
        if part == "...":
            items.append(Ellipsis)
        elif ":" in part:
            items.append(slice(*[int(p) if p.strip() else None for p in part.split(":")]))
        else:
            items.append(int(part))
    return tuple(items)


def fixed_width(values, kind):
    """What `get` writes for these items: <U{n} / |S{n}, n the longest item, at least 1."""
    if isinstance(values, np.ndarray):
        arr = np.asarray(values, dtype=object)
    else:  # zarr-python returns a 0-d selection's item itself, which may be a list (json2)
        arr = np.empty((), dtype=object)
        arr[()] = values
    flat = list(arr.reshape(-1))
    if kind == "json2":
        if flat and all(isinstance(v, str) for v in flat):
            kind = "string"
        else:
            flat = [json.dumps(v, separators=(",", ":"), sort_keys=True, ensure_ascii=False) for v in flat]
            kind = "string"
    if kind == "string":
        n = max([len(v) for v in flat] + [1])
        return np.array(flat, dtype="<U%d" % n).reshape(arr.shape)
    n = max([len(v) for v in flat] + [1])
    return np.array(flat, dtype="|S%d" % n).reshape(arr.shape)


def record(store, array, select, expected):
    n = len(manifest["reads"])
    fname = os.path.join(OUT, "expected", "%04d.npy" % n)
    np.save(fname, expected)
    manifest["reads"].append({"id": "%s:%s[%s]" % (store, array, select), "store": store, "array": array,
                              "select": select, "expected": os.path.relpath(fname, OUT)})


def selections(shape):
    nd = len(shape)
    if nd == 0:
        return [""]
    sels = ["", ",".join(["1:-1:2"] * nd), ",".join(["::3"] * nd), "-1" + (",..." if nd > 1 else ""),
            ",".join(["0"] * nd), "2:2" + (",..." if nd > 1 else "")]
    if nd >= 2:
        sels.append("1,...")
    return sels


def v2_array(name, data, chunks, codec, kind, **kwargs):
    """zarr-python 2.13 writes it; what it reads back for each selection is the oracle."""
    path = os.path.join(OUT, "v2.zarr")
    z = zarr.open_array(path, mode="w" if not os.path.exists(path) else "a", path=name, shape=data.shape,
                        chunks=chunks, dtype=object, object_codec=codec, **kwargs)
    z[...] = data
    z = zarr.open_array(path, path=name, mode="r")
    for sel in selections(data.shape):
        record("v2.zarr", name, sel, fixed_width(z[parse_selection(sel)], kind))
    return z


def words(shape, seed):
    n = int(np.prod(shape)) if shape else 1
    return np.array([WORDS[(i * 7 + seed) % len(WORDS)] + ("" if i % 3 else str(i)) for i in range(n)],
                    dtype=object).reshape(shape)


def blobs(shape, seed):
    n = int(np.prod(shape)) if shape else 1
    return np.array([BLOBS[(i * 5 + seed) % len(BLOBS)] + bytes([i % 256]) * (i % 2) for i in range(n)],
                    dtype=object).reshape(shape)


zarr.open_group(os.path.join(OUT, "v2.zarr"), mode="w")
U8, VB, J = numcodecs.VLenUTF8(), numcodecs.VLenBytes(), numcodecs.JSON()
v2_array("utf8_1d", words((23,), 0), (5,), U8, "string")
v2_array("utf8_2d_zlib", words((7, 6), 1), (3, 4), U8, "string", compressor=numcodecs.Zlib(level=3))
v2_array("utf8_2d_F", words((7, 6), 2), (3, 4), U8, "string", order="F")
v2_array("utf8_3d_nocomp", words((4, 5, 6), 3), (2, 3, 4), U8, "string", compressor=None)
v2_array("utf8_0d", words((), 4), (), U8, "string")
v2_array("bytes_1d_zstd", blobs((19,), 0), (4,), VB, "bytes", compressor=numcodecs.Zstd(level=3))
v2_array("bytes_2d", blobs((6, 5), 1), (4, 2), VB, "bytes")
v2_array("json_strings_2d", words((5, 4), 5), (2, 3), J, "json2", compressor=numcodecs.Zlib())
# NaN and Infinity: numcodecs' JSON allows them (Python's tokens), and so does the JSON text we print.
mixed = np.empty((11,), dtype=object)
for i, v in enumerate(["s", 1, 2.5, None, True, {"k": [1, "two"], "a": {"b": None}}, [1, 2, 3], "é\u20ac", -7,
                       float("nan"), [float("-inf"), 0.5]]):
    mixed[i] = v
v2_array("json_mixed_1d", mixed, (4,), J, "json2", compressor=None)

# Categorize of object dtype instead of an object codec (zarr-python warns but writes it):
# codes in u1 / big-endian u2, 0 for values that are not labels.
CAT = np.array(["apple", "fig", "", "kiwi\u00e9", "pear", "fig", "apple"] * 3, dtype=object)
v2_array("categorize_u1", CAT, (4,), None, "string",
         filters=[numcodecs.Categorize(["fig", "apple", "kiwi\u00e9"], dtype=object, astype="u1")])
v2_array("categorize_be_u2_zlib", CAT.reshape(3, 7), (2, 3), None, "string", compressor=numcodecs.Zlib(),
         filters=[numcodecs.Categorize(["kiwi\u00e9", "fig", "apple", "pear"], dtype=object, astype=">u2")])

# Missing chunks: with a string fill value zarr-python reads them as that string.
z = zarr.open_array(os.path.join(OUT, "v2.zarr"), mode="a", path="utf8_fill", shape=(12,), chunks=(4,),
                    dtype=object, object_codec=U8, fill_value="-")
z[4:8] = words((4,), 6)
z = zarr.open_array(os.path.join(OUT, "v2.zarr"), path="utf8_fill", mode="r")
for sel in ["", "2:10", "9"]:
    record("v2.zarr", "utf8_fill", sel, fixed_width(z[parse_selection(sel)], "string"))

# Long strings that compress to almost nothing: a read's result limit must count their bytes.
z = zarr.open_array(os.path.join(OUT, "v2.zarr"), mode="a", path="long_strings", shape=(8,), chunks=(4,),
                    dtype=object, object_codec=U8, compressor=numcodecs.Zlib())
z[...] = np.array([c * (1 << 20) for c in "abcdefgh"], dtype=object)

# xarray: a Dataset with a string variable, consolidated, as users write it.
ds = xr.Dataset(
    {"station": ("x", np.array(["Zürich", "Genève", "", "Lugano-Agno", "São Paulo"], dtype=object)),
     "temperature": (("time", "x"), np.arange(15.0).reshape(3, 5))},
    coords={"x": np.arange(5), "time": np.arange(3)})
ds["temperature"].attrs["units"] = "K"
ds.to_zarr(os.path.join(OUT, "xarray.zarr"), mode="w", consolidated=True)
back = xr.open_zarr(os.path.join(OUT, "xarray.zarr"))
record("xarray.zarr", "station", "", fixed_width(back["station"].values, "string"))
record("xarray.zarr", "station", "1:4", fixed_width(back["station"].values[1:4], "string"))
record("xarray.zarr", "temperature", "", back["temperature"].values)

# ----------------------------------------------------------------------------------- v3
V3 = os.path.join(OUT, "v3.zarr")
zarrv3.write_json(os.path.join(V3, "zarr.json"), zarrv3.group_doc({"written_by": "make_string_fixtures.py"}))


def v3_array(name, data, chunks, codecs, data_type, missing=(), fill=""):
    """zarr.json as zarr-python 3 spells it (fill_value ""); chunks at the full chunk shape,
    padded with the fill. `fill` may also be the bytes spec's list of byte values."""
    fill_item = fill if data_type == "string" else bytes(fill) if isinstance(fill, list) else fill.encode()
    doc = {"zarr_format": 3, "node_type": "array", "shape": list(data.shape), "data_type": data_type,
           "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": list(chunks)}},
           "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
           "fill_value": fill, "codecs": codecs, "attributes": {}, "storage_transformers": []}
    zarrv3.write_json(os.path.join(V3, name, "zarr.json"), doc)
    grid = [-(-s // c) for s, c in zip(data.shape, chunks)]
    expected = data.copy()
    for coord in np.ndindex(*grid):
        sl = tuple(slice(i * c, min((i + 1) * c, s)) for i, c, s in zip(coord, chunks, data.shape))
        if coord in missing:
            expected[sl] = fill_item
            continue
        padded = np.full(chunks, fill_item, dtype=object)
        padded[tuple(slice(0, s.stop - s.start) for s in sl)] = data[sl]
        enc, _ = zarrv3.encode_chunk(codecs, padded, np.array(fill_item, dtype=object))
        key = os.path.join(V3, name, zarrv3.chunk_key(doc["chunk_key_encoding"], coord))
        os.makedirs(os.path.dirname(key), exist_ok=True)
        with open(key, "wb") as f:
            f.write(enc)
    kind = "string" if data_type == "string" else "bytes"  # bytes or variable_length_bytes
    for sel in selections(data.shape):
        record("v3.zarr", name, sel, fixed_width(expected[parse_selection(sel)], kind))
    manifest["v3"].append({"store": "v3.zarr", "array": name})


VLEN_U8 = [{"name": "vlen-utf8", "configuration": {}}]
VLEN_B = [{"name": "vlen-bytes", "configuration": {}}]
ZSTD = {"name": "zstd", "configuration": {"level": 0, "checksum": False}}
v3_array("string_1d", words((17,), 7), (5,), VLEN_U8 + [ZSTD], "string")
v3_array("string_2d_missing", words((6, 7), 8), (4, 3), VLEN_U8, "string", missing={(1, 2), (0, 0)})
v3_array("bytes_2d", blobs((5, 6), 2), (2, 4), VLEN_B + [{"name": "gzip", "configuration": {"level": 5}}], "bytes")
# The bytes data type spec's fill value (a list of byte values), and zarr-python 3.1's name for it.
v3_array("bytes_list_fill", blobs((7,), 4), (3,), VLEN_B, "bytes", missing={(1,)}, fill=[120, 0])
v3_array("variable_length_bytes", blobs((5,), 5), (2,), VLEN_B, "variable_length_bytes", missing={(0,)})


def sharded(inner, codecs, location="end"):
    return [{"name": "sharding_indexed", "configuration": {
        "chunk_shape": list(inner), "codecs": codecs,
        "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}],
        "index_location": location}}]


v3_array("string_sharded", words((9, 8), 9), (6, 4), sharded((3, 2), VLEN_U8 + [ZSTD]), "string",
         missing={(1, 1)})
v3_array("bytes_sharded_start", blobs((8,), 3), (4,), sharded((2,), VLEN_B, "start"), "bytes")

# ----------------------------------------------------------------------------------- hostile
BAD = os.path.join(OUT, "bad.zarr")
zarr.open_group(BAD, mode="w")


def bad_chunk(name, payload, contains, codec=U8, shape=(4,), chunks=(4,), compressor=None, **kw):
    """A valid array written by zarr-python whose first chunk is then replaced by `payload`."""
    z = zarr.open_array(BAD, mode="a", path=name, shape=shape, chunks=chunks, dtype=object,
                        object_codec=codec, compressor=compressor, **kw)
    z[...] = words(shape, 0) if codec is not VB else blobs(shape, 0)
    if payload is not None:
        with open(os.path.join(BAD, name, ".".join(["0"] * len(shape))), "wb") as f:
            f.write(payload)
    manifest["errors"].append({"id": "bad.zarr:" + name, "store": "bad.zarr", "array": name, "select": "",
                               "contains": contains})


def vlen(items, count=None):
    out = struct.pack("<I", len(items) if count is None else count)
    for it in items:
        out += struct.pack("<I", len(it)) + it
    return out


bad_chunk("count_mismatch", vlen([b"a", b"b", b"c"]), "3 items")
bad_chunk("huge_count", struct.pack("<I", 4) + b"\x01\x00", "cannot hold 4 items")
bad_chunk("huge_count_many", vlen([b"a"] * 4, count=0xFFFFFFFF), "4294967295 items")
bad_chunk("length_beyond_end", vlen([b"a", b"b", b"c"], count=4) + struct.pack("<I", 0x7FFFFFFF) + b"xy",
          "item 3 declares 2147483647 bytes, 2 remain")
bad_chunk("truncated_header", b"\x04\x00", "shorter than the 4-byte item count")
bad_chunk("bad_utf8", vlen([b"ok", b"\xc3\x28", b"x", b"y"]), "not valid UTF-8")
bad_chunk("overlong_utf8", vlen([b"ok", b"\xc0\xaf", b"x", b"y"]), "not valid UTF-8")
bad_chunk("json_not_list", b'{"a": 1}', "not a list", codec=J)
bad_chunk("json_wrong_shape", b'["a","b","|O",[5]]', "the chunk has 4 elements", codec=J)
bad_chunk("json_wrong_nesting", b'["a","b","c","d","|O",[2,2]]', "dimension 0 has 4 items", codec=J,
          shape=(2, 2), chunks=(2, 2))
bad_chunk("json_invalid", b'["a","b"', "json2", codec=J)
bad_chunk("json_deep", b"[" * 100000 + b"]" * 100000, "json2", codec=J)
z = zarr.open_array(BAD, mode="a", path="categorize_bad_code", shape=(4,), chunks=(4,), dtype=object,
                    compressor=None, filters=[numcodecs.Categorize(["a", "b"], dtype=object)])
z[...] = np.array(["a", "b", "a", "b"], dtype=object)
with open(os.path.join(BAD, "categorize_bad_code", "0"), "wb") as f:
    f.write(bytes([1, 2, 9, 0]))
manifest["errors"].append({"id": "bad.zarr:categorize_bad_code", "store": "bad.zarr", "array": "categorize_bad_code",
                           "select": "", "contains": "element 2 has code 9, there are 2 labels"})
# Object codecs that are refused by name, and an object array without one.
for name, codec, contains in (("pickle", numcodecs.Pickle(), "pickle"), ("vlen_array", numcodecs.VLenArray("<i4"),
                                                                         "vlen-array")):
    zarr.open_array(BAD, mode="a", path=name, shape=(3,), chunks=(3,), dtype=object, object_codec=codec)
    manifest["errors"].append({"id": "bad.zarr:" + name, "store": "bad.zarr", "array": name, "select": "",
                               "contains": contains})
zarr.open_array(BAD, mode="a", path="no_object_codec", shape=(3,), chunks=(3,), dtype="<i4", compressor=None)
zmeta = os.path.join(BAD, "no_object_codec", ".zarray")
meta = json.load(open(zmeta))
meta["dtype"] = "|O"
json.dump(meta, open(zmeta, "w"))
manifest["errors"].append({"id": "bad.zarr:no_object_codec", "store": "bad.zarr", "array": "no_object_codec",
                           "select": "", "contains": "no object codec"})
# A v3 string array whose codec is `bytes`: its handles would be read as the data.
doc = {"zarr_format": 3, "node_type": "array", "shape": [4], "data_type": "string",
       "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [4]}},
       "chunk_key_encoding": {"name": "default"}, "fill_value": "",
       "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "attributes": {}}
zarrv3.write_json(os.path.join(V3, "wrong_codec", "zarr.json"), doc)
manifest["errors"].append({"id": "v3.zarr:wrong_codec", "store": "v3.zarr", "array": "wrong_codec", "select": "",
                           "contains": "needs the vlen-utf8 codec"})

with open(os.path.join(OUT, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
print("wrote %d reads and %d error cases to %s" % (len(manifest["reads"]), len(manifest["errors"]), OUT))
