#!/usr/bin/python3
"""Stores for the HTTP store tests, written by the real zarr-python 2.13.

  plain/   group with array "a" (40 int32 in chunks of 4, no compressor), "sparse" (some chunks
           never written: absent keys), "many" (300 chunks of 1), and nested group "g/h" with "b"
  consolidated/  the same layout, with .zmetadata
  rootarray/     a store whose root is an array
  blob           48 bytes 0..47, for range reads
"""
import os
import shutil
import sys

import numpy as np
import zarr


def write_layout(path):
    g = zarr.open_group(path, mode="w")
    g.attrs["title"] = "http fixtures"
    a = g.create_dataset("a", shape=(40,), chunks=(4,), dtype="<i4", compressor=None)
    a[:] = np.arange(40, dtype="<i4") * 3
    s = g.create_dataset("sparse", shape=(12,), chunks=(4,), dtype="<f8", fill_value=-1.0)
    s[0:4] = np.arange(4) + 0.5  # chunks 1 and 2 stay absent
    m = g.create_dataset("many", shape=(300,), chunks=(1,), dtype="<i2", compressor=None)
    m[:] = np.arange(300, dtype="<i2")
    h = g.create_group("g").create_group("h")
    b = h.create_dataset("b", shape=(3, 3), chunks=(2, 2), dtype="<u1")
    b[:] = np.arange(9, dtype="<u1").reshape(3, 3)
    return g


def main(out):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    write_layout(os.path.join(out, "plain"))
    write_layout(os.path.join(out, "consolidated"))
    zarr.consolidate_metadata(os.path.join(out, "consolidated"))
    r = zarr.open_array(os.path.join(out, "rootarray"), mode="w", shape=(6,), chunks=(3,), dtype="<i4")
    r[:] = np.arange(6, dtype="<i4")
    with open(os.path.join(out, "blob"), "wb") as f:
        f.write(bytes(range(48)))


if __name__ == "__main__":
    main(sys.argv[1])
