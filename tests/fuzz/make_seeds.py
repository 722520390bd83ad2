#!/usr/bin/python3
# Writes the seed corpora of the fuzz harnesses (tests/fuzz/corpus/<harness>/), run once with
# Debian's /usr/bin/python3 (numcodecs); the output is committed. Seeds are small, valid inputs
# in each harness's framing, so fuzzing starts from the real formats rather than from nothing.
import json, os, struct, sys
import numpy as np
import numcodecs

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus")
sys.path.insert(0, os.path.join(here, "..", "..", "scripts"))
from zarrv3 import crc32c  # noqa: E402  the project's one Python crc32c (Castagnoli)


def put(harness, name, data):
    d = os.path.join(out, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---- metadata: first byte 0 = v2 .zarray, 1 = v3 zarr.json
v2 = {"zarr_format": 2, "shape": [100, 80], "chunks": [10, 8], "dtype": "<f8", "compressor":
      {"id": "blosc", "cname": "lz4", "clevel": 5, "shuffle": 1, "blocksize": 0}, "fill_value": "NaN",
      "order": "C", "filters": [{"id": "delta", "dtype": "<f8"}], "dimension_separator": "/"}
put("metadata", "v2_blosc", b"\0" + json.dumps(v2).encode())
v2b = dict(v2, dtype="|S4", fill_value="AAAAAA==", compressor={"id": "zlib", "level": 1}, filters=None, order="F")
put("metadata", "v2_bytes_zlib_F", b"\0" + json.dumps(v2b).encode())
v2c = dict(v2, dtype="<M8[ns]", fill_value=0, compressor={"id": "lz4"}, filters=[{"id": "shuffle", "elementsize": 8}])
put("metadata", "v2_datetime_lz4", b"\0" + json.dumps(v2c).encode())
v3 = {"zarr_format": 3, "node_type": "array", "shape": [16, 10], "data_type": "int32",
      "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [8, 10]}},
      "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
      "fill_value": 0, "codecs": [{"name": "transpose", "configuration": {"order": [1, 0]}},
                                  {"name": "bytes", "configuration": {"endian": "little"}},
                                  {"name": "zstd", "configuration": {"level": 3, "checksum": False}},
                                  {"name": "crc32c"}],
      "attributes": {"a": [1, {"b": None}]}, "dimension_names": ["y", "x"]}
put("metadata", "v3_zstd_crc", b"\1" + json.dumps(v3).encode())
v3s = dict(v3, data_type="float32", fill_value="NaN",
           codecs=[{"name": "sharding_indexed", "configuration": {
               "chunk_shape": [4, 5], "codecs": [{"name": "bytes", "configuration": {"endian": "big"}},
                                                 {"name": "blosc", "configuration": {"cname": "zstd", "clevel": 1,
                                                  "shuffle": "bitshuffle", "typesize": 4, "blocksize": 0}}],
               "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}],
               "index_location": "start"}}])
put("metadata", "v3_sharded", b"\1" + json.dumps(v3s).encode())
v3g = {"zarr_format": 3, "node_type": "group", "attributes": {}}
put("metadata", "v3_group", b"\1" + json.dumps(v3g).encode())
v3c = dict(v3, data_type="complex64", fill_value=["NaN", 0.5], chunk_key_encoding={"name": "v2"},
           codecs=[{"name": "bytes", "configuration": {"endian": "big"}}, {"name": "gzip", "configuration": {"level": 1}}])
put("metadata", "v3_complex_v2keys", b"\1" + json.dumps(v3c).encode())
# Python's json module writes bare NaN/Infinity tokens (zarr-python, xarray), in strings' company.
v2n = dict(v2, fill_value=float("nan"), filters=None, extra={"valid": [float("-inf"), "NaN", float("inf")]})
put("metadata", "v2_nan_tokens", b"\0" + json.dumps(v2n).encode())
v3e = dict(v3, storage_transformers=[{"name": "x", "must_understand": False}], attributes={"m": float("nan")})
put("metadata", "v3_optional_extension", b"\1" + json.dumps(v3e).encode())

# ---- codecs: [codec][size lo][size hi][flags] + encoded; size in 16-byte units
data = (np.arange(256, dtype="<i4") * 3 - 100).tobytes()
units = len(data) // 16
head = lambda i, exact=1: bytes([i, units & 255, units >> 8, exact])
codecs = [
    numcodecs.Blosc(cname="lz4", clevel=5, shuffle=1),
    numcodecs.Zlib(level=1),
    numcodecs.GZip(level=1),
    numcodecs.Zstd(level=1),
    numcodecs.LZ4(),
    numcodecs.BZ2(level=1),
    numcodecs.Shuffle(elementsize=4),
    numcodecs.Delta(dtype="<i4"),
]
for i, c in enumerate(codecs):
    enc = bytes(c.encode(np.frombuffer(data, dtype="<i4")))
    put("codec", "%d_%s" % (i, c.codec_id), head(i) + enc)
    put("codec", "%d_%s_bound" % (i, c.codec_id), head(i, 0) + enc)
put("codec", "8_crc32c", head(8) + data + struct.pack("<I", crc32c(data)))
put("codec", "0_blosc_zstd", head(0) + bytes(numcodecs.Blosc(cname="zstd", shuffle=2).encode(np.frombuffer(data, "<i4"))))


# the numcodecs filters (codec bytes 9-16 in fuzz_codec.cpp), each encoding 256 elements
def filter_seed(i, name, codec, decoded):
    enc = bytes(np.asarray(codec.encode(decoded)).tobytes())
    n = decoded.nbytes // 16
    put("codec", "%d_%s" % (i, name), bytes([i, n & 255, n >> 8, 1]) + enc)
    put("codec", "%d_%s_bound" % (i, name), bytes([i, n & 255, n >> 8, 0]) + enc)


wave = np.sin(np.arange(256) / 9.0) * 12 + 1010
filter_seed(9, "fixedscaleoffset", numcodecs.FixedScaleOffset(offset=1000, scale=10, dtype="<f8", astype="u1"), wave)
filter_seed(10, "astype", numcodecs.AsType(encode_dtype="<f4", decode_dtype="<i8"), np.arange(256, dtype="<i8") - 100)
filter_seed(11, "quantize", numcodecs.Quantize(digits=3, dtype="<f8", astype="<f4"), wave / 1000)
filter_seed(12, "bitround", numcodecs.BitRound(keepbits=5), wave.astype("<f4"))
filter_seed(13, "packbits", numcodecs.PackBits(), (np.arange(256) % 3 == 0))
filter_seed(14, "categorize", numcodecs.Categorize(labels=["a", "bb", "ccc"], dtype="<U3"),
            np.array(["a", "bb", "ccc", "d"] * 64, dtype="<U3"))
filter_seed(15, "crc32", numcodecs.CRC32(), np.frombuffer(data, "u1"))
filter_seed(16, "adler32", numcodecs.Adler32(), np.frombuffer(data, "u1"))
# hostile: packbits padding byte 9, categorize code beyond the labels
put("codec", "13_packbits_bad_padding", bytes([13, 16, 0, 1, 9]) + b"\xff" * 32)
put("codec", "14_categorize_bad_code", bytes([14, 48, 0, 1]) + bytes([1, 2, 3, 4] * 64))

# ---- shard index: [config] + shard object (see fuzz_shard_index.cpp for the three configs)
shard = np.arange(64, dtype="<i4").reshape(8, 8)
def inner(grid, chunk):
    for i in range(grid[0]):
        for j in range(grid[1]):
            yield shard[i * chunk[0]:(i + 1) * chunk[0], j * chunk[1]:(j + 1) * chunk[1]].tobytes()
# 0: [4,4] raw chunks, index at the end, little endian + crc32c; inner chunk 3 empty
body, index = b"", b""
for k, c in enumerate(inner((2, 2), (4, 4))):
    if k == 3:
        index += struct.pack("<QQ", 2**64 - 1, 2**64 - 1)
        continue
    index += struct.pack("<QQ", len(body), len(c))
    body += c
put("shard_index", "0_end_crc", b"\0" + body + index + struct.pack("<I", crc32c(index)))
# 1: [4,4] gzip chunks, index at the start, big endian, no checksum
chunks = [bytes(numcodecs.GZip(level=1).encode(c)) for c in inner((2, 2), (4, 4))]
offset, index, body = 64, b"", b""
for c in chunks:
    index += struct.pack(">QQ", offset, len(c))
    offset += len(c)
    body += c
put("shard_index", "1_start_gzip", b"\1" + index + body)
# 2: [2,8] chunks each with crc32c, index at the end, little endian, no checksum
body, index = b"", b""
for c in inner((4, 1), (2, 8)):
    c = c + struct.pack("<I", crc32c(c))
    index += struct.pack("<QQ", len(body), len(c))
    body += c
put("shard_index", "2_inner_crc", b"\2" + body + index)

# ---- selection: [rank] + 8 bytes per extent + text
def sel(name, shape, text):
    put("selection", name, bytes([len(shape)]) + b"".join(struct.pack("<Q", n) for n in shape) + text.encode())
sel("all_2d", [100, 80], "")
sel("slices", [100, 80], "10:20,::3")
sel("negative", [100, 80], "-1,5:-5:2")
sel("ellipsis", [4, 5, 6, 7], "...,1")
sel("scalar", [], "...")
sel("huge", [2**63, 3], "9223372036854775000:,1")

# ---- string_codec: [codec][count lo][count hi] + the chunk numcodecs encodes
# codec 0 = vlen-utf8, 1 = vlen-bytes, 2 = json2 (1-D), 3 = json2 over a 2 x count/2 chunk,
# 4 = categorize of object dtype (labels a, bb, é; <u2 codes)
def strings(name, codec, items, data):
    put("string_codec", name, bytes([codec]) + struct.pack("<H", len(items)) + bytes(data))
words = np.array(["", "a", "zarr", "é", "\u20ac\U0001d11e", "x" * 40], dtype=object)
strings("vlen_utf8", 0, words, numcodecs.VLenUTF8().encode(words))
blobs = np.array([b"", b"\x00", b"abc", b"\xff\xfe", b"z" * 17], dtype=object)
strings("vlen_bytes", 1, blobs, numcodecs.VLenBytes().encode(blobs))
mixed = np.empty(5, dtype=object)
mixed[:] = ["s", 1, None, {"k": [1, "two"]}, 2.5]
strings("json2_mixed", 2, mixed, numcodecs.JSON().encode(mixed))
strings("json2_2d", 3, words, numcodecs.JSON().encode(words.reshape(2, 3)))
cats = np.array(["a", "x", "bb", "é", "a"], dtype=object)
strings("categorize_object", 4, cats, numcodecs.Categorize(["a", "bb", "é"], dtype=object, astype="<u2").encode(cats))
