#!/usr/bin/python3
"""Local read benchmark (issue 2): a 256 MiB float32 array in 1024x1024 chunks,
blosc lz4 + shuffle, read whole from disk by `zarrscope-cli bench` and by
zarr-python 2.13 in the same run, repeats interleaved, medians reported.

Usage: /usr/bin/python3 bench/local_read.py [--cli build/bin/zarrscope-cli] [--repeats 7] [--dir /tmp/zs-bench]
Run with Debian's /usr/bin/python3 (it has zarr 2.13 and numcodecs).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import zarr
from numcodecs import Blosc

SHAPE = (8192, 8192)
CHUNKS = (1024, 1024)


def make_store(path):
    marker = os.path.join(path, "ready")
    if os.path.exists(marker):
        return
    root = zarr.open_group(path, mode="w")
    z = root.create_dataset("field", shape=SHAPE, chunks=CHUNKS, dtype="<f4",
                            compressor=Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE))
    # A smooth field with noise, like a gridded model output: compresses, but not trivially.
    rng = np.random.default_rng(42)
    y = np.linspace(0, 8 * np.pi, SHAPE[0], dtype=np.float32)[:, None]
    for i in range(0, SHAPE[0], CHUNKS[0]):
        x = np.linspace(0, 8 * np.pi, SHAPE[1], dtype=np.float32)[None, :]
        block = np.sin(y[i:i + CHUNKS[0]]) * np.cos(x) * 20 + 15
        block += rng.normal(0, 0.05, block.shape).astype(np.float32)
        z[i:i + CHUNKS[0], :] = np.round(block, 2)
    open(marker, "w").close()


def zarr_python_read(path):
    z = zarr.open_array(os.path.join(path, "field"), mode="r")
    t0 = time.perf_counter()
    a = z[...]
    dt = time.perf_counter() - t0
    assert a.shape == SHAPE
    return dt


# zarr_python_read as the first read in a new Python process (this script again, --fresh-read): the
# state our CLI reads in, since each `zarrscope-cli bench` is a new process whose allocator holds no
# buffers yet.
def zarr_python_fresh_read(path):
    out = subprocess.run([sys.executable, __file__, "--fresh-read", "--dir", path], check=True,
                         capture_output=True, text=True).stdout
    return float(out)


def zarrscope_read(cli, path, concurrency):
    out = subprocess.run([cli, "bench", path, "field", "--mode", "concurrent", "--concurrency", str(concurrency),
                          "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "build", "bin", "zarrscope-cli"))
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--dir", default="/tmp/zs-bench-local")
    ap.add_argument("--fresh-read", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.fresh_read:
        print(zarr_python_read(args.dir))
        return 0

    make_store(args.dir)
    stored = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.dir) for f in fs)
    zs_times, zs_wall, py_times, py_fresh = [], [], [], []
    # Warm the page cache once for both readers, then interleave so drift hits both alike.
    zarr_python_read(args.dir)
    zarrscope_read(args.cli, args.dir, args.concurrency)
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        r = zarrscope_read(args.cli, args.dir, args.concurrency)
        zs_wall.append(time.perf_counter() - t0)
        zs_times.append(r["concurrent_s"])
        py_times.append(zarr_python_read(args.dir))
        py_fresh.append(zarr_python_fresh_read(args.dir))

    med = statistics.median
    result = {
        "array": "field", "shape": SHAPE, "chunks": CHUNKS, "dtype": "<f4", "codec": "blosc lz4 + shuffle",
        "stored_bytes": stored, "repeats": args.repeats, "cores": os.cpu_count(),
        "zarrscope_read_s_median": med(zs_times),
        "zarrscope_process_s_median": med(zs_wall),
        "zarr_python_read_s_median": med(py_times),
        "zarr_python_fresh_process_read_s_median": med(py_fresh),
        "speedup_read": med(py_times) / med(zs_times),
        "speedup_read_vs_fresh_process": med(py_fresh) / med(zs_times),
        "speedup_process_vs_read": med(py_times) / med(zs_wall),
        "zarr_python_version": zarr.__version__,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    sys.exit(main())
