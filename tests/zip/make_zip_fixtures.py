#!/usr/bin/python3
"""Zip archives for the zip store tests: the good ones written by zarr-python 2.13's ZipStore,
the hostile ones by Python's zipfile and then patched byte by byte.

    /usr/bin/python3 make_zip_fixtures.py OUTDIR

OUTDIR/expected.json:
  {"arrays": {"<archive>": [{"path", "npy"}]},   npy = what zarr-python reads from that archive
   "nodes": {"<archive>": ["", "a", "g", ...]},  every node zarr-python finds
   "hostile": [{"archive", "key" (null: opening fails), "error"}]}
"""
import io
import json
import os
import struct
import sys
import zipfile

import numpy as np
import zarr
from numcodecs import Blosc, Zlib

OUT = os.path.abspath(sys.argv[1])
os.makedirs(os.path.join(OUT, "npy"), exist_ok=True)
expected = {"arrays": {}, "nodes": {}, "metadata_entries": {}, "hostile": []}


def fill(root):
    """The same v2 hierarchy in every good archive: groups, compressors, F order, missing chunks, 0-d."""
    root.attrs.update({"title": "zip fixtures"})
    root.create_dataset("a", data=(np.arange(600, dtype="<i4") * 3 - 50).reshape(30, 20), chunks=(7, 6),
                        compressor=Zlib(level=3))
    g = root.create_group("g")
    g.attrs["kind"] = "subgroup"
    b = g.create_dataset("b", shape=(9, 8), chunks=(4, 3), dtype=">f8", order="F",
                         compressor=Blosc(cname="zstd", shuffle=Blosc.BITSHUFFLE))
    b[...] = np.linspace(-1, 1, 72).reshape(9, 8)
    sparse = g.create_dataset("sparse", shape=(20, 20), chunks=(5, 5), dtype="<i2", fill_value=-1)
    sparse[0:5, 5:12] = 7
    root.create_dataset("s", data=np.array(2.5, dtype="<f4"), shape=())
    nested = root.create_dataset("nested", shape=(6, 6), chunks=(3, 3), dtype="<u2", dimension_separator="/",
                                 compressor=None)
    nested[...] = np.arange(36, dtype="<u2").reshape(6, 6)
    # Incompressible chunks make the archive larger than the 64 KiB tail read first, so its
    # directory takes a second range request.
    rng = np.random.default_rng(13)
    root.create_dataset("big", data=rng.integers(0, 2**31, size=(64, 512), dtype="<i4"), chunks=(16, 512),
                        compressor=None)


def record(name, opener, prefix=""):
    """Reads the archive back with zarr-python: the nodes it finds and each array's values."""
    store = opener()
    root = zarr.open_group(store, mode="r", path=prefix or None)
    nodes = [""]
    arrays = []

    def visit(path, obj):
        nodes.append(path)
        if isinstance(obj, zarr.Array):
            npy = "npy/%s-%s.npy" % (name.replace("/", "_"), path.replace("/", "_"))
            np.save(os.path.join(OUT, npy), np.array(obj[...], order="C"))  # C order, as zarrscope reads
            arrays.append({"path": path, "npy": npy})

    root.visititems(visit)
    expected["nodes"][name] = sorted(nodes)
    names = store.keys()
    expected["metadata_entries"][name] = sum(1 for k in names if k.rsplit("/", 1)[-1] in (".zgroup", ".zarray", ".zattrs")
                                             and (not prefix or k.startswith(prefix + "/")))
    expected["arrays"][name] = arrays
    store.close()


def zarr_zip(name, compression):
    path = os.path.join(OUT, name)
    store = zarr.ZipStore(path, mode="w", compression=compression)
    fill(zarr.group(store=store))
    store.close()
    record(name, lambda: zarr.ZipStore(path, mode="r"))


zarr_zip("stored.zip", zipfile.ZIP_STORED)
zarr_zip("deflated.zip", zipfile.ZIP_DEFLATED)
# Over a thousand entries: a central directory larger than the 64 KiB tail read first.
many = os.path.join(OUT, "many.zip")
store = zarr.ZipStore(many, mode="w")
zarr.group(store=store).create_dataset("m", data=np.arange(40 * 40 * 64, dtype="<f8").reshape(40, 40, 64),
                                       chunks=(1, 1, 64), compressor=None)
store.close()
record("many.zip", lambda: zarr.ZipStore(many, mode="r"))
# "stored.zip/g": a group inside the archive opens as the store's root.
record("stored.zip/g", lambda: zarr.ZipStore(os.path.join(OUT, "stored.zip"), mode="r"), "g")

# Zipped from the parent folder (`zip -r data.zarr.zip data.zarr`): every entry under data.zarr/,
# with folder entries as zip tools write them.
folder_store = os.path.join(OUT, "data.zarr")
fill(zarr.open_group(folder_store, mode="w"))
with zipfile.ZipFile(os.path.join(OUT, "folder.zarr.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    for base, dirs, files in sorted(os.walk(folder_store)):
        dirs.sort()
        rel = os.path.relpath(base, OUT)
        z.write(base, rel + "/")
        for f in sorted(files):
            z.write(os.path.join(base, f), os.path.join(rel, f))
record("folder.zarr.zip", lambda: zarr.ZipStore(os.path.join(OUT, "folder.zarr.zip"), mode="r"), "data.zarr")

# Zip64 everywhere: with the limits at 0, Python's zipfile writes the Zip64 extra field in local
# and central headers for every entry and the Zip64 end record and locator, exactly as it does
# for archives over 4 GiB, without writing 4 GiB.
saved = (zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT)
zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = 0, 0
zarr_zip("zip64.zip", zipfile.ZIP_DEFLATED)
zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = saved
with open(os.path.join(OUT, "zip64.zip"), "rb") as f:
    assert b"PK\x06\x06" in f.read(), "no Zip64 end record written"


# ---- hostile archives
def small_zip(entries, compression=zipfile.ZIP_STORED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return bytearray(buf.getvalue())


GROUP = b'{"zarr_format": 2}'
ZARRAY = json.dumps({"zarr_format": 2, "shape": [4], "chunks": [4], "dtype": "<i4", "compressor": None,
                     "fill_value": 0, "order": "C", "filters": None}).encode()
CHUNK = np.arange(4, dtype="<i4").tobytes()


def central(data, name):
    """Offset of the central directory entry of `name`."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        n = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + n]) == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(name)


def local(data, name):
    return struct.unpack_from("<I", data, central(data, name) + 42)[0]


def eocd(data):
    return data.rfind(b"PK\x05\x06")


def hostile(name, data, key, error):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    expected["hostile"].append({"archive": name, "key": key, "error": error})


good = [(".zgroup", GROUP), ("x/.zarray", ZARRAY), ("x/0", CHUNK)]
with open(os.path.join(OUT, "small.zip"), "wb") as f:  # the unpatched base of the hostile ones
    f.write(small_zip(good))
hostile("dotdot.zip", small_zip(good + [("../evil/.zgroup", GROUP)]), None, 'zip entry name with ".." is refused')
hostile("absolute.zip", small_zip(good + [("/etc/.zgroup", GROUP)]), None, "zip entry with an absolute path is refused")
hostile("backslash.zip", small_zip(good + [("x\\1", CHUNK)]), None, "zip entry name with a backslash is refused")

d = small_zip(good)
struct.pack_into("<I", d, central(d, "x/0") + 20, 1 << 30)   # compressed size far beyond the archive
struct.pack_into("<I", d, central(d, "x/0") + 24, 1 << 30)
hostile("size-beyond.zip", d, None, "reaches beyond its archive's data")

d = small_zip(good)
struct.pack_into("<I", d, central(d, "x/0") + 42, 0x7FFFFFF0)  # local header offset beyond the archive
hostile("offset-beyond.zip", d, None, "reaches beyond its archive's data")

d = small_zip(good)
struct.pack_into("<I", d, central(d, "x/0") + 42, local(d, "x/.zarray"))  # two entries share bytes
hostile("overlap.zip", d, None, "zip entries overlap")

d = small_zip(good)
d = d[:eocd(d) - 10] + d[eocd(d):]            # directory cut short, end record intact
hostile("truncated-directory.zip", d, None, "zip central directory")

d = small_zip(good)
hostile("truncated-tail.zip", d[:len(d) - 30], None, "not a zip archive: no end-of-central-directory record")

d = small_zip(good)
struct.pack_into("<H", d, eocd(d) + 8, 4)      # declares one entry more than it holds
struct.pack_into("<H", d, eocd(d) + 10, 4)
hostile("missing-entry.zip", d, None, "zip central directory of 157 bytes cannot hold the 4 entries it declares")

hostile("not-a-zip.zip", bytearray(b"just some text, not an archive\n" * 4), None,
        "not a zip archive: no end-of-central-directory record")

# Entry-level problems: the archive opens, reading that one entry fails naming it.
d = small_zip(good)
for at in (local(d, "x/0") + 6, central(d, "x/0") + 8):
    d[at] |= 1                                  # the traditional encryption flag
hostile("encrypted.zip", d, "x/0", "zip entry is encrypted")

d = small_zip(good)
for at in (local(d, "x/0") + 8, central(d, "x/0") + 10):
    struct.pack_into("<H", d, at, 12)           # bzip2
hostile("method.zip", d, "x/0", "compression method 12")

bomb = np.zeros(1 << 20, dtype="u1").tobytes()  # 1 MiB of zeros deflates to about 1 KiB
d = small_zip(good + [("x/1", bomb)], zipfile.ZIP_DEFLATED)
struct.pack_into("<I", d, central(d, "x/1") + 24, 4096)  # declares 4 KiB: inflating must stop there
hostile("bomb.zip", d, "x/1", "zip entry inflates to more than its declared 4096 bytes")

d = small_zip(good + [("x/1", bomb)], zipfile.ZIP_DEFLATED)
struct.pack_into("<I", d, central(d, "x/1") + 24, 0x7FFFFFFF)  # declares 2 GiB from 1 KiB
hostile("ratio.zip", d, "x/1", "more than deflate can produce")

d = small_zip(good)
d[local(d, "x/0") + 30 + 3] ^= 0xFF             # one stored data byte damaged
hostile("crc.zip", d, "x/0", "CRC-32 does not match")

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
