#!/usr/bin/python3
"""Writes codec test vectors with the real zarr-python 2.13 / numcodecs 0.11 (Debian's
/usr/bin/python3). Usage: make_vectors.py OUTDIR

OUTDIR/manifest.json lists
  v2 cases:    {"kind": "v2", "name", "zarray", "chunk", "npy"} - a one-chunk zarr v2 array
               written by zarr itself (.zarray + chunk file) and the expected array as .npy;
  shard cases: {"kind": "shard", "name", "codec", "shape", "dtype", "fill", "shard", "npy"} -
               a v3 sharding_indexed shard assembled here by the spec, with inner chunks
               compressed by numcodecs and an independent bitwise CRC-32C.

make_vectors.py --check MANIFEST decodes chunks zarrscope encoded, the other way round.
"""
import json
import os
import struct
import sys

import numcodecs
import numpy as np
import zarr
from numcodecs import BZ2, LZ4, Blosc, Delta, GZip, Shuffle, Zlib, Zstd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from zarrv3 import crc32c  # noqa: E402  the project's one Python crc32c (Castagnoli)


def check(manifest_path):
    """--check MANIFEST: decodes chunks zarrscope encoded, with numcodecs, and compares."""
    from numcodecs.compat import ensure_contiguous_ndarray
    bad = 0
    for case in json.load(open(manifest_path)):
        buf = open(case['enc'], 'rb').read()
        if case['compressor'] is not None:
            buf = numcodecs.get_codec(dict(case['compressor'])).decode(buf)
        for f in reversed(case['filters'] or []):
            buf = numcodecs.get_codec(dict(f)).decode(buf)
        got = ensure_contiguous_ndarray(buf).tobytes()
        if got != open(case['raw'], 'rb').read():
            print('MISMATCH', case['name'], file=sys.stderr)
            bad += 1
    print(bad, 'mismatches')
    sys.exit(1 if bad else 0)


if sys.argv[1] == '--check':
    check(sys.argv[2])

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
manifest = []
rng = np.random.default_rng(42)


def sample(dtype, shape):
    dt = np.dtype(dtype)
    n = int(np.prod(shape))
    if dt.kind == 'b':
        a = rng.integers(0, 2, n).astype(dt)
    elif dt.kind in 'iu':
        info = np.iinfo(dt)
        # smooth-ish ramps compress, random noise exercises every byte
        a = (np.arange(n) * 7 + rng.integers(0, 50, n)).astype(np.int64)
        a = (a % (min(int(info.max), 1 << 40))).astype(dt)
    elif dt.kind == 'f':
        a = (np.sin(np.arange(n) / 10.0) * 1000 + rng.normal(size=n)).astype(dt)
    elif dt.kind == 'c':
        a = (np.arange(n) + 1j * rng.normal(size=n)).astype(dt)
    elif dt.kind == 'M':
        a = (np.arange(n) * 1000 + 1600000000000000000).astype(dt)
    else:
        raise ValueError(dtype)
    return a.reshape(shape)


def v2(name, dtype, shape, compressor=None, filters=None, order='C', data=None):
    path = os.path.join(out, name)
    z = zarr.open_array(path, mode='w', shape=shape, chunks=shape, dtype=dtype, compressor=compressor,
                        filters=filters, order=order, fill_value=None)
    a = sample(dtype, shape) if data is None else data.astype(dtype).reshape(shape)
    z[...] = a
    key = '.'.join('0' for _ in shape) if shape else '0'
    np.save(os.path.join(out, name + '.npy'), np.ascontiguousarray(z[...]))
    manifest.append({'kind': 'v2', 'name': name, 'zarray': os.path.join(path, '.zarray'),
                     'chunk': os.path.join(path, key), 'npy': os.path.join(out, name + '.npy')})


dtypes = ['|u1', '<i2', '>i2', '<u4', '<f4', '>f8', '<c16', '|b1', '<M8[ns]', '>i8']
compressors = {
    'none': None, 'zlib1': Zlib(level=1), 'gzip5': GZip(level=5), 'zstd3': Zstd(level=3),
    'lz4': LZ4(), 'bz2': BZ2(level=9),
}
for cname in Blosc.list_compressors() if hasattr(Blosc, 'list_compressors') else numcodecs.blosc.list_compressors():
    for shuffle in (Blosc.NOSHUFFLE, Blosc.SHUFFLE, Blosc.BITSHUFFLE):
        compressors['blosc_%s_%d' % (cname, shuffle)] = Blosc(cname=cname, clevel=5, shuffle=shuffle)
compressors['blosc_lz4_auto'] = Blosc(cname='lz4', shuffle=Blosc.AUTOSHUFFLE)
compressors['blosc_lz4_block'] = Blosc(cname='lz4', blocksize=256)

for cid, comp in compressors.items():
    for dt in dtypes:
        tag = dt.replace('<', 'le').replace('>', 'be').replace('|', '').replace('[', '').replace(']', '')
        v2('%s_%s' % (cid, tag), dt, (13, 7), compressor=comp)
# a large-ish chunk so blosc splits it into several blocks
v2('blosc_lz4_big', '<f4', (256, 300), compressor=Blosc(cname='lz4', shuffle=Blosc.SHUFFLE))
v2('blosc_zstd_1d_empty_like', '<f8', (1,), compressor=Blosc(cname='zstd'))

# order F, including 3-d and with a compressor
v2('orderF_2d', '<i4', (5, 7), order='F')
v2('orderF_3d_zstd', '>f4', (3, 4, 5), compressor=Zstd(), order='F')
v2('orderF_3d_blosc_c16', '<c16', (2, 3, 4), compressor=Blosc(), order='F')

# filters (decoded in reverse order after the compressor)
ramp = np.arange(100, 100 + 2 * 91, 2)
v2('delta_i4_i2', '<i4', (13, 7), filters=[Delta(dtype='<i4', astype='<i2')], compressor=Zlib(), data=ramp)
v2('delta_u2_bei4', '<u2', (91,), filters=[Delta(dtype='<u2', astype='>i4')], data=ramp)
v2('delta_i8_i1_wrap', '<i8', (91,), filters=[Delta(dtype='<i8', astype='i1')], data=ramp * 100)
v2('delta_f8', '<f8', (91,), filters=[Delta(dtype='<f8')], compressor=Blosc())
v2('delta_f4_f8', '<f4', (91,), filters=[Delta(dtype='<f4', astype='<f8')])
v2('delta_f8_f4', '<f8', (91,), filters=[Delta(dtype='<f8', astype='<f4')])
v2('delta_i2_f4', '<i2', (91,), filters=[Delta(dtype='<i2', astype='<f4')], data=ramp)
v2('delta_bei2', '>i2', (91,), filters=[Delta(dtype='>i2')], compressor=LZ4(), data=ramp)
v2('shuffle4_f4', '<f4', (13, 7), filters=[Shuffle(elementsize=4)], compressor=Zstd())
v2('shuffle8_f8', '>f8', (13, 7), filters=[Shuffle(elementsize=8)])
v2('shuffle2_i8', '<i8', (13, 7), filters=[Shuffle(elementsize=2)], compressor=GZip())
v2('shuffle1_u1', '|u1', (13, 7), filters=[Shuffle(elementsize=1)])
v2('delta_shuffle_blosc', '<i4', (13, 7), filters=[Delta(dtype='<i4'), Shuffle(elementsize=4)],
   compressor=Blosc(cname='zstd', shuffle=Blosc.NOSHUFFLE), data=ramp)
v2('zlib_as_filter', '<i2', (13, 7), filters=[Zlib(level=9)], compressor=None)


# ---- v3 shards, assembled by the spec ----
def shard(name, dtype, shape, chunk, location, inner_codecs, encode_inner, empty, fill):
    a = sample(dtype, shape)
    grid = [s // c for s, c in zip(shape, chunk)]
    body, entries = b'', []
    for idx in np.ndindex(*grid):
        sl = tuple(slice(i * c, (i + 1) * c) for i, c in zip(idx, chunk))
        if idx in empty:
            a[sl] = fill
            entries.append((2**64 - 1, 2**64 - 1))
            continue
        enc = encode_inner(np.ascontiguousarray(a[sl]))
        entries.append((len(body), len(enc)))
        body += enc
    nidx = 16 * len(entries) + 4
    if location == 'start':
        entries = [(o + nidx, n) if o != 2**64 - 1 else (o, n) for o, n in entries]
    index = b''.join(struct.pack('<QQ', o, n) for o, n in entries)
    index += struct.pack('<I', crc32c(index))
    data = index + body if location == 'start' else body + index
    with open(os.path.join(out, name + '.shard'), 'wb') as f:
        f.write(data)
    np.save(os.path.join(out, name + '.npy'), a.astype(np.dtype(dtype).newbyteorder('<')))
    codec = {'name': 'sharding_indexed', 'configuration': {
        'chunk_shape': list(chunk), 'codecs': inner_codecs,
        'index_codecs': [{'name': 'bytes', 'configuration': {'endian': 'little'}}, {'name': 'crc32c'}],
        'index_location': location}}
    manifest.append({'kind': 'shard', 'name': name, 'codec': codec, 'shape': list(shape),
                     'dtype': {'<f4': 'float32', '<i2': 'int16', '<u8': 'uint64'}[dtype], 'fill': fill,
                     'shard': os.path.join(out, name + '.shard'), 'npy': os.path.join(out, name + '.npy')})


shard('shard_end_gzip', '<f4', (8, 6), (4, 3), 'end',
      [{'name': 'bytes', 'configuration': {'endian': 'little'}}, {'name': 'gzip', 'configuration': {'level': 5}}],
      lambda c: GZip(5).encode(c.astype('<f4').tobytes()), {(1, 0)}, 0)
shard('shard_start_be_zstd_crc', '<i2', (4, 9, 4), (2, 3, 2), 'start',
      [{'name': 'bytes', 'configuration': {'endian': 'big'}}, {'name': 'zstd', 'configuration': {'level': 1}},
       {'name': 'crc32c'}],
      lambda c: (lambda z: z + struct.pack('<I', crc32c(z)))(Zstd(1).encode(c.astype('>i2').tobytes())),
      {(0, 0, 0), (1, 2, 1)}, -7)
shard('shard_end_blosc', '<u8', (16,), (4,), 'end',
      [{'name': 'bytes', 'configuration': {'endian': 'little'}},
       {'name': 'blosc', 'configuration': {'cname': 'zstd', 'clevel': 3, 'shuffle': 'shuffle', 'typesize': 8}}],
      lambda c: Blosc(cname='zstd', clevel=3, shuffle=Blosc.SHUFFLE).encode(c.astype('<u8')), set(), 0)
# an inner transpose: the inner chunk is stored in F order
shard('shard_transpose', '<f4', (4, 6), (2, 3), 'end',
      [{'name': 'transpose', 'configuration': {'order': [1, 0]}}, {'name': 'bytes', 'configuration': {'endian': 'little'}}],
      lambda c: np.asfortranarray(c.astype('<f4')).tobytes(order='F'), {(0, 1)}, 0)

with open(os.path.join(out, 'manifest.json'), 'w') as f:
    json.dump(manifest, f, indent=1)
print(len(manifest), 'cases')
