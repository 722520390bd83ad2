#!/usr/bin/python3
"""Blosc arrays for tst_blosc_decode, written by zarr-python 2.13 (v2) and by hand with
numcodecs' Blosc (v3 bytes + blosc, which zarr-python 2.13 cannot write), in layouts that hit
and miss the reader's direct blosc decode.

  make_blosc_fixtures.py DIR                 writes DIR/blosc.zarr
  make_blosc_fixtures.py DIR NAME SEL OUT    saves array NAME's selection SEL (NumPy syntax, as
                                             zarr-python reads it; v3: NumPy's on the values
                                             written) to OUT as .npy
Run with Debian's /usr/bin/python3 (python3-zarr, python3-numcodecs).
"""
import json
import os
import sys

import numpy as np
import zarr
from numcodecs import Blosc, Delta

V2 = {
    # name: shape, chunks, dtype, shuffle, extra create() arguments
    "rows_f4": ((64, 48), (8, 48), "<f4", Blosc.SHUFFLE, {}),
    "tiles_f4": ((50, 30), (16, 12), "<f4", Blosc.SHUFFLE, {}),
    "rows_edge_f8": ((40, 10), (16, 10), "<f8", Blosc.NOSHUFFLE, {}),
    "planes_u1": ((3, 20, 16), (1, 20, 16), "|u1", Blosc.SHUFFLE, {}),
    "planes_u1_bit": ((3, 20, 16), (1, 20, 16), "|u1", Blosc.BITSHUFFLE, {}),
    "line_i8": ((1000,), (100,), "<i8", Blosc.SHUFFLE, {}),
    "rows_big_f4": ((32, 12), (4, 12), ">f4", Blosc.SHUFFLE, {}),
    "rows_missing_i4": ((24, 6), (4, 6), "<i4", Blosc.SHUFFLE, {"fill_value": -7}),
    "rows_delta_i4": ((24, 6), (4, 6), "<i4", Blosc.SHUFFLE, {"filters": [Delta(dtype="<i4")]}),
    "rows_order_f_f4": ((24, 6), (4, 6), "<f4", Blosc.SHUFFLE, {"order": "F"}),
}
V3 = {
    "v3_rows_f4": ((32, 20), (8, 20), "<f4", "little", Blosc.SHUFFLE),
    "v3_tiles_f4": ((30, 20), (8, 8), "<f4", "little", Blosc.SHUFFLE),
    "v3_rows_big_f4": ((32, 20), (8, 20), ">f4", "big", Blosc.SHUFFLE),
}


def values(shape, dtype, seed):
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    if np.dtype(dtype).kind == "f":
        return (rng.normal(0, 100, n)).astype(dtype).reshape(shape)
    info = np.iinfo(np.dtype(dtype))
    return rng.integers(info.min, info.max, n, dtype=np.dtype(dtype), endpoint=True).reshape(shape)


def write_v3(root, name, shape, chunks, dtype, endian, shuffle, seed):
    a = values(shape, dtype, seed)
    path = os.path.join(root, name)
    os.makedirs(path, exist_ok=True)
    typesize = np.dtype(dtype).itemsize
    meta = {"zarr_format": 3, "node_type": "array", "shape": list(shape),
            "data_type": np.dtype(dtype).newbyteorder("=").name,
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": list(chunks)}},
            "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
            "fill_value": 0,
            "codecs": [{"name": "bytes", "configuration": {"endian": endian}},
                       {"name": "blosc", "configuration": {"cname": "lz4", "clevel": 5, "shuffle":
                                                           ["noshuffle", "shuffle", "bitshuffle"][shuffle],
                                                           "typesize": typesize, "blocksize": 0}}]}
    with open(os.path.join(path, "zarr.json"), "w") as f:
        json.dump(meta, f)
    codec = Blosc(cname="lz4", clevel=5, shuffle=shuffle)
    grid = [-(-s // c) for s, c in zip(shape, chunks)]
    for idx in np.ndindex(*grid):
        block = np.zeros(chunks, dtype=dtype)  # edge chunks are padded to the full chunk shape
        part = a[tuple(slice(i * c, (i + 1) * c) for i, c in zip(idx, chunks))]
        block[tuple(slice(0, n) for n in part.shape)] = part
        key = os.path.join(path, "c", *map(str, idx))
        os.makedirs(os.path.dirname(key), exist_ok=True)
        with open(key, "wb") as f:
            f.write(codec.encode(np.ascontiguousarray(block).tobytes()))
    np.save(os.path.join(root, name + ".npy"), a)


def write(root):
    g = zarr.open_group(root, mode="w")
    for seed, (name, (shape, chunks, dtype, shuffle, extra)) in enumerate(V2.items()):
        z = g.create_dataset(name, shape=shape, chunks=chunks, dtype=dtype,
                             compressor=Blosc(cname="lz4", clevel=5, shuffle=shuffle), **extra)
        z[...] = values(shape, dtype, seed)
    os.remove(os.path.join(root, "rows_missing_i4", "2.0"))
    # Hostile chunks: a cut header, and a valid stream of another size (rows_big_f4's 192 bytes).
    z = g.create_dataset("rows_corrupt_f4", shape=(64, 48), chunks=(8, 48), dtype="<f4",
                         compressor=Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE))
    z[...] = values((64, 48), "<f4", 99)
    chunk = os.path.join(root, "rows_corrupt_f4", "%s.0")
    with open(chunk % 1, "r+b") as f:
        f.truncate(10)
    with open(os.path.join(root, "rows_big_f4", "0.0"), "rb") as src, open(chunk % 2, "wb") as f:
        f.write(src.read())
    for seed, (name, (shape, chunks, dtype, endian, shuffle)) in enumerate(V3.items(), 100):
        write_v3(root, name, shape, chunks, dtype, endian, shuffle, seed)


def main():
    root = os.path.join(sys.argv[1], "blosc.zarr")
    if len(sys.argv) == 2:
        write(root)
        return
    name, sel, out = sys.argv[2:5]
    index = eval("np.s_[" + sel + "]")
    if name in V3:
        a = np.load(os.path.join(root, name + ".npy"))[index]
        a = a.astype(a.dtype.newbyteorder("="))  # the reader decodes v3 to the host's order
    else:
        a = zarr.open_array(os.path.join(root, name), mode="r")[index]
    np.save(out, np.ascontiguousarray(a))


if __name__ == "__main__":
    main()
