#!/usr/bin/python3
"""Writes Zarr v3 conformance fixtures (zarr-python 2.13 writes no v3).

Usage: /usr/bin/python3 make_v3_fixtures.py OUTDIR

The writing itself is scripts/zarrv3.py (numpy + numcodecs, its own crc32c), which
follows the Zarr v3 core spec and the codec specs.

It writes OUTDIR/<store>.zarr stores, OUTDIR/expected/*.npy (little-endian numpy
arrays of what a reader must return) and OUTDIR/manifest.json:

  {"entries": [{"name", "store", "array", "select", "expected", "dtype",
                "dimension_names", "zarrita", "zarrita_skip"}],
   "hierarchies": [{"store", "consolidated", "paths", "nodes": {path: {"kind", "attributes"}}}]}

"select" is NumPy basic-indexing text ("" = everything); "expected" is the .npy of
full_array[select] computed by numpy; "zarrita" says whether zarrita 0.7 can read
the array (it lacks float16 on Node 20, complex types, hex fill values, and reads
the shard index only from the end).
"""

import json
import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from zarrv3 import *  # noqa: E402,F401,F403  the writer: encode_chunk, write_json, chunk_key, ...


class Fixtures:
    def __init__(self, outdir: str):
        self.outdir = outdir
        self.entries = []
        self.nodes = {}  # store -> {path: doc}
        os.makedirs(os.path.join(outdir, "expected"), exist_ok=True)

    def group(self, store: str, path: str, attributes=None) -> dict:
        doc = group_doc(attributes)
        self._write_node(store, path, doc)
        return doc

    def _write_node(self, store, path, doc):
        self.nodes.setdefault(store, {})[path] = doc
        write_json(os.path.join(self.outdir, store, path, "zarr.json"), doc)

    def array(self, store, path, data, chunks, fill, codecs, key_encoding=None, dimension_names=None,
              missing=(), empty_inner=None, attributes=None, selects=("",), zarrita_skip=None):
        """Writes one array whose content is `data`; chunks in `missing` are not written
        (they read as fill). empty_inner maps a chunk coord to inner coords left empty."""
        data = np.asarray(data)
        dt = data.dtype
        name = [k for k, v in DTYPES.items() if np.dtype(v) == dt][0]
        key_encoding = key_encoding or {"name": "default", "configuration": {"separator": "/"}}
        doc = {
            "zarr_format": 3,
            "node_type": "array",
            "shape": list(data.shape),
            "data_type": name,
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": list(chunks)}},
            "chunk_key_encoding": key_encoding,
            "fill_value": fill,
            "codecs": codecs,
            "attributes": attributes or {},
        }
        if dimension_names is not None:
            doc["dimension_names"] = dimension_names
        self._write_node(store, path, doc)

        fv = fill_scalar(fill, dt)
        # What a reader must return: the data, with missing chunks (and empty inner chunks) as fill.
        expected = data.copy()
        grid = [-(-s // c) for s, c in zip(data.shape, chunks)]
        empty_inner = empty_inner or {}
        for coord in np.ndindex(*grid):
            sl = tuple(slice(c * k, min((c + 1) * k, s)) for c, k, s in zip(coord, chunks, data.shape))
            if coord in missing:
                expected[sl] = fv
                continue
            padded = np.empty(tuple(chunks), dtype=dt)
            padded[...] = fv
            real = tuple(slice(0, x.stop - x.start) for x in sl)
            padded[real] = data[sl]
            enc, decoded = encode_chunk(codecs, padded, fv, frozenset(empty_inner.get(coord, ())))
            expected[sl] = decoded[real]
            key = os.path.join(self.outdir, store, path, chunk_key(key_encoding, coord))
            os.makedirs(os.path.dirname(key), exist_ok=True)
            with open(key, "wb") as f:
                f.write(enc)

        for sel in selects:
            picked = expected[eval("np.s_[" + sel + "]", {"np": np})] if sel else expected
            picked = np.array(picked, order="C")  # keeps 0-d arrays 0-d
            if picked.dtype.itemsize > 1:
                picked = picked.astype(picked.dtype.newbyteorder("<"))
            fname = "expected/%04d.npy" % len(self.entries)
            np.save(os.path.join(self.outdir, fname), picked, allow_pickle=False)
            skip = zarrita_skip
            if skip is None and sel:
                skip = "selections are read by the core only"
            self.entries.append({
                "name": "%s:%s[%s]" % (store, path, sel),
                "store": store,
                "array": path,
                "select": sel,
                "expected": fname,
                "dtype": np.lib.format.dtype_to_descr(picked.dtype),
                "shape": list(picked.shape),
                "dimension_names": dimension_names,
                "zarrita": skip is None,
                "zarrita_skip": skip,
            })
        return doc


def sample(shape, dtype_name, seed):
    """Deterministic test data covering signs, extremes and fractional values."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(DTYPES[dtype_name])
    n = int(np.prod(shape))
    if dt.kind == "b":
        v = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        v = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        if n >= 2:
            v[0], v[-1] = info.min, info.max
    elif dt.kind == "f":
        v = (rng.standard_normal(n) * 100).astype(dt)
        if n >= 4:
            v[1], v[2], v[3] = -0.0, np.inf, -np.inf
    else:
        half = np.dtype("<f%d" % (dt.itemsize // 2))
        v = np.empty(n, dtype=dt)
        v.real = (rng.standard_normal(n) * 10).astype(half)
        v.imag = (rng.standard_normal(n) * 10).astype(half)
    return v.reshape(shape)


# ----------------------------------------------------------------- the fixture set

def b(endian="little"):
    return {"name": "bytes", "configuration": {"endian": endian}}


def blosc(cname, shuffle, typesize, clevel=5, blocksize=0):
    return {"name": "blosc", "configuration": {"cname": cname, "clevel": clevel, "shuffle": shuffle,
                                               "typesize": typesize, "blocksize": blocksize}}


def gzip(level=5):
    return {"name": "gzip", "configuration": {"level": level}}


def zstd(level=3):
    return {"name": "zstd", "configuration": {"level": level, "checksum": False}}


CRC = {"name": "crc32c"}

FILLS = {
    "bool": True, "int8": -7, "int16": -300, "int32": 123456, "int64": -9223372036854775808,
    "uint8": 200, "uint16": 65535, "uint32": 4000000000, "uint64": 2**53 + 2,
    "float16": "-Infinity", "float32": "NaN", "float64": "Infinity",
    "complex64": [1.5, "NaN"], "complex128": ["Infinity", -2.25],
}
NO_ZARRITA = {"float16": "zarrita needs Float16Array (Node 20 has none)",
              "complex64": "zarrita has no complex types", "complex128": "zarrita has no complex types"}


def build(outdir: str):
    fx = Fixtures(outdir)
    W = "walk.zarr"

    fx.group(W, "", {"title": "Zarrscope v3 fixtures", "nested": {"list": [1, 2, 3]}})

    # Every data type, little and big endian, with a missing chunk and edge chunks (7x5 in 3x2).
    fx.group(W, "dtypes", {"what": "one array per data type"})
    for i, name in enumerate(DTYPES):
        data = sample((7, 5), name, seed=i)
        skip = NO_ZARRITA.get(name)
        fx.array(W, "dtypes/" + name, data, (3, 2), FILLS[name], [b("little")], missing={(1, 1), (2, 2)},
                 zarrita_skip=skip, selects=("", "1:6:2,-1") if name in ("int16", "complex64") else ("",))
        if np.dtype(DTYPES[name]).itemsize > 1:
            fx.array(W, "dtypes/" + name + "_be", data, (3, 2), FILLS[name], [b("big")], missing={(0, 2)},
                     zarrita_skip=skip)

    # Fill values: all chunks missing except one, so the fill dominates.
    fx.group(W, "fills")
    fill_cases = [
        ("float32_nan", "float32", "NaN", None),
        ("float64_inf", "float64", "Infinity", None),
        ("float32_neg_inf", "float32", "-Infinity", None),
        ("float16_nan", "float16", "NaN", NO_ZARRITA["float16"]),
        ("float32_hex_nan_payload", "float32", "0x7fc00001", "zarrita 0.7 reads a hex fill value as the integer it spells"),
        ("float32_hex_one", "float32", "0x3f800000", "zarrita 0.7 reads a hex fill value as the integer it spells"),
        ("float64_hex_snan", "float64", "0x7ff0000000000001", "zarrita 0.7 reads a hex fill value as the integer it spells"),
        ("float16_hex", "float16", "0x7c01", NO_ZARRITA["float16"]),
        ("float64_number", "float64", -1.25e-3, None),
        ("int32_number", "int32", -2147483648, None),
        ("uint64_max", "uint64", 18446744073709551615, "zarrita parses JSON numbers as doubles: 2^64-1 reads as 0"),
        ("int64_min", "int64", -9223372036854775808, None),
        ("bool_false", "bool", False, None),
        ("complex64_pair", "complex64", [1.5, "NaN"], NO_ZARRITA["complex64"]),
        ("complex128_hex", "complex128", ["0x8000000000000000", "-Infinity"], NO_ZARRITA["complex128"]),
    ]
    for i, (label, name, fill, skip) in enumerate(fill_cases):
        data = sample((4, 6), name, seed=100 + i)
        fx.array(W, "fills/" + label, data, (2, 3), fill, [b()], missing={(0, 0), (1, 0), (1, 1)},
                 zarrita_skip=skip)

    # Codecs.
    fx.group(W, "codecs", {"codec tests": True})
    d3 = sample((6, 5, 4), "int32", seed=7)
    fx.array(W, "codecs/transpose_201", d3, (4, 3, 2), 0,
             [{"name": "transpose", "configuration": {"order": [2, 0, 1]}}, b()], missing={(1, 1, 1)},
             selects=("", "1,...", "..., 1:3", "-2:, ::2, 3"))
    fx.array(W, "codecs/transpose_120_big_gzip", sample((5, 7, 3), "float64", seed=8), (3, 4, 2), "NaN",
             [{"name": "transpose", "configuration": {"order": [1, 2, 0]}}, b("big"), gzip(4)])
    fx.array(W, "codecs/transpose_10_blosc", sample((9, 10), "uint16", seed=9), (4, 5), 7,
             [{"name": "transpose", "configuration": {"order": [1, 0]}}, b(), blosc("zstd", "shuffle", 2)])
    f32 = sample((20, 30), "float32", seed=10)
    fx.array(W, "codecs/blosc_lz4_shuffle", f32, (8, 16), 0, [b(), blosc("lz4", "shuffle", 4)],
             selects=("", "3:17:4, -20:-2"))
    fx.array(W, "codecs/blosc_zstd_bitshuffle", sample((20, 30), "int16", seed=11), (8, 16), 0,
             [b(), blosc("zstd", "bitshuffle", 2, clevel=7)])
    fx.array(W, "codecs/blosc_blosclz_noshuffle_blocksize", sample((20, 30), "float64", seed=12), (8, 16), 0,
             [b(), blosc("blosclz", "noshuffle", 8, blocksize=256)])
    fx.array(W, "codecs/blosc_zlib_shuffle_int64", sample((33,), "int64", seed=13), (10,), 0,
             [b(), blosc("zlib", "shuffle", 8, clevel=9)])
    fx.array(W, "codecs/blosc_lz4hc_bitshuffle_u8", sample((33,), "uint8", seed=14), (10,), 0,
             [b(), blosc("lz4hc", "bitshuffle", 1)])
    fx.array(W, "codecs/blosc_complex128", sample((6, 6), "complex128", seed=15), (4, 4), [0.0, 0.0],
             [b(), blosc("lz4", "shuffle", 16)], zarrita_skip=NO_ZARRITA["complex128"])
    fx.array(W, "codecs/gzip", sample((25, 10), "float64", seed=16), (10, 10), 0, [b(), gzip(6)])
    fx.array(W, "codecs/zstd", sample((25, 10), "int32", seed=17), (10, 10), 0, [b(), zstd(3)],
             missing={(1, 0)})
    fx.array(W, "codecs/crc32c", sample((12, 7), "uint32", seed=18), (5, 5), 0, [b(), CRC])
    fx.array(W, "codecs/big_gzip_crc32c", sample((12, 7), "int64", seed=19), (5, 5), 1, [b("big"), gzip(1), CRC])
    fx.array(W, "codecs/zstd_crc32c", sample((12, 7), "float32", seed=20), (5, 5), 0, [b(), zstd(1), CRC])
    fx.array(W, "codecs/bytes_no_config_u8", sample((5, 5), "uint8", seed=21), (2, 2), 3, [{"name": "bytes"}])

    # Sharding: shards of 4x6 holding 2x3 inner chunks (a 2x2 inner grid), array 10x9 (edge shards),
    # inner chunk (1,1) of shard (0,0) left empty, shard (1,1) entirely absent.
    fx.group(W, "sharding")
    s16 = sample((10, 9), "uint16", seed=30)

    def shard(inner_codecs, location="end", index_codecs=None, inner=(2, 3)):
        cfg = {"chunk_shape": list(inner), "codecs": inner_codecs,
               "index_codecs": index_codecs if index_codecs is not None else [b(), CRC]}
        if location is not None:
            cfg["index_location"] = location
        return {"name": "sharding_indexed", "configuration": cfg}

    empty = {(0, 0): [(1, 1)], (2, 0): [(0, 0), (1, 0)]}
    fx.array(W, "sharding/index_end_zstd", s16, (4, 6), 9, [shard([b(), zstd()])], missing={(1, 1)},
             empty_inner=empty, selects=("", "3:9, 4", "-1, ::2"), dimension_names=["y", "x"])
    fx.array(W, "sharding/index_start_blosc", s16, (4, 6), 9,
             [shard([b(), blosc("lz4", "shuffle", 2)], "start")], missing={(1, 1)}, empty_inner=empty,
             zarrita_skip="zarrita reads the shard index only from the end")
    fx.array(W, "sharding/index_start_gzip_f64", sample((10, 9), "float64", seed=31), (4, 6), "NaN",
             [shard([b(), gzip(2)], "start")], missing={(0, 1)}, empty_inner={(1, 0): [(0, 2)]},
             zarrita_skip="zarrita reads the shard index only from the end")
    fx.array(W, "sharding/default_location_inner_transpose", sample((8, 12), "int32", seed=32), (4, 6), -1,
             [shard([{"name": "transpose", "configuration": {"order": [1, 0]}}, b("big"), gzip(3), CRC],
                    location=None)],
             empty_inner={(1, 1): [(0, 0)]})
    fx.array(W, "sharding/index_bytes_only", sample((12,), "float32", seed=33), (8,), 0.5,
             [shard([b(), blosc("zstd", "shuffle", 4)], "end", index_codecs=[b()], inner=(2,))],
             empty_inner={(0,): [(3,)], (1,): [(0,), (1,)]})
    fx.array(W, "sharding/index_big_endian_start", sample((6, 6), "int8", seed=34), (6, 6), 0,
             [shard([b()], "start", index_codecs=[b("big"), CRC], inner=(3, 2))],
             empty_inner={(0, 0): [(1, 2)]},
             zarrita_skip="zarrita reads the shard index only from the end")
    fx.array(W, "sharding/outer_transpose_3d", sample((4, 6, 8), "uint32", seed=35), (2, 6, 4), 5,
             [{"name": "transpose", "configuration": {"order": [2, 0, 1]}},
              shard([b(), gzip(1)], "end", inner=(2, 2, 3))],
             empty_inner={(0, 0, 1): [(1, 0, 1)]},
             zarrita_skip="zarrita ignores array-to-array codecs before sharding_indexed")

    # Chunk key encodings (dimension names too), and 0-d arrays.
    fx.group(W, "keys")
    k = sample((5, 4), "int32", seed=40)
    fx.array(W, "keys/default_slash", k, (2, 3), 0, [b()],
             key_encoding={"name": "default", "configuration": {"separator": "/"}}, dimension_names=["row", "col"])
    fx.array(W, "keys/default_dot", k, (2, 3), 0, [b()],
             key_encoding={"name": "default", "configuration": {"separator": "."}}, dimension_names=[None, "col"])
    fx.array(W, "keys/default_no_config", k, (2, 3), 0, [b()], key_encoding={"name": "default"})
    fx.array(W, "keys/v2_dot", k, (2, 3), 0, [b()],
             key_encoding={"name": "v2", "configuration": {"separator": "."}})
    fx.array(W, "keys/v2_slash", k, (2, 3), 0, [b()],
             key_encoding={"name": "v2", "configuration": {"separator": "/"}}, missing={(2, 1)})
    fx.array(W, "keys/v2_no_config", k, (2, 3), 0, [b()], key_encoding={"name": "v2"})
    fx.array(W, "keys/scalar_default", np.array(3.25, dtype="<f8"), (), 0, [b(), gzip()])
    fx.array(W, "keys/scalar_v2", np.array(-12, dtype="<i2"), (), 0, [b("big")], key_encoding={"name": "v2"})
    fx.array(W, "keys/scalar_missing", np.array(0, dtype="<u4"), (), 77, [b()], missing={()})
    fx.array(W, "keys/empty_dim", np.zeros((0, 5), dtype="<i4"), (3, 2), 0, [b()],
             zarrita_skip="zarrita 0.7 fails on a zero-length dimension")

    # Nested groups with attributes.
    fx.group(W, "nested", {"level": 1})
    fx.group(W, "nested/deeper", {"level": 2, "units": "m"})
    fx.group(W, "nested/deeper/deepest", {"level": 3, "tags": ["a", "b"]})
    fx.array(W, "nested/deeper/deepest/leaf", sample((3, 3), "float32", seed=50), (2, 2), 0, [b()],
             attributes={"leaf": True})
    # A plain directory without metadata is not a node.
    os.makedirs(os.path.join(outdir, W, "nested", "not_a_node"), exist_ok=True)
    with open(os.path.join(outdir, W, "nested", "not_a_node", "README"), "w") as f:
        f.write("no zarr.json here\n")

    # A store with consolidated metadata in the root zarr.json, as zarr-python 3 writes it.
    C = "consolidated.zarr"
    fx.group(C, "g", {"g": 1})
    fx.group(C, "g/sub", {"sub": 2})
    fx.array(C, "g/arr", sample((6, 4), "int16", seed=60), (4, 4), 0, [b(), gzip()], dimension_names=["t", "c"])
    fx.array(C, "top", sample((5,), "float64", seed=61), (2,), "NaN", [b(), CRC], missing={(1,)})
    consolidated = {}
    for path, doc in sorted(fx.nodes[C].items()):
        d = dict(doc)
        if d["node_type"] == "group":
            d["consolidated_metadata"] = None
        consolidated[path] = d
    root = group_doc({"consolidated": True})
    root["consolidated_metadata"] = {"kind": "inline", "must_understand": False, "metadata": consolidated}
    fx._write_node(C, "", root)
    # Written after consolidation: present on disk, absent from the consolidated metadata, so a
    # reader that lists from consolidated metadata does not see it.
    write_json(os.path.join(outdir, C, "added_later", "zarr.json"), group_doc({"late": True}))

    def described(docs):
        return {p: {"kind": d["node_type"], "attributes": d.get("attributes", {})} for p, d in docs.items()}

    hierarchies = [
        {"store": W, "consolidated": False, "paths": sorted(fx.nodes[W]), "nodes": described(fx.nodes[W])},
        {"store": C, "consolidated": True, "paths": sorted([""] + list(consolidated)),
         "nodes": described(dict(consolidated, **{"": root}))},
    ]
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump({"entries": fx.entries, "hierarchies": hierarchies}, f, indent=1)
    return fx


def main():
    if len(sys.argv) != 2:
        print("usage: make_v3_fixtures.py OUTDIR", file=sys.stderr)
        return 1
    outdir = sys.argv[1]
    for name in ("walk.zarr", "consolidated.zarr", "expected"):
        shutil.rmtree(os.path.join(outdir, name), ignore_errors=True)
    fx = build(outdir)
    print("wrote %d entries to %s" % (len(fx.entries), outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
