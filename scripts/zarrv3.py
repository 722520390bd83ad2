"""A small, independent Zarr v3 writer on numpy + numcodecs, following the v3 core spec and
the codec specs (zarr-python 2.13 writes no v3). Used by the v3 conformance fixtures and the
demo store; run with Debian's /usr/bin/python3.

* zarr.json for every group and array (zarr_format 3, node_type, attributes);
  arrays: shape, data_type, chunk_grid "regular", chunk_key_encoding, fill_value,
  codecs, dimension_names.
* codecs: transpose (encoded = numpy.transpose(decoded, order)), bytes (endian),
  vlen-utf8 / vlen-bytes (zarr-python 3's codecs of the string and bytes data types),
  blosc (cname, clevel, shuffle as a string, typesize, blocksize), gzip (level),
  zstd (level, checksum), crc32c (4 bytes little-endian appended), and
  sharding_indexed (chunk_shape, codecs, index_codecs, index_location), and zarr-python 3's
  "numcodecs.<id>" codecs, encoded by numcodecs itself: array->array ones (delta,
  fixedscaleoffset, bitround, quantize, packbits, categorize, astype) before the bytes codec,
  bytes->bytes ones (zlib, gzip, lz4, zstd, bz2, blosc, shuffle, crc32, adler32) after it.
* the shard index is a uint64 array of shape inner_grid + (2,) in C order: for each
  inner chunk (offset, nbytes) measured from the start of the shard object, or
  (2^64-1, 2^64-1) for an empty inner chunk; encoded with index_codecs and placed
  at the end (default) or the start of the shard.
* chunk keys: "default" = "c" + sep + indices joined by sep (0-d: "c");
  "v2" = indices joined by sep (0-d: "0").
* edge chunks are written at the full chunk shape (padded with the fill value).
"""

import json
import os
import shutil
import struct
import sys

import numpy as np
import numcodecs

U64_MAX = 2**64 - 1

# ----------------------------------------------------------------- crc32c (Castagnoli)

_CRC32C_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _CRC32C_TABLE.append(_c)


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    table = _CRC32C_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283, "crc32c check value"

# ----------------------------------------------------------------- data types

DTYPES = {
    "bool": "|b1",
    "int8": "|i1", "int16": "<i2", "int32": "<i4", "int64": "<i8",
    "uint8": "|u1", "uint16": "<u2", "uint32": "<u4", "uint64": "<u8",
    "float16": "<f2", "float32": "<f4", "float64": "<f8",
    "complex64": "<c8", "complex128": "<c16",
}


def component_uint(dt: np.dtype) -> np.dtype:
    """The unsigned integer type of one byte-order unit of dt (complex: one half)."""
    unit = dt.itemsize // 2 if dt.kind == "c" else dt.itemsize
    return np.dtype("u%d" % unit)


def raw_bytes(arr: np.ndarray, endian: str) -> bytes:
    """C-order bytes of arr in the given endianness, bit-exact (NaN payloads survive)."""
    arr = np.ascontiguousarray(arr)
    if arr.dtype.itemsize == 1:
        return arr.tobytes()
    u = component_uint(arr.dtype)
    view = arr.view(u.newbyteorder("="))
    return view.astype(u.newbyteorder("<" if endian == "little" else ">")).tobytes()


def fill_scalar(fill, dt: np.dtype) -> np.ndarray:
    """The fill value as a 0-d array of dt, bit-exact for hex-encoded floats."""

    def one_float(v, fdt):
        if isinstance(v, str):
            if v.startswith("0x"):
                bits = int(v, 16)
                return np.array(bits, dtype=np.dtype("<u%d" % fdt.itemsize)).view(fdt.newbyteorder("<"))
            return np.array({"NaN": np.nan, "Infinity": np.inf, "-Infinity": -np.inf}[v], dtype=fdt)
        return np.array(v, dtype=fdt)

    if dt.kind == "c":
        half = np.dtype("<f%d" % (dt.itemsize // 2))
        re, im = one_float(fill[0], half), one_float(fill[1], half)
        out = np.zeros((), dtype=dt)
        pair = out.reshape(1).view(half)
        pair[0], pair[1] = re, im
        return out
    if dt.kind == "f":
        return one_float(fill, dt)
    return np.array(fill, dtype=dt)


# ----------------------------------------------------------------- codecs (encode side)

BYTES_NUMCODECS = {"numcodecs." + c for c in ("zlib", "gzip", "lz4", "zstd", "bz2", "blosc", "shuffle", "crc32",
                                               "adler32")}

SHUFFLES = {"noshuffle": numcodecs.Blosc.NOSHUFFLE, "shuffle": numcodecs.Blosc.SHUFFLE,
            "bitshuffle": numcodecs.Blosc.BITSHUFFLE}


def encode_bytes_to_bytes(codec: dict, data: bytes) -> bytes:
    name, cfg = codec["name"], codec.get("configuration", {})
    if name == "blosc":
        comp = numcodecs.Blosc(cname=cfg["cname"], clevel=cfg["clevel"], shuffle=SHUFFLES[cfg["shuffle"]],
                               blocksize=cfg.get("blocksize", 0))
        typesize = cfg.get("typesize", 1)
        # numcodecs takes blosc's typesize from the buffer's item size.
        buf = np.frombuffer(data, dtype=np.dtype("V%d" % typesize)) if typesize > 1 else data
        return bytes(comp.encode(buf))
    if name == "gzip":
        return bytes(numcodecs.GZip(level=cfg["level"]).encode(data))
    if name == "zstd":
        assert not cfg.get("checksum", False), "numcodecs 0.11 Zstd writes no checksum"
        return bytes(numcodecs.Zstd(level=cfg["level"]).encode(data))
    if name == "crc32c":
        return data + struct.pack("<I", crc32c(data))
    if name.startswith("numcodecs."):
        known = {k: v for k, v in cfg.items() if not (name == "numcodecs.blosc" and k == "typesize")}
        codec = numcodecs.get_codec(dict(known, id=name[len("numcodecs."):]))
        if name == "numcodecs.blosc":  # numcodecs 0.11 takes blosc's typesize from the buffer's item size
            size = cfg.get("typesize", 1)
            data = np.frombuffer(data, dtype=np.dtype("V%d" % size)) if size > 1 else data
        return bytes(np.asarray(codec.encode(data)).tobytes() if name in ("numcodecs.crc32", "numcodecs.adler32")
                     else codec.encode(data))
    raise ValueError("unknown bytes codec " + name)


def encode_chunk(codecs: list, chunk: np.ndarray, fill: np.ndarray, empty_inner=frozenset()):
    """Runs the v3 codec chain forwards on one chunk (numpy array at the full chunk shape).

    Returns (bytes, decoded): decoded is what a reader must get back, i.e. the chunk with
    any inner chunks left empty by sharding replaced by the fill value. `empty_inner`
    holds inner-chunk coordinates in the grid the sharding codec sees (after any
    transpose before it)."""
    i = 0
    orders = []
    while codecs[i]["name"] == "transpose":
        order = codecs[i]["configuration"]["order"]
        chunk = np.transpose(chunk, order)
        orders.append(order)
        i += 1
    # zarr-python 3's numcodecs array->array codecs: numcodecs encodes the chunk (flat, possibly
    # in another dtype or shape); a reader gets back what numcodecs decodes from that.
    numcodecs_filters = []
    while codecs[i]["name"].startswith("numcodecs.") and codecs[i]["name"] not in BYTES_NUMCODECS:
        cfg = codecs[i].get("configuration", {})
        numcodecs_filters.append((numcodecs.get_codec(dict(cfg, id=codecs[i]["name"][len("numcodecs."):])), chunk.shape))
        chunk = np.asarray(numcodecs_filters[-1][0].encode(chunk))
        if chunk.ndim == 1 and chunk.size == int(np.prod(numcodecs_filters[-1][1])):
            chunk = chunk.reshape(numcodecs_filters[-1][1])
        i += 1
    a2b = codecs[i]
    if a2b["name"] == "bytes":
        endian = a2b.get("configuration", {}).get("endian", "little")
        data = raw_bytes(chunk, endian)
    elif a2b["name"] == "sharding_indexed":
        data, chunk = encode_shard(a2b["configuration"], chunk, fill, empty_inner)
    elif a2b["name"] in ("vlen-utf8", "vlen-bytes"):
        # zarr-python 3's codecs for the string/bytes data types: numcodecs' layout, C order.
        codec = numcodecs.VLenUTF8() if a2b["name"] == "vlen-utf8" else numcodecs.VLenBytes()
        data = bytes(codec.encode(np.ascontiguousarray(chunk)))
    else:
        raise ValueError("not an array-to-bytes codec: " + a2b["name"])
    for codec in codecs[i + 1:]:
        data = encode_bytes_to_bytes(codec, data)
    for codec, shape in reversed(numcodecs_filters):
        chunk = np.asarray(codec.decode(chunk)).reshape(shape)
    for order in reversed(orders):  # decoded view: undo the transposes
        chunk = np.transpose(chunk, np.argsort(order))
    return data, chunk


def encode_shard(cfg: dict, shard: np.ndarray, fill: np.ndarray, empty_inner):
    inner = tuple(cfg["chunk_shape"])
    grid = tuple(s // c for s, c in zip(shard.shape, inner))
    assert all(g * c == s for g, c, s in zip(grid, inner, shard.shape)), "shard not a multiple of inner chunks"
    index = np.full(grid + (2,), U64_MAX, dtype="<u8")
    at_start = cfg.get("index_location", "end") == "start"
    n = int(np.prod(grid))
    index_size = len(encode_index(cfg["index_codecs"], index))
    decoded = shard.copy()
    body = bytearray()
    base = index_size if at_start else 0
    # Inner chunks are written in reverse C order so offsets are not simply monotone.
    for flat in reversed(range(n)):
        coord = tuple(int(c) for c in np.unravel_index(flat, grid))
        sl = tuple(slice(c * s, (c + 1) * s) for c, s in zip(coord, inner))
        if coord in empty_inner:
            decoded[sl] = fill
            continue
        enc, dec = encode_chunk(cfg["codecs"], shard[sl], fill)
        decoded[sl] = dec
        index[coord] = (base + len(body), len(enc))
        body += enc
    idx = encode_index(cfg["index_codecs"], index)
    assert len(idx) == index_size
    return (bytes(idx + body) if at_start else bytes(body + idx)), decoded


def encode_index(index_codecs: list, index: np.ndarray) -> bytes:
    return encode_chunk(index_codecs, index, np.array(0, dtype="<u8"))[0]


# ----------------------------------------------------------------- writing nodes

def chunk_key(enc: dict, coord) -> str:
    sep = enc.get("configuration", {}).get("separator", "/" if enc["name"] == "default" else ".")
    parts = [str(c) for c in coord]
    if enc["name"] == "default":
        return sep.join(["c"] + parts)
    return sep.join(parts) if parts else "0"


def write_json(path: str, doc: dict):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(doc, f, indent=2, allow_nan=False)


def group_doc(attributes=None) -> dict:
    return {"zarr_format": 3, "node_type": "group", "attributes": attributes or {}}
