#!/usr/bin/python3
"""Writes Zarr v2 conformance fixtures with the real zarr-python 2.13 (Debian's python3-zarr).

    /usr/bin/python3 make_v2_fixtures.py OUTDIR

OUTDIR/stores/*.zarr   the stores, written by zarr-python
OUTDIR/expected/*.npy  what zarr-python itself reads for each selection (the oracle)
OUTDIR/manifest.json   {"reads":    [{id, store, array, select, expected}],
                        "listings": [{store, consolidated, nodes: [{path, kind, attrs, shape, chunks, dtype}]}],
                        "errors":   [{id, store, array, select, contains}]}
Paths in the manifest are relative to OUTDIR. `select` is NumPy syntax as zarrscope-cli takes it.
"""

import json
import os
import shutil
import sys

import numpy as np
import numcodecs
import zarr
from numcodecs import (CRC32, Adler32, AsType, BitRound, Blosc, BZ2, Categorize, Delta, FixedScaleOffset, GZip, LZ4,
                       PackBits, Quantize, Shuffle, Zlib, Zstd)

OUT = os.path.abspath(sys.argv[1])
STORES = os.path.join(OUT, "stores")
EXPECTED = os.path.join(OUT, "expected")
os.makedirs(STORES, exist_ok=True)
os.makedirs(EXPECTED, exist_ok=True)

manifest = {"reads": [], "listings": [], "errors": [],
            "versions": {"zarr": zarr.__version__, "numcodecs": numcodecs.__version__, "numpy": np.__version__}}
rng = np.random.default_rng(20240601)


def parse_selection(text):
    """The CLI's selection syntax as a Python index (the reverse of how the cases are written)."""
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


def selections_for(shape, full=False):
    nd = len(shape)
    if nd == 0:
        return ["", "..."]
    if any(n == 0 for n in shape):
        return ["", "...", ",".join(["1:3"] * nd)]
    sels = ["", "0", "-1,...", ",".join(["1:-1:2"] * nd), ",".join(["::3"] * nd), "2:2" + (",..." if nd > 1 else "")]
    if full:
        sels += [
            "...",
            "...,-2" if shape[-1] >= 2 else "...,0",
            ",".join(["-1"] * nd),                       # every dimension dropped: a 0-d result
            ",".join(["0"] * (nd - 1) + ["1:1000:4"]),    # stop beyond the end is clipped
            "-3:" + (",..." if nd > 1 else ""),
            ",".join([":"] * (nd - 1) + ["0:0"]),         # empty last dimension
            "...,5:" if nd == 1 else "1,...,::2",
            ",".join(str(min(n - 1, 3)) + ":" for n in shape),
        ]
        if nd >= 3:
            sels += ["1:,...,-1", ":,-2,...", "...,1:-1:5,0"]
    out = []
    for s in sels:
        if s not in out:
            out.append(s)
    return out


def store_path(name):
    return os.path.join(STORES, name)


def rel(path):
    return os.path.relpath(path, OUT)


def record_reads(store_name, array_path, z, sels):
    """Reads each selection with zarr-python and saves it as the expected result."""
    for sel in sels:
        value = z[parse_selection(sel)]
        # zarr returns NumPy scalars (native byte order) for 0-d results and F-ordered arrays for
        # order F: keep the values, in the stored dtype, C order, as the .npy contract says.
        expected = np.array(value, dtype=z.dtype, order="C")
        n = len(manifest["reads"])
        fname = os.path.join(EXPECTED, "%04d.npy" % n)
        np.save(fname, expected)
        manifest["reads"].append({
            "id": "%s:%s[%s]" % (store_name, array_path or "/", sel),
            "store": rel(store_path(store_name)),
            "array": array_path,
            "select": sel,
            "expected": rel(fname),
        })


def sample(dtype, shape):
    """Deterministic data that exercises the whole value range of a dtype."""
    dt = np.dtype(dtype)
    n = int(np.prod(shape)) if shape else 1
    if dt.kind == "b":
        a = (np.arange(n) % 3 == 0) ^ (rng.random(n) < 0.2)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        smooth = (np.arange(n) * 7 + info.min // 2).astype(dt)
        noisy = rng.integers(info.min, info.max, size=n, endpoint=True, dtype=dt.newbyteorder("="))
        a = np.where(np.arange(n) % 2 == 0, smooth, noisy)
        a[:2] = [info.min, info.max][: min(2, n)]
    elif dt.kind == "f":
        a = rng.standard_normal(n) * 1000
        if n > 10:
            a[3], a[5], a[7] = np.nan, np.inf, -np.inf
    elif dt.kind == "c":
        a = rng.standard_normal(n) * 100 + 1j * rng.standard_normal(n)
        if n > 10:
            a[4] = complex(np.nan, 1.0)
    elif dt.kind == "S":
        words = [b"", b"a", b"zarr", b"\x00x\xff", b"1234567", b"abc\x00"]
        a = np.array([words[i % len(words)][: dt.itemsize] + bytes([65 + i % 26]) * (i % 3) for i in range(n)])
    elif dt.kind == "U":
        words = ["", "é", "zarr", "\u20ac\U0001d11e", "abcde", "Ωmega"]
        a = np.array([(words[i % len(words)] + chr(0x41 + i % 26))[: dt.itemsize // 4] for i in range(n)])
    elif dt.kind == "M":
        a = rng.integers(-(2 ** 40), 2 ** 40, size=n).astype("i8").view(dt.newbyteorder("="))
        if n > 3:
            a[2] = np.datetime64("NaT")
    elif dt.kind == "m":
        a = rng.integers(-(2 ** 33), 2 ** 33, size=n).astype("i8").view(dt.newbyteorder("="))
        if n > 3:
            a[1] = np.timedelta64("NaT")
    else:
        raise ValueError(dtype)
    return np.asarray(a).astype(dt).reshape(shape)


def make(store_name, path, data, chunks, sels=None, full=False, partial=None, **kwargs):
    """Creates an array with zarr-python, writes `data` (or only the `partial` region, leaving
    other chunks absent) and records the expected reads."""
    store = zarr.DirectoryStore(store_path(store_name))
    z = zarr.create(shape=data.shape, chunks=chunks, dtype=data.dtype, store=store, path=path,
                    overwrite=True, **kwargs)
    if partial is None:
        z[...] = data
    elif partial is False:
        pass  # nothing written: every chunk is absent
    else:
        z[partial] = data[partial]
    z = zarr.open_array(store=zarr.DirectoryStore(store_path(store_name)), path=path, mode="r")
    record_reads(store_name, path, z, sels if sels is not None else selections_for(data.shape, full))
    return z


# ---------------------------------------------------------------------------------------------
# Compressors: every blosc cname x shuffle, zlib, gzip, zstd, lz4, bz2, none.
SHAPE2 = (20, 17)   # not a multiple of the chunks: edge chunks everywhere
CHUNK2 = (6, 5)
for cname in numcodecs.blosc.list_compressors():
    for shuffle, sname in ((Blosc.NOSHUFFLE, "noshuffle"), (Blosc.SHUFFLE, "shuffle"), (Blosc.BITSHUFFLE, "bitshuffle")):
        make("codecs.zarr", "blosc_%s_%s" % (cname, sname), sample("<i4", SHAPE2), CHUNK2,
             compressor=Blosc(cname=cname, clevel=5, shuffle=shuffle))
make("codecs.zarr", "blosc_autoshuffle_f8", sample("<f8", SHAPE2), CHUNK2,
     compressor=Blosc(cname="zstd", clevel=3, shuffle=Blosc.AUTOSHUFFLE))
make("codecs.zarr", "blosc_u1_bitshuffle", sample("|u1", SHAPE2), CHUNK2,
     compressor=Blosc(cname="lz4", clevel=9, shuffle=Blosc.BITSHUFFLE))
make("codecs.zarr", "blosc_blocksize_f4", sample("<f4", (300,)), (128,),
     compressor=Blosc(cname="blosclz", clevel=1, shuffle=Blosc.SHUFFLE, blocksize=64))
make("codecs.zarr", "blosc_clevel0", sample("<i2", SHAPE2), CHUNK2, compressor=Blosc(cname="lz4", clevel=0))
make("codecs.zarr", "zlib", sample("<i4", SHAPE2), CHUNK2, compressor=Zlib(level=6))
make("codecs.zarr", "zlib_level0", sample("<i4", SHAPE2), CHUNK2, compressor=Zlib(level=0))
make("codecs.zarr", "gzip", sample("<f8", SHAPE2), CHUNK2, compressor=GZip(level=5))
make("codecs.zarr", "zstd", sample(">i8", SHAPE2), CHUNK2, compressor=Zstd(level=3))
make("codecs.zarr", "zstd_level19", sample("<u2", SHAPE2), CHUNK2, compressor=Zstd(level=19))
make("codecs.zarr", "lz4", sample("<f4", SHAPE2), CHUNK2, compressor=LZ4(acceleration=1))
make("codecs.zarr", "lz4_accel10", sample("<i4", SHAPE2), CHUNK2, compressor=LZ4(acceleration=10))
make("codecs.zarr", "bz2", sample("<u4", SHAPE2), CHUNK2, compressor=BZ2(level=9))
make("codecs.zarr", "none", sample("<i4", SHAPE2), CHUNK2, compressor=None)

# Filters: delta (same and narrower astype), shuffle, and chains of them.
ramp = (np.arange(20 * 17, dtype="<i8").reshape(SHAPE2) * 3 - 100)
make("codecs.zarr", "delta_i8", ramp, CHUNK2, filters=[Delta(dtype="<i8")], compressor=None)
make("codecs.zarr", "delta_i8_as_i1", ramp, CHUNK2, filters=[Delta(dtype="<i8", astype="<i1")], compressor=Zlib())
make("codecs.zarr", "delta_u2_as_u1", (np.arange(300, dtype="<u2") * 2).reshape(20, 15), (7, 4),
     filters=[Delta(dtype="<u2", astype="<u1")], compressor=None)
make("codecs.zarr", "delta_be_i4_as_i2", ramp.astype(">i4"), CHUNK2,
     filters=[Delta(dtype=">i4", astype="<i2")], compressor=Blosc(cname="lz4", shuffle=Blosc.SHUFFLE))
make("codecs.zarr", "delta_f8", np.nan_to_num(sample("<f8", SHAPE2), posinf=1e300, neginf=-1e300), CHUNK2, filters=[Delta(dtype="<f8")], compressor=None)
make("codecs.zarr", "shuffle_f4", sample("<f4", SHAPE2), CHUNK2, filters=[Shuffle(elementsize=4)], compressor=Zlib())
make("codecs.zarr", "shuffle_c16", sample("<c16", SHAPE2), CHUNK2, filters=[Shuffle(elementsize=16)], compressor=None)
make("codecs.zarr", "delta_then_shuffle", ramp.astype("<i4"), CHUNK2,
     filters=[Delta(dtype="<i4", astype="<i2"), Shuffle(elementsize=2)], compressor=Zstd(level=1))

# The numcodecs filters real stores use (issue 13): one array each, edge chunks included.
temps = (np.sin(np.arange(20 * 17).reshape(SHAPE2) / 9.0) * 15 + 280 + rng.standard_normal(SHAPE2)).astype("<f8")
make("codecs.zarr", "fixedscaleoffset_f8_u2", temps, CHUNK2,
     filters=[FixedScaleOffset(offset=250, scale=100, dtype="<f8", astype="<u2")], compressor=Zlib())
make("codecs.zarr", "fixedscaleoffset_f4_i1", (temps - 280).astype("<f4"), CHUNK2,
     filters=[FixedScaleOffset(offset=0, scale=4, dtype="<f4", astype="|i1")], compressor=None)
make("codecs.zarr", "bitround_f4", sample("<f4", SHAPE2), CHUNK2, filters=[BitRound(keepbits=7)], compressor=Zstd(level=3))
make("codecs.zarr", "quantize_f8_f4", temps / 100, CHUNK2, filters=[Quantize(digits=3, dtype="<f8", astype="<f4")],
     compressor=Blosc(cname="lz4", shuffle=Blosc.SHUFFLE))
make("codecs.zarr", "packbits_bool", sample("|b1", SHAPE2), CHUNK2, filters=[PackBits()], compressor=Zlib())
words = np.array(["rain", "snow", "", "sun", "fog", "hail"])
make("codecs.zarr", "categorize_u4", words[np.arange(20 * 17).reshape(SHAPE2) * 7 % 6].astype("<U4"), CHUNK2,
     filters=[Categorize(labels=["rain", "snow", "sun", "fog"], dtype="<U4", astype="|u1")], compressor=GZip(level=1),
     fill_value="")
make("codecs.zarr", "astype_f8_as_f4", temps, CHUNK2, filters=[AsType(encode_dtype="<f4", decode_dtype="<f8")],
     compressor=None)
make("codecs.zarr", "crc32_zlib", sample("<i4", SHAPE2), CHUNK2, filters=[CRC32()], compressor=Zlib())
make("codecs.zarr", "adler32_compressor", sample(">i2", SHAPE2), CHUNK2, compressor=Adler32())

# ---------------------------------------------------------------------------------------------
# Data types, both byte orders, some compressed, some raw (so byte order shows in the chunk bytes).
DTYPES = ["|b1", "|i1", "|u1"]
for base in ["i2", "i4", "i8", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16", "U5", "M8[ns]", "M8[D]", "m8[s]"]:
    DTYPES += ["<" + base, ">" + base]
DTYPES += ["|S7", "|S1"]
for i, dt in enumerate(DTYPES):
    name = "dt_" + dt.replace("<", "le_").replace(">", "be_").replace("|", "").replace("[", "_").replace("]", "")
    comp = [None, Zlib(level=1), Blosc(cname="lz4", shuffle=Blosc.SHUFFLE)][i % 3]
    make("dtypes.zarr", name, sample(dt, (13, 11)), (5, 4), compressor=comp,
         sels=["", "-1", "1:-1:3,::2", "...,3"])

# ---------------------------------------------------------------------------------------------
# Layout: order F, both dimension separators, shapes 0-d to 4-d, edge chunks, zero-size arrays.
make("layout.zarr", "order_F_2d", sample("<i4", (11, 9)), (4, 5), order="F", full=True)
make("layout.zarr", "order_F_3d_be_f8", sample(">f8", (7, 6, 5)), (3, 4, 2), order="F", compressor=Zlib(), full=True)
make("layout.zarr", "order_F_c8_blosc", sample("<c8", (9, 8)), (4, 3), order="F",
     compressor=Blosc(cname="zstd", shuffle=Blosc.BITSHUFFLE))
make("layout.zarr", "order_F_U5", sample("<U5", (6, 7)), (4, 3), order="F", compressor=None)
make("layout.zarr", "sep_slash", sample("<i2", (10, 12)), (3, 5), dimension_separator="/", full=True)
make("layout.zarr", "sep_slash_3d", sample("<u4", (5, 6, 7)), (2, 2, 3), dimension_separator="/")
make("layout.zarr", "sep_dot", sample("<i2", (10, 12)), (3, 5), dimension_separator=".")
make("layout.zarr", "d0", np.array(3.25, dtype="<f8"), (), full=True)
make("layout.zarr", "d0_be_i4", np.array(-7, dtype=">i4"), (), compressor=None, full=True)
make("layout.zarr", "d1", sample("<i4", (100,)), (7,), full=True)
make("layout.zarr", "d1_onechunk", sample("<f4", (10,)), (10,), full=True)
make("layout.zarr", "d1_chunk_bigger_than_shape", sample("<u2", (10,)), (64,), full=True)
make("layout.zarr", "d2_chunk1", sample("<i1", (5, 6)), (1, 1), full=True)
make("layout.zarr", "d3", sample("<f4", (9, 10, 11)), (4, 3, 5), full=True)
make("layout.zarr", "d4", sample("<i8", (5, 6, 7, 8)), (2, 3, 4, 5), compressor=Zlib(), full=True)
make("layout.zarr", "d4_F", sample(">u2", (4, 5, 3, 6)), (3, 2, 2, 4), order="F", full=True)
make("layout.zarr", "zero_size", sample("<f4", (0, 5)), (2, 2), full=True)

# An array whose .zarray has no "dimension_separator" (written by zarr before 2.8): "." applies.
z = make("layout.zarr", "no_sep_key", sample("<i4", (8, 9)), (3, 4), sels=[])
zmeta = os.path.join(store_path("layout.zarr"), "no_sep_key", ".zarray")
with open(zmeta) as f:
    meta = json.load(f)
meta.pop("dimension_separator", None)
with open(zmeta, "w") as f:
    json.dump(meta, f, indent=4)
record_reads("layout.zarr", "no_sep_key",
             zarr.open_array(store_path("layout.zarr"), path="no_sep_key", mode="r"), ["", "1:7:2,-3"])

# A whole store written with NestedDirectoryStore ("/" separator by store default).
nested_store = zarr.NestedDirectoryStore(store_path("nested_dirs.zarr"))
z = zarr.create(shape=(9, 8), chunks=(4, 3), dtype="<f8", store=nested_store, path="arr", overwrite=True)
z[...] = sample("<f8", (9, 8))
record_reads("nested_dirs.zarr", "arr", zarr.open_array(zarr.NestedDirectoryStore(store_path("nested_dirs.zarr")),
                                                        path="arr", mode="r"), selections_for((9, 8)))

# ---------------------------------------------------------------------------------------------
# Fill values and missing chunks: only part of each array is written; absent chunks read as fill.
PART = (slice(0, 6), slice(5, 10))
make("fill.zarr", "int_fill42", sample("<i4", SHAPE2), CHUNK2, fill_value=42, partial=PART, full=True)
make("fill.zarr", "int_fill_neg_be", sample(">i2", SHAPE2), CHUNK2, fill_value=-3, partial=PART)
make("fill.zarr", "uint64_fill_max", sample("<u8", SHAPE2), CHUNK2, fill_value=np.iinfo("u8").max, partial=PART)
make("fill.zarr", "int_fill0", sample("<i8", SHAPE2), CHUNK2, fill_value=0, partial=PART)
make("fill.zarr", "float_fill_nan", sample("<f4", SHAPE2), CHUNK2, fill_value=np.nan, partial=PART, full=True)
make("fill.zarr", "float_fill_inf", sample("<f8", SHAPE2), CHUNK2, fill_value=np.inf, partial=PART)
make("fill.zarr", "float_fill_neginf_be", sample(">f8", SHAPE2), CHUNK2, fill_value=-np.inf, partial=PART)
make("fill.zarr", "float_fill_number", sample("<f4", SHAPE2), CHUNK2, fill_value=-1.5, partial=PART)
make("fill.zarr", "half_fill", sample("<f2", SHAPE2), CHUNK2, fill_value=0.25, partial=PART)
make("fill.zarr", "complex_fill", sample("<c16", SHAPE2), CHUNK2, fill_value=complex(1.5, -2), partial=PART)
make("fill.zarr", "complex_fill_be_c8", sample(">c8", SHAPE2), CHUNK2, fill_value=complex(-0.5, 4), partial=PART)
make("fill.zarr", "bool_fill_true", sample("|b1", SHAPE2), CHUNK2, fill_value=True, partial=PART)
make("fill.zarr", "bytes_fill_base64", sample("|S5", SHAPE2), CHUNK2, fill_value=b"ab\x00c", partial=PART)
make("fill.zarr", "unicode_fill", sample("<U3", SHAPE2), CHUNK2, fill_value="z\u00e9", partial=PART)
make("fill.zarr", "datetime_fill", sample("<M8[ns]", SHAPE2), CHUNK2, fill_value=np.datetime64(123456789, "ns"),
     partial=PART)
# fill_value null: zarr-python leaves absent chunks uninitialised, so every chunk is written here.
make("fill.zarr", "float_fill_null", sample("<f8", SHAPE2), CHUNK2, fill_value=None)
make("fill.zarr", "int_fill_null", sample("<i4", SHAPE2), CHUNK2, fill_value=None)
make("fill.zarr", "never_written_3d", sample("<i4", (4, 5, 6)), (2, 2, 2), fill_value=9, partial=False)
make("fill.zarr", "d0_never_written", np.array(0, dtype="<f4"), (), fill_value=2.5, partial=False)
# Every chunk present but a partial update across an edge chunk.
make("fill.zarr", "edge_partial", sample("<u1", (19, 23)), (8, 8), fill_value=7,
     partial=(slice(15, 19), slice(0, 23)), full=True)

# ---------------------------------------------------------------------------------------------
# Hierarchy: nested groups with attributes; the same tree consolidated; and a consolidated copy
# whose per-node metadata was removed (only .zmetadata describes the tree).


def build_tree(path):
    root = zarr.open_group(path, mode="w")
    root.attrs.update({"title": "nested tree", "n": 3, "list": [1, 2.5, "x"], "nested": {"a": None}})
    a = root.create_group("a")
    a.attrs["level"] = 1
    b = a.create_group("b")
    c = b.create_group("c")
    c.attrs.update({"unicode": "\u00e9t\u00e9", "flag": True})
    root.create_group("empty")
    top = root.create_dataset("top", data=sample("<i4", (12, 7)), chunks=(5, 5))
    top.attrs["units"] = "m"
    x = a.create_dataset("x", data=sample(">f8", (6,)), chunks=(4,), compressor=Zlib())
    x.attrs["_ARRAY_DIMENSIONS"] = ["t"]
    c.create_dataset("deep", data=sample("<u2", (3, 4, 5)), chunks=(2, 2, 2), fill_value=5)
    b.create_dataset("scalar", data=np.array(1.5, dtype="<f4"))
    return root


def listing(path, consolidated):
    root = zarr.open_consolidated(path, mode="r") if consolidated else zarr.open_group(path, mode="r")
    nodes = [{"path": "", "kind": "group", "attrs": root.attrs.asdict()}]

    def visit(name, obj):
        entry = {"path": name, "kind": "array" if isinstance(obj, zarr.Array) else "group",
                 "attrs": obj.attrs.asdict()}
        if isinstance(obj, zarr.Array):
            entry.update({"shape": list(obj.shape), "chunks": list(obj.chunks), "dtype": obj.dtype.str})
        nodes.append(entry)

    root.visititems(visit)
    nodes.sort(key=lambda n: n["path"])
    return nodes


build_tree(store_path("tree.zarr"))
build_tree(store_path("tree_consolidated.zarr"))
zarr.consolidate_metadata(store_path("tree_consolidated.zarr"))
shutil.copytree(store_path("tree_consolidated.zarr"), store_path("tree_consolidated_only.zarr"))
for dirpath, _, files in os.walk(store_path("tree_consolidated_only.zarr")):
    for f in files:
        if f in (".zarray", ".zgroup", ".zattrs"):
            os.remove(os.path.join(dirpath, f))
for name, consolidated in (("tree.zarr", False), ("tree_consolidated.zarr", True),
                           ("tree_consolidated_only.zarr", True)):
    manifest["listings"].append({"store": rel(store_path(name)), "consolidated": consolidated,
                                 "nodes": listing(store_path(name), consolidated)})
for name in ("tree.zarr", "tree_consolidated.zarr"):
    g = zarr.open_group(store_path(name), mode="r")
    for p in ("top", "a/x", "a/b/c/deep", "a/b/scalar"):
        record_reads(name, p, g[p], ["", "...", "-1" if g[p].ndim else "..."])

# ---------------------------------------------------------------------------------------------
# Inputs that must fail with a clear error (never a crash).
ERR = store_path("errors.zarr")
zarr.open_group(ERR, mode="w")


def error_case(path, select, contains):
    manifest["errors"].append({"id": "errors.zarr:" + path, "store": rel(ERR), "array": path,
                               "select": select, "contains": contains})


def edit_zarray(path, **changes):
    fname = os.path.join(ERR, path, ".zarray")
    with open(fname) as f:
        meta = json.load(f)
    meta.update(changes)
    with open(fname, "w") as f:
        json.dump(meta, f, indent=4)


zarr.create(shape=(4, 4), chunks=(2, 2), dtype="<i4", store=ERR, path="unknown_codec")[...] = 1
edit_zarray("unknown_codec", compressor={"id": "nosuchcodec", "level": 1})
error_case("unknown_codec", "", "nosuchcodec")
zarr.create(shape=(4, 4), chunks=(2, 2), dtype="<i4", store=ERR, path="unknown_filter", compressor=None)[...] = 1
edit_zarray("unknown_filter", filters=[{"id": "fancyfilter"}])
error_case("unknown_filter", "", "fancyfilter")
z = zarr.create(shape=(4, 4), chunks=(2, 2), dtype="<i4", store=ERR, path="corrupt_zlib", compressor=Zlib())
z[...] = 1
with open(os.path.join(ERR, "corrupt_zlib", "1.0"), "wb") as f:
    f.write(b"this is not a zlib stream at all")
error_case("corrupt_zlib", "", "1.0")
z = zarr.create(shape=(4, 4), chunks=(2, 2), dtype="<i4", store=ERR, path="truncated_raw", compressor=None)
z[...] = 1
with open(os.path.join(ERR, "truncated_raw", "0.1"), "wb") as f:
    f.write(b"\x01\x00\x00")
error_case("truncated_raw", "", "0.1")
z = zarr.create(shape=(64,), chunks=(64,), dtype="<f8", store=ERR, path="corrupt_blosc",
                compressor=Blosc(cname="lz4"))
z[...] = np.arange(64)
with open(os.path.join(ERR, "corrupt_blosc", "0"), "r+b") as f:
    f.seek(4)
    f.write((1 << 30).to_bytes(4, "little"))  # header claims 1 GiB of output for a 512-byte chunk
error_case("corrupt_blosc", "", "0")
zarr.create(shape=(3,), chunks=(2,), dtype=[("a", "<i4"), ("b", "<f8")], store=ERR, path="structured")
error_case("structured", "", "unsupported")
z = zarr.create(shape=(4, 4), chunks=(2, 2), dtype="<i4", store=ERR, path="crc32_mismatch", compressor=CRC32())
z[...] = 7
with open(os.path.join(ERR, "crc32_mismatch", "1.1"), "r+b") as f:
    f.seek(6)
    f.write(b"\xff")  # one data byte changed: the stored checksum no longer matches
error_case("crc32_mismatch", "", "crc32 checksum mismatch")
# Object arrays with vlen-utf8/vlen-bytes/json2 are read (tests/core/tst_strings.cpp); pickle never is.
zarr.create(shape=(3,), chunks=(2,), dtype=object, object_codec=numcodecs.Pickle(), store=ERR, path="object")
error_case("object", "", "pickle")

with open(os.path.join(OUT, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
print("wrote %d reads, %d listings, %d error cases to %s" % (
    len(manifest["reads"]), len(manifest["listings"]), len(manifest["errors"]), OUT))
