#!/usr/bin/python3
"""Writes codec test vectors with the real zarr-python 2.13 / numcodecs 0.11 (Debian's
/usr/bin/python3). Usage: make_vectors.py OUTDIR

OUTDIR/manifest.json lists
  v2 cases:    {"kind": "v2", "name", "zarray", "chunk", "npy"} - a one-chunk zarr v2 array
               written by zarr itself (.zarray + chunk file) and the expected array as .npy;
  v3 cases:    {"kind": "v3", "name", "zarrjson", "chunk", "npy"} - a one-chunk v3 array in
               zarr-python 3's spelling ("numcodecs.<id>" codecs, NumPy dtype names), its chunk
               encoded by numcodecs (scripts/zarrv3.py) and what numcodecs decodes back as .npy;
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
from numcodecs import (BZ2, CRC32, LZ4, Adler32, AsType, BitRound, Blosc, Categorize, Delta, FixedScaleOffset,
                       GZip, PackBits, Quantize, Shuffle, Zlib, Zstd)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from zarrv3 import crc32c, encode_chunk, write_json  # noqa: E402  the project's small v3 writer


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


def v2(name, dtype, shape, compressor=None, filters=None, order='C', data=None, fill_value=None):
    path = os.path.join(out, name)
    z = zarr.open_array(path, mode='w', shape=shape, chunks=shape, dtype=dtype, compressor=compressor,
                        filters=filters, order=order, fill_value=fill_value)
    a = sample(dtype, shape) if data is None else data.astype(dtype).reshape(shape)
    z[...] = a
    key = '.'.join('0' for _ in shape) if shape else '0'
    np.save(os.path.join(out, name + '.npy'), np.ascontiguousarray(z[...]))
    case = {'kind': 'v2', 'name': name, 'zarray': os.path.join(path, '.zarray'),
            'chunk': os.path.join(path, key), 'npy': os.path.join(out, name + '.npy')}
    if filters and compressor is None and order == 'C':
        # what went in: our encoder must write the same bytes numcodecs wrote
        np.save(os.path.join(out, name + '.orig.npy'), np.ascontiguousarray(a))
        case['orig'] = os.path.join(out, name + '.orig.npy')
    manifest.append(case)


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

# the numcodecs filters real stores use (issue 13)
wave = np.sin(np.arange(91) / 7.0) * 50 + 1000 + rng.normal(size=91)
v2('fso_f8_u1', '<f8', (13, 7), filters=[FixedScaleOffset(offset=1000, scale=10, dtype='<f8', astype='u1')], data=np.clip(wave, 1000, 1025))
v2('fso_f4_i2_zlib', '<f4', (91,), filters=[FixedScaleOffset(offset=1012.5, scale=100.0, dtype='<f4', astype='<i2')],
   compressor=Zlib(), data=wave)
v2('fso_f8_bei4', '>f8', (91,), filters=[FixedScaleOffset(offset=-3, scale=1000, dtype='>f8', astype='>i4')], data=wave)
v2('fso_f8_f4code', '<f8', (91,), filters=[FixedScaleOffset(offset=1000, scale=0.5, dtype='<f8', astype='<f4')], data=wave)
v2('fso_f2_f2code', '<f2', (91,), filters=[FixedScaleOffset(offset=1, scale=3, dtype='<f2')], data=wave / 100)
v2('fso_f4_f4code', '<f4', (91,), filters=[FixedScaleOffset(offset=900.25, scale=0.1, dtype='<f4')], data=wave)
v2('fso_i4_u1', '<i4', (91,), filters=[FixedScaleOffset(offset=100, scale=1, dtype='<i4', astype='u1')], data=ramp)
v2('fso_blosc', '<f8', (13, 7), filters=[FixedScaleOffset(offset=0, scale=2**10, dtype='<f8', astype='<i8')],
   compressor=Blosc(cname='zstd', shuffle=Blosc.SHUFFLE), data=wave)
v2('bitround_f4_10', '<f4', (13, 7), filters=[BitRound(keepbits=10)], data=wave)
v2('bitround_f8_3', '<f8', (91,), filters=[BitRound(keepbits=3)], data=wave)
v2('bitround_f2_0', '<f2', (91,), filters=[BitRound(keepbits=0)], data=wave / 100)
v2('bitround_f8_zstd', '<f8', (13, 7), filters=[BitRound(keepbits=20)], compressor=Zstd(), data=wave)
v2('quantize_f8_3', '<f8', (13, 7), filters=[Quantize(digits=3, dtype='<f8')], data=wave / 1000)
v2('quantize_f8_f4_5', '<f8', (91,), filters=[Quantize(digits=5, dtype='<f8', astype='<f4')], data=wave / 1000)
v2('quantize_f4_1_lz4', '<f4', (91,), filters=[Quantize(digits=1, dtype='<f4')], compressor=LZ4(), data=wave)
v2('quantize_f2_2', '<f2', (91,), filters=[Quantize(digits=2, dtype='<f2')], data=wave / 1000)
v2('packbits_91', '|b1', (13, 7), filters=[PackBits()])
v2('packbits_64', '|b1', (8, 8), filters=[PackBits()])
v2('packbits_1', '|b1', (1,), filters=[PackBits()], data=np.array([True]))
v2('packbits_zlib', '|b1', (100,), filters=[PackBits()], compressor=Zlib())
fruit = np.array(['apple', 'fig', 'kiwi', 'apple', 'pear', '', 'fig', 'kiwi\u00e9'] * 12)[:91]
v2('categorize_u5', '<U5', (91,), filters=[Categorize(labels=['apple', 'fig', 'kiwi\u00e9', 'kiwi'], dtype='<U5')],
   data=fruit, fill_value='')
v2('categorize_u5_u2_zstd', '<U5', (13, 7), filters=[Categorize(labels=['kiwi', 'apple', 'fig'], dtype='<U5', astype='<u2')],
   compressor=Zstd(), data=fruit, fill_value='')
v2('categorize_beu4_i1', '>U4', (91,), filters=[Categorize(labels=['fig', 'pear'], dtype='>U4', astype='i1')],
   data=np.array([f[:4] for f in fruit]), fill_value='')
v2('astype_f8_f4', '<f8', (13, 7), filters=[AsType(encode_dtype='<f4', decode_dtype='<f8')], data=wave)
v2('astype_i8_i2_zlib', '<i8', (91,), filters=[AsType(encode_dtype='<i2', decode_dtype='<i8')], compressor=Zlib(), data=ramp)
v2('astype_f4_beu2', '<f4', (91,), filters=[AsType(encode_dtype='>u2', decode_dtype='<f4')], data=np.floor(wave))
v2('astype_u1_f8', '|u1', (91,), filters=[AsType(encode_dtype='<f8', decode_dtype='|u1')], data=ramp % 256)
v2('crc32_filter_zlib', '<i4', (13, 7), filters=[CRC32()], compressor=Zlib())
v2('crc32_compressor', '<f8', (91,), compressor=CRC32())
v2('adler32_filter', '>i2', (13, 7), filters=[Adler32()])
v2('adler32_after_delta', '<i4', (91,), filters=[Delta(dtype='<i4', astype='<i2'), Adler32()], compressor=LZ4(), data=ramp)
v2('fso_then_delta_blosc', '<f8', (91,), filters=[FixedScaleOffset(offset=1000, scale=100, dtype='<f8', astype='<i4'),
                                                   Delta(dtype='<i4', astype='<i2')],
   compressor=Blosc(cname='lz4', shuffle=Blosc.SHUFFLE), data=wave)


# ---- v3 arrays in zarr-python 3's spelling, chunks encoded by numcodecs ----
LE = {'name': 'bytes', 'configuration': {'endian': 'little'}}
BE = {'name': 'bytes', 'configuration': {'endian': 'big'}}


def v3(name, data_type, data, codecs, fill=0):
    a = np.asarray(data)
    enc, dec = encode_chunk(codecs, a, np.array(fill, dtype=a.dtype))
    zj = os.path.join(out, name, 'zarr.json')
    write_json(zj, {'zarr_format': 3, 'node_type': 'array', 'shape': list(a.shape), 'data_type': data_type,
                    'chunk_grid': {'name': 'regular', 'configuration': {'chunk_shape': list(a.shape)}},
                    'chunk_key_encoding': {'name': 'default'}, 'fill_value': fill, 'codecs': codecs})
    with open(os.path.join(out, name, 'chunk'), 'wb') as f:
        f.write(enc)
    np.save(os.path.join(out, name + '.npy'), np.ascontiguousarray(dec).astype(dec.dtype.newbyteorder('<')))
    manifest.append({'kind': 'v3', 'name': name, 'zarrjson': zj, 'chunk': os.path.join(out, name, 'chunk'),
                     'npy': os.path.join(out, name + '.npy')})


w2 = wave.reshape(13, 7)
ramp2 = ramp.reshape(13, 7)
v3('v3_delta_int32', 'int32', ramp2.astype('<i4'), [{'name': 'numcodecs.delta', 'configuration': {'dtype': 'int32'}}, LE])
v3('v3_delta_astype_int16_be', 'int64', ramp2.astype('<i8'),
   [{'name': 'numcodecs.delta', 'configuration': {'dtype': 'int64', 'astype': 'int16'}}, BE,
    {'name': 'numcodecs.zstd', 'configuration': {'level': 3}}])
v3('v3_fso_float64_u2', 'float64', w2, [{'name': 'numcodecs.fixedscaleoffset',
                                         'configuration': {'offset': 1000, 'scale': 100, 'dtype': 'float64', 'astype': 'uint16'}},
                                        LE, {'name': 'numcodecs.zlib', 'configuration': {'level': 1}}])
v3('v3_fso_lt_f4_i1', 'float32', (w2 / 10).astype('<f4'), [{'name': 'numcodecs.fixedscaleoffset',
                                                           'configuration': {'offset': 100.5, 'scale': 4, 'dtype': '<f4', 'astype': '|i1'}}, BE])
v3('v3_bitround', 'float32', w2.astype('<f4'), [{'name': 'numcodecs.bitround', 'configuration': {'keepbits': 6}}, LE,
                                               {'name': 'numcodecs.gzip', 'configuration': {'level': 5}}])
v3('v3_quantize', 'float64', w2 / 1000, [{'name': 'numcodecs.quantize', 'configuration': {'digits': 4, 'dtype': 'float64'}}, LE,
                                        {'name': 'numcodecs.bz2', 'configuration': {'level': 9}}])
v3('v3_packbits', 'bool', (ramp2 % 3 == 0), [{'name': 'numcodecs.packbits', 'configuration': {}}, LE,
                                              {'name': 'numcodecs.lz4', 'configuration': {'acceleration': 1}}], fill=False)
v3('v3_astype', 'float64', w2, [{'name': 'numcodecs.astype', 'configuration': {'encode_dtype': 'float32', 'decode_dtype': 'float64'}},
                                LE, {'name': 'numcodecs.crc32', 'configuration': {}}])
v3('v3_shuffle_blosc_adler32', 'int32', ramp2.astype('<i4'),
   [LE, {'name': 'numcodecs.shuffle', 'configuration': {'elementsize': 4}},
    {'name': 'numcodecs.blosc', 'configuration': {'cname': 'zstd', 'clevel': 3, 'shuffle': 0, 'blocksize': 0, 'typesize': 4}},
    {'name': 'numcodecs.adler32', 'configuration': {}}])
v3('v3_blosc_shuffle', 'float64', w2,
   [LE, {'name': 'numcodecs.blosc', 'configuration': {'cname': 'lz4', 'clevel': 5, 'shuffle': 1, 'blocksize': 0, 'typesize': 8}}])
v3('v3_fso_delta_chain', 'float64', wave, [
    {'name': 'numcodecs.fixedscaleoffset', 'configuration': {'offset': 1000, 'scale': 10, 'dtype': 'float64', 'astype': 'int32'}},
    {'name': 'numcodecs.delta', 'configuration': {'dtype': 'int32', 'astype': 'int8'}}, LE,
    {'name': 'numcodecs.zstd', 'configuration': {'level': 1}}, {'name': 'crc32c'}])


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
