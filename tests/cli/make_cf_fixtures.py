#!/usr/bin/python3
"""Stores that follow the CF/xarray conventions, written at test time by the real writers
(xarray 2023.01 through zarr-python 2.13, zarr-python for hand-made hierarchies), and what xarray's
decode_cf makes of them: each variable's decoded values (.npy) and, in expected.json, its
dimensions, coordinates, attributes and decoded dtype, for tst_cli_conventions to compare with
`zarrscope-cli get --decode` and `info --json`. Also a raster GDAL writes (gdal_translate -of ZARR),
and the expectations for the v3 copy the test makes with `zarrscope-cli export --zarr-format 3`.
Usage: make_cf_fixtures.py OUTDIR"""

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pandas as pd
import xarray as xr
import zarr

out = sys.argv[1]
expected = {"cases": [], "hand": {}}

# An SST analysis as the seed's MUR store is written: int16 packed, land masked, lat/lon with units.
rng = np.random.default_rng(15)
nt, ny, nx = 3, 18, 36
lat = np.linspace(-85.0, 85.0, ny)
lon = np.linspace(-175.0, 175.0, nx)
sst = 271.0 + 30.0 * rng.random((nt, ny, nx))
sst[:, :4, :] = np.nan  # "land"
sst[1, 7, 9] = np.nan
err = rng.random((nt, ny, nx)).astype("float32")
err[0, 0, :5] = np.nan
mv = rng.integers(0, 100, (ny, nx)).astype("int16")
mv[0, :3] = -1
mv[1, :2] = -2
vr = rng.integers(-50, 1050, (ny, nx)).astype("int16")
flags = rng.integers(0, 3, (ny, nx)).astype("uint8")
small = rng.integers(-100, 100, (ny, nx)).astype("int8")
wide = rng.integers(-100000, 100000, (ny, nx)).astype("int32")
wide[0, 0] = -999
yy, xx = np.meshgrid(np.arange(4), np.arange(5), indexing="ij")

ds = xr.Dataset(
    {
        "sst": (("time", "lat", "lon"), sst,
                {"units": "kelvin", "long_name": "analysed sea surface temperature",
                 "standard_name": "sea_surface_foundation_temperature"}),
        "error": (("time", "lat", "lon"), err, {"units": "kelvin", "long_name": "estimated error"}),
        "mv_list": (("lat", "lon"), mv, {"missing_value": [-1, -2], "long_name": "with a missing_value list"}),
        "ranged": (("lat", "lon"), vr, {"valid_range": [0, 1000], "scale_factor": 0.5}),
        "mask": (("lat", "lon"), flags,
                 {"flag_values": [0, 1, 2], "flag_meanings": "water land ice", "long_name": "surface type"}),
        "small": (("lat", "lon"), small, {"scale_factor": 0.25}),
        "wide": (("lat", "lon"), wide, {"scale_factor": 0.01, "add_offset": 5.0}),
        "swath": (("y", "x"), (yy * 10 + xx).astype("float64"), {"units": "1"}),
    },
    coords={
        "time": ("time", pd.date_range("2002-06-01", periods=nt, freq="D")),
        "lat": ("lat", lat, {"units": "degrees_north", "standard_name": "latitude", "axis": "Y"}),
        "lon": ("lon", lon, {"units": "degrees_east", "standard_name": "longitude", "axis": "X"}),
        "lat2d": (("y", "x"), 40.0 + yy + 0.1 * xx, {"units": "degrees_north"}),
        "lon2d": (("y", "x"), -10.0 + xx + 0.1 * yy, {"units": "degrees_east"}),
    },
)
encoding = {
    "sst": {"dtype": "int16", "scale_factor": 0.001, "add_offset": 298.15, "_FillValue": -32768},
    "error": {"_FillValue": -999.0},
    "wide": {"_FillValue": -999},
    "time": {"units": "days since 1981-01-01", "calendar": "standard"},
}
store = os.path.join(out, "sst.zarr")
ds.to_zarr(store, mode="w", encoding=encoding)


def valid_bounds(attrs):
    """CF's valid range in packed units: valid_range, else valid_min and valid_max."""
    if "valid_range" in attrs:
        low, high = np.ravel(attrs["valid_range"])
        return float(low), float(high)
    return tuple(float(attrs[k]) if k in attrs else None for k in ("valid_min", "valid_max"))


def describe(label, store, opened, raw, name, array=None):
    """What xarray reports for one variable, and its decoded values as .npy (not for dates: those
    are the time module's work, and stay stored numbers for now)."""
    var = opened[name]
    values = var.values
    # CF (2.5.1) makes stored values outside valid_range missing; xarray 2023.01 leaves them, and
    # Zarrscope masks them as netCDF-Java and netCDF4-python do: the reference does too.
    low, high = valid_bounds(var.attrs)
    if low is not None or high is not None:
        assert values.dtype.kind == "f", name
        packed = raw[name].values
        outside = np.zeros(packed.shape, bool)
        if low is not None:
            outside |= packed < low
        if high is not None:
            outside |= packed > high
        assert outside.any(), name  # else the fixture checks nothing
        values = np.where(outside, np.nan, values).astype(values.dtype)
    npy = None
    if values.dtype.kind != "M":
        npy = os.path.join(out, "xr-%s-%s.npy" % (label, name))
        np.save(npy, values)
    enc = var.encoding
    fill = enc.get("_FillValue")
    return {
        "label": label,
        "store": store,
        "array": array or name,
        "npy": npy,
        "dims": list(var.dims),
        "sizes": [int(opened.sizes[d]) for d in var.dims],
        # Which dims have a dimension coordinate, and which other coordinates the variable has.
        "dim_coords": [d for d in var.dims if d in opened.coords],
        "aux_coords": sorted(str(c) for c in var.coords if c not in var.dims),
        "decoded_dtype": values.dtype.str,
        "stored_dtype": raw[name].dtype.str,
        "scale_factor": enc.get("scale_factor"),
        "add_offset": enc.get("add_offset"),
        "fill_values": sorted(set(
            ([] if fill is None or pd.isnull(fill) else [float(fill)]) +
            ([float(v) for v in np.ravel(enc["missing_value"])] if "missing_value" in enc else []))),
        "units": var.attrs.get("units", enc.get("units")),
        "calendar": enc.get("calendar"),
        "long_name": var.attrs.get("long_name"),
        "standard_name": var.attrs.get("standard_name"),
        "valid_range": var.attrs.get("valid_range"),
        "flag_values": var.attrs.get("flag_values"),
        "flag_meanings": var.attrs.get("flag_meanings"),
        "first_last": {d: [float(opened[d].values[0]), float(opened[d].values[-1])]
                       for d in var.dims if d in opened.coords and opened[d].dtype.kind == "f"},
    }


opened = xr.open_zarr(store)
raw = xr.open_zarr(store, decode_cf=False)
for name in list(opened.data_vars) + list(opened.coords):
    expected["cases"].append(describe("xarray", store, opened, raw, name))

# The v3 copy keeps the attributes; xarray masks no v3 fill_value (only a _FillValue attribute),
# so its decode is xarray's decode of these attributes without _FillValue.
unfilled = raw.copy()
for v in unfilled.variables.values():
    v.attrs.pop("_FillValue", None)
v3_opened = xr.decode_cf(unfilled)
v3_store = os.path.join(out, "v3.zarr")
for name in list(opened.data_vars) + list(opened.coords):
    expected["cases"].append(describe("v3", v3_store, v3_opened, raw, name))

# A raster as GDAL writes it: int16 with nodata, scale and offset, X/Y coordinate arrays.
try:
    from osgeo import gdal, osr
except ImportError:
    sys.exit("python3-gdal is missing (apt install gdal-bin python3-gdal)")
if shutil.which("gdal_translate") is None:
    sys.exit("gdal_translate is missing (apt install gdal-bin)")
tif = os.path.join(out, "raster.tif")
r = gdal.GetDriverByName("GTiff").Create(tif, 6, 4, 1, gdal.GDT_Int16)
r.SetGeoTransform([10.0, 0.5, 0.0, 50.0, 0.0, -0.5])
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)  # EPSG:4326: its _CRS is ASCII, which zarr-python 2.13 needs to read it
r.SetProjection(srs.ExportToWkt())
band = r.GetRasterBand(1)
pixels = np.arange(24, dtype="int16").reshape(4, 6)
pixels[0, 0] = -9999
pixels[3, 5] = -9999
band.WriteArray(pixels)
band.SetNoDataValue(-9999)
band.SetScale(0.5)
band.SetOffset(10.0)
r = None
gdal_store = os.path.join(out, "raster.zarr")
subprocess.run(["gdal_translate", "-q", "-of", "ZARR", "-co", "FORMAT=ZARR_V2", tif, gdal_store], check=True)
g_opened = xr.open_zarr(gdal_store)
g_raw = xr.open_zarr(gdal_store, decode_cf=False)
for name in list(g_opened.data_vars) + list(g_opened.coords):
    expected["cases"].append(describe("gdal", gdal_store, g_opened, g_raw, name))

# Hand-made with zarr-python: a coordinate in an ancestor group, and one of the wrong length.
hand = os.path.join(out, "hierarchy.zarr")
root = zarr.open_group(hand, mode="w")
c = root.create_dataset("depth", data=np.array([0.0, 10.0, 20.0, 50.0]), fill_value=None)
c.attrs.update({"_ARRAY_DIMENSIONS": ["depth"], "units": "m", "positive": "down"})
b = root.create_dataset("band", data=np.arange(3.0), fill_value=None)
b.attrs.update({"_ARRAY_DIMENSIONS": ["band"]})
g = root.create_group("sub").create_group("deeper")
t = g.create_dataset("temp", data=np.arange(20.0).reshape(4, 5), fill_value=None)
t.attrs.update({"_ARRAY_DIMENSIONS": ["depth", "band"], "units": "degC", "coordinates": "nowhere"})
expected["hand"] = {"store": hand, "array": "sub/deeper/temp"}

# Times. The standard calendar from 1582-10-15: xarray gives datetime64, kept here as int64 seconds.
np.save(os.path.join(out, "xr-time-seconds.npy"), opened["time"].values.astype("datetime64[s]").astype("int64"))
# Other calendars, and the standard one before 1582-10-15: xarray gives cftime dates; as ISO text.
nl = xr.Dataset(coords={"t": ("t", xr.cftime_range("2001-02-26", periods=4, freq="D", calendar="noleap"))},
                data_vars={"v": ("t", np.arange(4.0))})
nl_store = os.path.join(out, "noleap.zarr")
nl.to_zarr(nl_store, mode="w")
old_store = os.path.join(out, "old.zarr")
o = zarr.open_group(old_store, mode="w").create_dataset("old", data=np.array([0, 1, 31, 366 * 82 + 285]),
                                                        fill_value=None)
o.attrs.update({"_ARRAY_DIMENSIONS": ["old"], "units": "days since 1500-01-01", "calendar": "standard"})
time_cases = [("noleap", nl_store, "t"), ("before-1582", old_store, "old")]
# Every calendar xarray encodes through cftime, in days and in hours since, written by xarray.
for calendar, units, freq in (("360_day", "days since 2000-01-01", "D"),
                              ("all_leap", "hours since 2000-02-27", "12H"),
                              ("366_day", "days since 1999-12-30", "D"),
                              ("365_day", "hours since 2001-02-27 06:00", "6H"),
                              ("julian", "days since 1900-01-01", "D"),
                              ("gregorian", "hours since 2000-01-01", "6H"),
                              ("proleptic_gregorian", "days since 1500-01-01", "D")):
    start = "1700-02-27" if calendar == "proleptic_gregorian" else "2000-02-27"  # 1700: no leap day
    times = xr.cftime_range(start, periods=5, freq=freq, calendar=calendar)
    ds = xr.Dataset(coords={"t": ("t", times)}, data_vars={"v": ("t", np.arange(5.0))})
    path = os.path.join(out, "cal-%s.zarr" % calendar)
    ds.to_zarr(path, mode="w", encoding={"t": {"units": units, "calendar": calendar}})
    assert zarr.open(path)["t"].attrs["units"].split()[0] == units.split()[0], calendar  # days, hours
    time_cases.append((calendar, path, "t"))
expected["iso_times"] = []
expected["datetime_times"] = []
for label, path, name in time_cases:
    values = xr.open_zarr(path)[name].values
    if values.dtype.kind == "M":  # gregorian, proleptic_gregorian: datetime64, as int64 seconds
        npy = os.path.join(out, "xr-%s-seconds.npy" % label)
        np.save(npy, values.astype("datetime64[s]").astype("int64"))
        expected["datetime_times"].append({"label": label, "store": path, "array": name, "npy": npy})
        continue
    assert values.dtype.kind == "O", (label, values.dtype)  # cftime dates, not datetime64
    # ISO 8601 as precise as the values need: the date alone while every time is midnight.
    midnight = all((d.hour, d.minute, d.second) == (0, 0, 0) for d in values)
    iso = "%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M"
    expected["iso_times"].append({"label": label, "store": path, "array": name,
                                  "iso": [d.strftime(iso) for d in values]})

with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
