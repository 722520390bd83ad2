"""Expected CF time decodings for tst_cf_time, computed now by the real peers.

Usage: make_cf_time_table.py OUTDIR   (writes OUTDIR/cf_time_table.json)

cftime.num2date gives the calendar date-time of every (units, calendar, value) below;
cftime.date2num the value of typed dates; numpy.datetime64 the epoch counts of the decoded
dates (an implementation of proleptic Gregorian independent of ours); and xarray's
decode_cf_datetime what xarray itself does: datetime64[ns], or cftime objects where it falls
back to them. Integers and floats travel as strings so int64 values survive JSON.
"""
import json
import os
import sys
import warnings

import cftime
import numpy as np
from xarray.coding.times import decode_cf_datetime

warnings.simplefilter("ignore")  # CFWarning for negative years, SerializationWarning from xarray

CALENDARS = ["standard", "gregorian", "proleptic_gregorian", "noleap", "365_day", "all_leap", "366_day",
             "360_day", "julian", "Standard", "NOLEAP"]
REAL = {"standard", "gregorian", "proleptic_gregorian"}

INTS = [0, 1, -1, 27, 28, 29, 30, 31, 58, 59, 60, 61, 359, 360, 364, 365, 366, 1460, 1461, -366, -1461,
        36524, 146097, -146097, 10**6, -10**6]
FLOATS = [0.5, 0.25, 1 / 3, -0.5, 1e-3, 1.5, 59.999999, 365.25, -1.75, 1234.5678, 0.1, 2 / 3, 59.5]

# units (as we read them) -> the spelling given to cftime. cftime 1.6.2 ignores one-digit zone
# hours ("-6:00"), which UDUNITS defines as hours; it is given the padded form.
UNITS = {
    "days since 2000-01-01": None,
    "days since 1900-01-01": None,             # 1900: leap in julian, not in gregorian
    "days since 1582-10-01": None,             # the standard calendar's switch 10 days on
    "days since 1582-10-15": None,
    "days since 1500-01-01": None,             # Julian reference, values into the Gregorian part
    "days since 1-1-1": None,
    "days since -100-03-01": None,             # negative years (no year zero in standard/julian)
    "D since 2000-1-1 0:0:0": "days since 2000-1-1 0:0:0",
    "hours since 1900-01-01 00:00:00": None,
    "hrs since 2000-02-28T18:00": "hours since 2000-02-28T18:00",
    "minutes since 1999-12-31 23:59": None,
    "seconds since 1970-01-01": None,
    "sec since 1970-01-01 00:00:00Z": "seconds since 1970-01-01 00:00:00Z",
    "milliseconds since 2000-02-28 12:00": None,
    "msec since 2000-01-01": "milliseconds since 2000-01-01",
    "microseconds since 1970-01-01": None,
    "hours since 2000-01-01 06:30:00 UTC": None,
    "days since 2000-1-1 0:0:0 +05:30": None,
    "hours since 2000-01-01 10:00 +0530": None,
    "seconds since 1992-10-8 15:15:42.5 -6:00": "seconds since 1992-10-8 15:15:42.5 -06:00",
    "days since 2000-01-01 00:00 +14:00": None,
}
# int64 counts far beyond 2^53 in fine units: the exact path.
BIG = {
    "seconds since 1970-01-01": [9_000_000_000_000, -9_000_000_000_000, 1_700_000_000],
    "microseconds since 1970-01-01": [2**62, -(2**62), 2**53 + 1, 10**17 + 7],
    "milliseconds since 2000-02-28 12:00": [2**53 + 3, 10**15 + 1],
}


def fields(d):
    return [d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond]


def numpy_us(d):
    """Microseconds since 1970-01-01 of the date-time's fields read as proleptic Gregorian."""
    year = f"-{-d.year:04d}" if d.year < 0 else f"{d.year:04d}"
    text = f"{year}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}:{d.second:02d}.{d.microsecond:06d}"
    return str(np.datetime64(text, "us").astype(np.int64))


def decode_rows():
    rows = []
    for units, peer_units in UNITS.items():
        peer_units = peer_units or units
        for calendar in CALENDARS:
            for kind, values in (("int", INTS + BIG.get(units, [])), ("float", FLOATS)):
                for v in values:
                    arg = np.array([v], dtype=np.int64 if kind == "int" else np.float64)
                    try:
                        d = cftime.num2date(arg, peer_units, calendar)[0]
                    except ValueError:
                        continue  # a reference date this calendar lacks (refusals are tested apart)
                    row = {"units": units, "calendar": calendar, "kind": kind,
                           "value": str(v) if kind == "int" else repr(float(v)), "expect": fields(d)}
                    # datetime64 is proleptic Gregorian with a year 0, as cftime's proleptic_gregorian;
                    # the standard calendar is that only from 1582-10-15.
                    proleptic = calendar.lower() == "proleptic_gregorian"
                    if proleptic or (calendar.lower() in REAL and (d.year, d.month, d.day) >= (1582, 10, 15)):
                        row["numpyUs"] = numpy_us(d)
                    rows.append(row)
    return rows


def xarray_rows():
    rows = []
    sets = [
        ("days since 2000-01-01", [0, 59, 60, 366, 10000]),
        ("hours since 1900-01-01 00:00:00", [0, 1, 24 * 365 * 50]),
        ("seconds since 1970-01-01", [0, 1_700_000_000, -86400]),
        ("days since 1582-10-01", [0, 3, 4, 5]),         # partly before the switch
        ("days since 1582-10-15", [0, 100, 40000]),
        ("days since 1500-01-01", [0, 1, 2]),            # all Julian: cftime objects in xarray
        ("days since 1500-01-01", [100000, 100001]),     # Julian reference, dates in 1773
        ("days since 1700-01-01", [0.5, 1.25, 1 / 3]),
        ("microseconds since 2000-01-01", [1, 999999, 2**40 + 1]),
    ]
    for units, values in sets:
        for calendar in ["standard", "gregorian", "proleptic_gregorian", "julian", "noleap"]:
            floats = any(isinstance(v, float) for v in values)
            arr = np.array(values, dtype=np.float64 if floats else np.int64)
            out = decode_cf_datetime(arr, units, calendar)
            row = {"units": units, "calendar": calendar, "kind": "float" if floats else "int",
                   "values": [repr(float(v)) if floats else str(v) for v in values]}
            if out.dtype.kind == "M":
                row["ns"] = [str(x) for x in out.astype("datetime64[ns]").astype(np.int64)]
            else:
                row["objects"] = [fields(d) for d in out]
            rows.append(row)
    return rows


def encode_rows():
    rows = []
    texts = ["2002-06-03", "2002-06-03T12:00", "2002-06-03 12:00:30", "2000-02-29T06:00", "1582-10-04",
             "1582-10-15T00:00", "1900-02-28", "2000-02-30", "1999-12-31T23:59:59.5", "1-1-1"]
    for units in ["days since 2000-01-01", "hours since 1900-01-01 00:00:00", "seconds since 1970-01-01",
                  "minutes since 1582-10-15"]:
        for calendar in ["standard", "proleptic_gregorian", "noleap", "all_leap", "360_day", "julian"]:
            for text in texts:
                date, _, clock = text.replace("T", " ").partition(" ")
                y, m, d = (int(x) for x in date.split("-"))
                hh, mm, ss = (clock.split(":") + ["0", "0", "0"])[:3] if clock else ("0", "0", "0")
                sec = float(ss)
                try:
                    dt = cftime.datetime(y, m, d, int(hh), int(mm), int(sec), int(round((sec % 1) * 1e6)),
                                         calendar=calendar)
                    value = cftime.date2num(dt, units, calendar)
                except ValueError:
                    rows.append({"units": units, "calendar": calendar, "text": text, "refused": True})
                    continue
                rows.append({"units": units, "calendar": calendar, "text": text, "value": repr(float(value))})
    return rows


def iso_rows():
    # cftime's own isoformat at second and microsecond precision for a few decoded dates.
    rows = []
    for calendar in ["standard", "noleap", "360_day", "julian", "proleptic_gregorian"]:
        for v in [0, 59.25, 12345.678901, -800000.5]:
            d = cftime.num2date(v, "days since 2000-01-01", calendar)
            rows.append({"calendar": calendar, "value": repr(float(v)), "expect": fields(d),
                         "seconds": d.isoformat(timespec="seconds"),
                         "microseconds": d.isoformat(timespec="microseconds")})
    return rows


def main():
    table = {"cftime": cftime.__version__, "decode": decode_rows(), "xarray": xarray_rows(),
             "encode": encode_rows(), "iso": iso_rows()}
    with open(os.path.join(sys.argv[1], "cf_time_table.json"), "w") as f:
        json.dump(table, f)
    print(len(table["decode"]), "decode rows")


if __name__ == "__main__":
    main()
