#!/usr/bin/python3
"""The store tst_slice_conventions browses, written at test time by xarray 2023.01 (through
zarr-python 2.13) as an SST analysis is: int16 packed (scale_factor 0.001, add_offset 298.15,
_FillValue -32768 on "land"), time as days since 1981-01-01, lat increasing, lon, units; beside it
a flag mask, a profile over irregular depths, a field with latitude decreasing, and a swath with
2-D auxiliary lat/lon. expected.json has what xarray decodes at a few cells.
Usage: make_cf_view_store.py OUTDIR"""

import json
import os
import sys

import numpy as np
import pandas as pd
import xarray as xr

out = sys.argv[1]
rng = np.random.default_rng(15)
nt, ny, nx = 3, 18, 36
lat = np.linspace(-85.0, 85.0, ny)  # step 10: cell edges at -90, -80, ... 90
lon = np.linspace(-175.0, 175.0, nx)
sst = 271.0 + 30.0 * rng.random((nt, ny, nx))
sst[:, :4, :] = np.nan  # "land"
sst[1, 7, 9] = np.nan
depth = np.array([0.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0])
yy, xx = np.meshgrid(np.arange(4), np.arange(5), indexing="ij")

ds = xr.Dataset(
    {
        "sst": (("time", "lat", "lon"), sst,
                {"units": "kelvin", "long_name": "analysed sea surface temperature"}),
        "mask": (("lat", "lon"), rng.integers(0, 3, (ny, nx)).astype("uint8"),
                 {"flag_values": np.array([0, 1, 2], dtype="uint8"), "flag_meanings": "water land ice",
                  "long_name": "surface type"}),
        "profile": (("depth",), 20.0 - depth / 50.0, {"units": "degC", "long_name": "temperature profile"}),
        "southward": (("latd", "lon"), np.arange(ny * nx, dtype="float32").reshape(ny, nx), {"units": "1"}),
        "swath": (("y", "x"), (yy * 10 + xx).astype("float64"), {"units": "1"}),
        "westward": (("lat", "lonw"), np.arange(ny * nx, dtype="float32").reshape(ny, nx), {"units": "1"}),
        "daily": (("time",), 290.0 + np.arange(nt, dtype="float32"), {"units": "kelvin", "long_name": "daily mean"}),
    },
    coords={
        "time": ("time", pd.date_range("2002-06-01", periods=nt, freq="D")),
        "lat": ("lat", lat, {"units": "degrees_north", "standard_name": "latitude"}),
        "lon": ("lon", lon, {"units": "degrees_east", "standard_name": "longitude"}),
        "latd": ("latd", lat[::-1].copy(), {"units": "degrees_north"}),
        "lonw": ("lonw", lon[::-1].copy(), {"units": "degrees_east"}),
        "depth": ("depth", depth, {"units": "m", "positive": "down"}),
        "lat2d": (("y", "x"), 40.0 + yy + 0.1 * xx, {"units": "degrees_north"}),
        "lon2d": (("y", "x"), -10.0 + xx + 0.1 * yy, {"units": "degrees_east"}),
    },
)
encoding = {
    "sst": {"dtype": "int16", "scale_factor": 0.001, "add_offset": 298.15, "_FillValue": -32768},
    "time": {"units": "days since 1981-01-01", "calendar": "standard"},
}
store = os.path.join(out, "sst.zarr")
ds.to_zarr(store, mode="w", encoding=encoding)

opened = xr.open_zarr(store)
raw = xr.open_zarr(store, decode_cf=False)
cells = []
for t, y, x in [(0, 7, 9), (1, 7, 9), (0, 0, 0), (2, 17, 35)]:
    v = float(opened["sst"].values[t, y, x])
    cells.append({"t": t, "y": y, "x": x, "decoded": None if np.isnan(v) else v,
                  "stored": int(raw["sst"].values[t, y, x])})
expected = {
    "sst_cells": cells,
    "time_stored": [float(v) for v in raw["time"].values],
    "mask_00": int(opened["mask"].values[0, 0]),
    "swath_coordinates": raw["swath"].attrs.get("coordinates", raw["swath"].encoding.get("coordinates")),
}
with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)

# A plain array zarr-python writes (fill_value 0, no CF attributes, so after xarray has read the
# rest): decoding offered, off at first.
import zarr
zarr.open_group(store).create_dataset("plain", data=np.arange(12.0).reshape(3, 4), fill_value=0)
zarr.consolidate_metadata(store)
