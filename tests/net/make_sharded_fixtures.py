#!/usr/bin/python3
"""Writes sharded Zarr v3 arrays for the sharded-over-HTTP tests.

Usage: /usr/bin/python3 make_sharded_fixtures.py OUTDIR

zarr-python 2.13 writes no v3, so this reuses the project's spec-based v3 writer
(tests/conformance/make_v3_fixtures.py, cross-checked against zarrita there) and then
damages copies of one array the ways a broken store would.

OUTDIR/sharded.zarr holds int32 arrays of 200x150 in shards of 100x50 (a 2x3 shard grid)
with 10x10 inner chunks (10x5 per shard), inner codecs bytes + zstd, index bytes + crc32c:

  end      index at the end (the default place)
  start    index at the start
  sparse   index at the end; shard (1,2) absent; inner chunks (0,0), (3,4), (9,4) of
           shard (0,0) and (5,2) of shard (1,0) left empty (fill value -5)
  bad_crc  "end" with the index checksum of shard c/0/1 broken
  past_end "end" with entry 7 of shard c/1/1 pointing past the end of the object
           (index re-encoded with a valid checksum)
  far_past_end  the same with an offset of 2^40: its range starts beyond the object (HTTP 416)

OUTDIR/expected/<name>.npy is the whole array a reader must return (numpy, little endian),
and OUTDIR/manifest.json maps each array to it.
"""

import json
import os
import shutil
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance"))
import make_v3_fixtures as v3  # noqa: E402

SHAPE, SHARD, INNER = (200, 150), (100, 50), (10, 10)
N_INNER = (SHARD[0] // INNER[0]) * (SHARD[1] // INNER[1])
INDEX_BYTES = 16 * N_INNER + 4


def sharding(location):
    return [{"name": "sharding_indexed",
             "configuration": {"chunk_shape": list(INNER), "codecs": [v3.b(), v3.zstd(1)],
                               "index_codecs": [v3.b(), v3.CRC], "index_location": location}}]


def rewrite_index(shard_path, change):
    """Decodes the end-of-shard index, lets `change` edit its entries, re-encodes it."""
    with open(shard_path, "rb") as f:
        data = bytearray(f.read())
    raw = bytes(data[-INDEX_BYTES:-4])
    assert struct.unpack("<I", data[-4:])[0] == v3.crc32c(raw)
    entries = list(struct.unpack("<%dQ" % (2 * N_INNER), raw))
    change(entries, len(data))
    raw = struct.pack("<%dQ" % (2 * N_INNER), *entries)
    data[-INDEX_BYTES:] = raw + struct.pack("<I", v3.crc32c(raw))
    with open(shard_path, "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 2:
        print("usage: make_sharded_fixtures.py OUTDIR", file=sys.stderr)
        return 1
    out = sys.argv[1]
    store = "sharded.zarr"
    for name in (store, "expected"):
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
    fx = v3.Fixtures(out)
    fx.group(store, "")
    data = v3.sample(SHAPE, "int32", seed=77)
    expected = {}

    def write(name, location, **kw):
        fx.array(store, name, data, SHARD, -5, sharding(location), **kw)
        expected[name] = fx.entries[-1]["expected"]

    write("end", "end")
    write("start", "start")
    write("sparse", "end", missing={(1, 2)}, empty_inner={(0, 0): [(0, 0), (3, 4), (9, 4)], (1, 0): [(5, 2)]})
    write("bad_crc", "end")
    write("past_end", "end")
    write("far_past_end", "end")

    bad = os.path.join(out, store, "bad_crc", "c", "0", "1")
    with open(bad, "r+b") as f:
        f.seek(-1, os.SEEK_END)
        last = f.read(1)
        f.seek(-1, os.SEEK_END)
        f.write(bytes([last[0] ^ 0xFF]))

    def past_end(entries, size):
        entries[2 * 7] = size - 10  # offset: the chunk's bytes run past the end of the object
        entries[2 * 7 + 1] = 400

    rewrite_index(os.path.join(out, store, "past_end", "c", "1", "1"), past_end)

    def far_past_end(entries, size):
        entries[2 * 7] = 2**40

    rewrite_index(os.path.join(out, store, "far_past_end", "c", "1", "1"), far_past_end)

    names = {}
    for name, npy in expected.items():
        target = os.path.join(out, "expected", name + ".npy")
        os.replace(os.path.join(out, npy), target)
        names[name] = "expected/%s.npy" % name
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"store": store, "arrays": names, "index_bytes": INDEX_BYTES}, f, indent=1)
    print("wrote %d arrays to %s" % (len(names), out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
