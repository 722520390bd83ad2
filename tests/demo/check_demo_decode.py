#!/usr/bin/python3
"""Checks `zarrscope-cli get --decode` on the demo's sst/sst against what the generator computed:
the same float32 values (xarray's decode_cf of the packed int16), NaN exactly on the land mask.
Usage: check_demo_decode.py OUT.npy SELECTION     (SELECTION as given to --select, e.g. "100,:,:")
Prints what differs and exits 1; exits 0 when they agree."""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "demo"))
import make_demo_store as demo  # noqa: E402


def index_of(text):
    parts = []
    for p in text.split(","):
        if ":" in p:
            parts.append(slice(*[int(x) if x else None for x in p.split(":")]))
        else:
            parts.append(int(p))
    return tuple(parts)


def main():
    got = np.load(sys.argv[1])
    sel = index_of(sys.argv[2])
    days = np.arange(6443, dtype=np.int64)
    lat = np.linspace(-86.25, 86.25, 24, dtype=np.float32)
    lon = np.linspace(3.75, 356.25, 48, dtype=np.float32)
    land = demo.land_mask(lat, lon)
    want = demo.sst_decoded(demo.sst_packed(demo.sst_field(days, lat, lon), land))[sel]
    problems = []
    if got.dtype != np.float32 or got.shape != want.shape:
        problems.append(f"got {got.dtype} {got.shape}, the generator {want.dtype} {want.shape}")
    else:
        if not np.array_equal(np.isnan(got), np.isnan(want)):
            problems.append(f"NaN at {np.argwhere(np.isnan(got) != np.isnan(want))[:5].tolist()} differ")
        ok = ~np.isnan(want)
        if not np.allclose(got[ok], want[ok], rtol=1e-6, atol=0):
            worst = np.max(np.abs(got[ok] - want[ok]))
            problems.append(f"values differ by up to {worst}")
        if not np.isnan(want).any():
            problems.append("the selection has no land: it checks no masking")
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
