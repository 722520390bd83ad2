#!/usr/bin/python3
"""OME-Zarr benchmark (issue 19): a 4-level pyramid of a 16384 x 16384 uint16 image (256 x 256
chunks, OME-NGFF 0.4 written by zarr-python 2.13, blosc zstd) served with 20 ms latency per
request, opened in a 1600 x 1000 window: the time to the first complete picture and the bytes
read by the Image tab (build/bin/ome-first-image: the coarsest level that fits, then the chosen
level's visible region), against reading level 0 alone strided for the same window (the Data
tab's sampling, what Zarrscope did before it knew pyramids). Two servers in the same run: our
embedded server (`zarrscope-cli serve --latency-ms`) and Debian's nginx-light with echo_sleep.
Repeats interleaved; medians; the targets (< 0.5 s, < 2 % of level 0's bytes) beside the figures.

Usage: /usr/bin/python3 bench/ome_first_image.py [--build build] [--repeats 5] [--latency-ms 20]
                                                [--data /tmp/zs-ome-bench]
Needs nginx-light (libnginx-mod-http-echo); the pyramid (about 300 MB) is written once into --data.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

import numpy as np
import zarr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_server import Nginx  # noqa: E402
from scrub import OurServer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SIZE, CHUNK, LEVELS = 16384, 256, 4


def write_pyramid(path):
    """Level 0 a smooth field with noise (compresses as microscopy does, not to nothing); each
    further level the mean of 2 x 2 blocks of the one before."""
    if os.path.exists(os.path.join(path, ".zattrs")):
        return
    root = zarr.open_group(path, mode="w")
    rng = np.random.default_rng(19)
    y = np.arange(SIZE, dtype=np.float32)[:, None]
    x = np.arange(SIZE, dtype=np.float32)[None, :]
    level = (2000 + 1500 * np.sin(y / 311) * np.cos(x / 197)).astype(np.uint16)
    level += rng.integers(0, 64, size=level.shape, dtype=np.uint16)
    datasets = []
    for i in range(LEVELS):
        root.create_dataset(str(i), data=level, chunks=(CHUNK, CHUNK), dimension_separator="/",
                            compressor=zarr.Blosc(cname="zstd", clevel=3, shuffle=zarr.Blosc.BITSHUFFLE))
        datasets.append({"path": str(i), "coordinateTransformations": [
            {"type": "scale", "scale": [0.5 * 2 ** i, 0.5 * 2 ** i]}]})
        h, w = level.shape
        level = level.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3)).astype(np.uint16)
    root.attrs["multiscales"] = [{"version": "0.4", "name": "bench", "datasets": datasets,
                                  "axes": [{"name": "y", "type": "space", "unit": "micrometer"},
                                           {"name": "x", "type": "space", "unit": "micrometer"}]}]


def stored_bytes(path, level):
    total = 0
    for d, _, files in os.walk(os.path.join(path, str(level))):
        total += sum(os.path.getsize(os.path.join(d, f)) for f in files if not f.startswith("."))
    return total


def run(tool, url, strided):
    args = [tool, url, "/"] + (["--strided-level0"] if strided else [])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env, timeout=600).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--data", default="/tmp/zs-ome-bench")
    a = ap.parse_args()
    tool = os.path.join(a.build, "bin", "ome-first-image")
    cli = os.path.join(a.build, "bin", "zarrscope-cli")
    os.makedirs(a.data, exist_ok=True)
    image = os.path.join(a.data, "pyramid.ome.zarr")
    write_pyramid(image)
    level0 = stored_bytes(image, 0)
    servers = [OurServer(cli, a.data, a.latency_ms), Nginx(a.data, latency_ms=a.latency_ms, port=18150)]
    results = {}
    try:
        for _ in range(a.repeats):
            for server in servers:
                url = f"{server.url}/pyramid.ome.zarr"
                for strided in (False, True):
                    r = run(tool, url, strided)
                    results.setdefault((getattr(server, "name", "nginx echo_sleep"), r["mode"]), []).append(r)
    finally:
        for server in servers:
            server.close()
    print(f"16384 x 16384 uint16, 4 levels, 256 x 256 chunks, {a.latency_ms} ms per request, "
          f"1600 x 1000 window, {a.repeats} interleaved repeats (medians); level 0 stored: {level0} bytes")
    print("| server | read | first picture (s) | requests | bytes read | of level 0's bytes | level |")
    print("|---|---|---|---|---|---|---|")
    for (server, mode), rs in results.items():
        seconds = statistics.median(r["seconds"] for r in rs)
        requests = statistics.median(r["requests"] for r in rs)
        read = statistics.median(r["bytes"] for r in rs)
        print(f"| {server} | {mode} | {seconds:.3f} | {requests:.0f} | {read:.0f} | {100.0 * read / level0:.2f} % | "
              f"{rs[0]['level']} |")
    for server in {s for s, _ in results}:
        p = statistics.median(r["seconds"] for r in results[(server, "pyramid")])
        s = statistics.median(r["seconds"] for r in results[(server, "strided-level0")])
        print(f"{server}: pyramid {p:.3f} s vs strided level 0 {s:.3f} s ({s / p:.1f}x); "
              f"target: first picture < 0.5 s, < 2 % of level 0's bytes")


if __name__ == "__main__":
    main()
