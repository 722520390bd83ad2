#!/usr/bin/python3
"""Writes the bundled demo store: a Zarr v3 hierarchy that shows what Zarrscope is for.

Usage: /usr/bin/python3 make_demo_store.py OUTDIR     (OUTDIR/demo.zarr is written)

Run at build time (CMake) with Debian's python3 + numpy + numcodecs; the writing is
scripts/zarrv3.py. The data are synthetic and deterministic: no download, no network.

  demo.zarr/                      root group, consolidated metadata (one request lists it all)
    sst/                          an SST-like group, CF-style attributes
      time      int64 (6443,)     days since 2000-01-01 in chunks of 5: 1289 tiny chunks, the
                                  case where sequential HTTP waits a round trip per chunk
      lat       float32 (24,)     degrees_north
      lon       float32 (48,)     degrees_east
      sst       int16 (6443, 24, 48), dims (time, lat, lon), blosc zstd + shuffle, CF-packed
                                  degrees C (scale_factor 0.01, add_offset 15, _FillValue
                                  -32768), land masked: what Zarrscope decodes as xarray does
    elevation   int16 (720, 1440) sharded: shards 180x360 of 45x90 inner chunks, index at the end
    regions/atlantic/sst_mean, regions/pacific/sst_mean   nested groups with small 2-D arrays
"""

import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from zarrv3 import chunk_key, encode_chunk, fill_scalar, group_doc, write_json  # noqa: E402

DEFAULT_KEYS = {"name": "default", "configuration": {"separator": "/"}}
BYTES = {"name": "bytes", "configuration": {"endian": "little"}}


def blosc(typesize):
    return {"name": "blosc", "configuration": {"cname": "zstd", "clevel": 5, "shuffle": "shuffle",
                                               "typesize": typesize, "blocksize": 0}}


class DemoWriter:
    def __init__(self, root):
        self.root = root
        self.docs = {}

    def group(self, path, attributes):
        doc = group_doc(attributes)
        self.docs[path] = doc
        write_json(os.path.join(self.root, path, "zarr.json"), doc)

    def array(self, path, data, chunks, codecs, fill=0, dims=None, attributes=None, data_type=None):
        doc = {
            "zarr_format": 3, "node_type": "array", "shape": list(data.shape),
            "data_type": data_type or str(data.dtype),
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": list(chunks)}},
            "chunk_key_encoding": DEFAULT_KEYS, "fill_value": fill, "codecs": codecs,
            "attributes": attributes or {},
        }
        if dims:
            doc["dimension_names"] = dims
        self.docs[path] = doc
        write_json(os.path.join(self.root, path, "zarr.json"), doc)
        fv = fill_scalar(fill, data.dtype)
        grid = [-(-s // c) for s, c in zip(data.shape, chunks)]
        for coord in np.ndindex(*grid):
            chunk = np.full(chunks, fv, dtype=data.dtype)  # edge chunks padded to the full shape
            sl = tuple(slice(c * k, min((c + 1) * k, s)) for c, k, s in zip(coord, chunks, data.shape))
            part = data[sl]
            chunk[tuple(slice(0, n) for n in part.shape)] = part
            encoded, _ = encode_chunk(codecs, chunk, fv)
            key = os.path.join(self.root, path, chunk_key(DEFAULT_KEYS, coord))
            os.makedirs(os.path.dirname(key), exist_ok=True)
            with open(key, "wb") as f:
                f.write(encoded)

    def consolidate(self, attributes):
        metadata = {}
        for path, doc in sorted(self.docs.items()):
            d = dict(doc)
            if d["node_type"] == "group":
                d["consolidated_metadata"] = None
            metadata[path] = d
        root = group_doc(attributes)
        root["consolidated_metadata"] = {"kind": "inline", "must_understand": False, "metadata": metadata}
        write_json(os.path.join(self.root, "zarr.json"), root)


SST_SCALE, SST_OFFSET, SST_FILL = 0.01, 15.0, -32768


def sst_field(days, lat, lon):
    """A smooth, seasonal sea-surface temperature in degrees C, quantised to 1/8 so it compresses."""
    t = days[:, None, None].astype(np.float64)
    la = np.deg2rad(lat)[None, :, None]
    lo = np.deg2rad(lon)[None, None, :]
    season = np.sin(2 * np.pi * t / 365.25) * np.sin(la)
    field = 28 * np.cos(la) ** 2 - 1.5 + 4 * season + 0.8 * np.sin(3 * lo + t / 90.0) * np.cos(la)
    rng = np.random.default_rng(6443)
    field += rng.normal(0, 0.1, field.shape)
    field = np.maximum(field, -1.8)  # sea water freezes below about -1.8 C
    return (np.round(field * 8) / 8).astype(np.float32)  # eighths: exact in binary


def land_mask(lat, lon):
    """Cells that are land on every day (True): Antarctica and two blocky continents, so the map
    shows masked values as a reader that honours _FillValue must."""
    la, lo = np.asarray(lat)[:, None], np.asarray(lon)[None, :]
    antarctica = la < -65
    americas = (la > 10) & (la < 65) & (lo > 235) & (lo < 295)
    africa = (la > -35) & (la < 35) & (lo > 5) & (lo < 45)
    return antarctica | americas | africa


def sst_packed(field, land):
    """CF packing into int16: round((T - add_offset) / scale_factor), _FillValue on land."""
    packed = np.round((field.astype(np.float64) - SST_OFFSET) / SST_SCALE).astype(np.int16)
    packed[:, land] = SST_FILL
    return packed


def sst_decoded(packed):
    """What xarray 2023.01's decode_cf gives for sst_packed: float32, NaN where _FillValue."""
    out = packed.astype(np.float32)
    out[packed == SST_FILL] = np.nan
    out *= SST_SCALE
    out += SST_OFFSET
    return out


def elevation(shape):
    lat = np.linspace(89.875, -89.875, shape[0])[:, None]
    lon = np.linspace(-179.875, 179.875, shape[1])[None, :]
    z = 3000 * np.sin(np.deg2rad(lon) * 3) * np.cos(np.deg2rad(lat) * 2) - 2500 + 1500 * np.cos(np.deg2rad(lat) * 5)
    return np.clip(z, -11000, 8800).astype(np.int16)


def build(outdir):
    root = os.path.join(outdir, "demo.zarr")
    if os.path.exists(root):
        shutil.rmtree(root)
    w = DemoWriter(root)

    days = np.arange(6443, dtype=np.int64)
    lat = np.linspace(-86.25, 86.25, 24, dtype=np.float32)
    lon = np.linspace(3.75, 356.25, 48, dtype=np.float32)
    w.group("sst", {"title": "Synthetic sea surface temperature (demo)", "Conventions": "CF-1.8",
                    "source": "Zarrscope demo store: smooth seasonal field plus noise, no observations"})
    w.array("sst/time", days, (5,), [BYTES], dims=["time"],
            attributes={"standard_name": "time", "units": "days since 2000-01-01", "calendar": "standard",
                        "axis": "T"})
    w.array("sst/lat", lat, (24,), [BYTES], dims=["lat"],
            attributes={"standard_name": "latitude", "units": "degrees_north", "axis": "Y"})
    w.array("sst/lon", lon, (48,), [BYTES], dims=["lon"],
            attributes={"standard_name": "longitude", "units": "degrees_east", "axis": "X"})
    land = land_mask(lat, lon)
    # The v3 fill_value is the same -32768 (chunks never written read as it), but it is the
    # _FillValue attribute that makes it a missing value for xarray (and for us).
    w.array("sst/sst", sst_packed(sst_field(days, lat, lon), land), (64, 24, 48), [BYTES, blosc(2)],
            fill=SST_FILL, dims=["time", "lat", "lon"],
            attributes={"standard_name": "sea_surface_temperature", "long_name": "Sea surface temperature",
                        "units": "degree_Celsius", "coordinates": "time lat lon",
                        "scale_factor": SST_SCALE, "add_offset": SST_OFFSET, "_FillValue": SST_FILL})

    sharding = {"name": "sharding_indexed", "configuration": {
        "chunk_shape": [45, 90], "codecs": [BYTES, blosc(2)],
        "index_codecs": [BYTES, {"name": "crc32c"}], "index_location": "end"}}
    w.array("elevation", elevation((720, 1440)), (180, 360), [sharding], dims=["lat", "lon"],
            attributes={"long_name": "Synthetic elevation", "units": "m"})

    w.group("regions", {"description": "Nested groups"})
    for name, (la0, lo0) in {"atlantic": (4, 36), "pacific": (4, 16)}.items():
        w.group(f"regions/{name}", {"region": name})
        mean = np.where(land, np.float32(np.nan), sst_field(days[:365], lat, lon).mean(axis=0))
        mean = mean.astype(np.float32)[la0:la0 + 16, lo0:lo0 + 10]
        w.array(f"regions/{name}/sst_mean", np.ascontiguousarray(mean), (8, 10), [BYTES, blosc(4)],
                fill="NaN", dims=["lat", "lon"], attributes={"units": "degree_Celsius", "cell_methods": "time: mean"})

    w.consolidate({"title": "Zarrscope demo store", "zarrscope_demo": True})
    return root


def main():
    if len(sys.argv) != 2:
        print("usage: make_demo_store.py OUTDIR", file=sys.stderr)
        return 1
    root = build(sys.argv[1])
    with open(os.path.join(sys.argv[1], "demo.stamp"), "w") as f:
        f.write(root + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
