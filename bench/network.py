#!/usr/bin/python3
"""Network benchmark (issue 3): the seed's 1289-chunk workload over loopback with
simulated latency, read by zarrscope-cli (sequential and concurrent), zarr-python 2.13
+ fsspec, and zarrita in the same run; a concurrency sweep; and a throughput case from nginx.

Usage: /usr/bin/python3 bench/network.py [--cli build/bin/zarrscope-cli] [--repeats 5] [--skip-throughput]
       /usr/bin/python3 bench/network.py --baseline-cli OLD/zarrscope-cli [--repeats 7]
With --baseline-cli: only the concurrent reads (256 in flight at 20 and 50 ms, and the nginx
throughput case), ours and the older build's interleaved, to tell a regression from a slower machine.
Needs Debian's python3-zarr, python3-fsspec, python3-aiohttp, nginx-light, and `npm install` in tests/js.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import zarr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_server import Nginx  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JS = os.path.join(ROOT, "tests", "js")


def make_seed_store(path):
    if os.path.exists(os.path.join(path, "time", ".zarray")):
        return
    g = zarr.open_group(path, mode="w")
    t = g.create_dataset("time", shape=(6443,), chunks=(5,), dtype="<i8", compressor=None)
    t[:] = np.arange(6443, dtype="<i8") * 86400


def make_big_store(path):
    if os.path.exists(os.path.join(path, "big", ".zarray")):
        return
    g = zarr.open_group(path, mode="w")
    from numcodecs import Blosc
    z = g.create_dataset("big", shape=(16384, 4096), chunks=(64, 4096), dtype="<f4",
                         compressor=Blosc(cname="lz4", clevel=1, shuffle=Blosc.NOSHUFFLE))
    rng = np.random.default_rng(1)
    for i in range(0, 16384, 1024):
        z[i:i + 1024] = rng.random((1024, 4096), dtype=np.float32)  # 1 MiB chunks that do not compress


class Server:
    """zarrscope-cli serve DIR --latency-ms L, on a free port."""

    def __init__(self, cli, directory, latency_ms):
        self.proc = subprocess.Popen([cli, "serve", directory, "--latency-ms", str(latency_ms)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        self.url = line.strip().split(" at ")[-1].rstrip("/")

    def close(self):
        self.proc.terminate()
        self.proc.wait(10)


def nginx_static(directory, port=18080):
    """nginx-light serving files with autoindex and no added latency (the throughput case)."""
    return Nginx(directory, port=port, autoindex=True)


def zarrscope(cli, url, array, mode, concurrency):
    out = subprocess.run([cli, "bench", url, array, "--mode", mode, "--concurrency", str(concurrency), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def zarr_python(url, array):
    import fsspec
    fs = fsspec.filesystem("http", skip_instance_cache=True)
    z = zarr.open_array(zarr.storage.FSStore(f"{url}/{array}", fs=fs), mode="r")
    t0 = time.perf_counter()
    z[...]
    return time.perf_counter() - t0


def zarrita(url, array):
    out = subprocess.run(["node", os.path.join(JS, "bench_read.mjs"), url, array], check=True,
                         capture_output=True, text=True, cwd=JS).stdout
    return json.loads(out)["seconds"]


def median(xs):
    return statistics.median(xs)


def latency_case(cli, directory, latency, repeats):
    server = Server(cli, directory, latency)
    try:
        seq, conc, py, js = [], [], [], []
        for _ in range(repeats):
            r = zarrscope(cli, server.url, "time", "both", 256)
            seq.append(r["sequential_s"])
            conc.append(r["concurrent_s"])
            py.append(zarr_python(server.url, "time"))
            js.append(zarrita(server.url, "time"))
        best_peer = min(median(py), median(js))
        return {"latency_ms": latency, "chunks": r["chunks"], "concurrency": 256,
                "max_in_flight": r["max_in_flight"],
                "zarrscope_sequential_s": median(seq), "zarrscope_concurrent_s": median(conc),
                "zarr_python_s": median(py), "zarrita_s": median(js),
                "speedup_vs_sequential": median(seq) / median(conc),
                "speedup_vs_best_peer": best_peer / median(conc)}
    finally:
        server.close()


def sweep(cli, directory, latency, repeats):
    server = Server(cli, directory, latency)
    rows = []
    try:
        n = 1
        while n <= 512:
            times = [zarrscope(cli, server.url, "time", "concurrent", n) for _ in range(max(1, repeats // 2))]
            chunks = times[0]["chunks"]
            rows.append({"concurrency": n, "seconds": median([t["concurrent_s"] for t in times]),
                         "ideal_s": math.ceil(chunks / n) * latency / 1000.0,
                         "max_in_flight": max(t["max_in_flight"] for t in times)})
            n *= 2
    finally:
        server.close()
    return rows


def throughput_case(cli, directory, repeats):
    nginx = nginx_static(directory)
    try:
        zs, py = [], []
        for _ in range(repeats):
            zs.append(zarrscope(cli, nginx.url, "big", "concurrent", 64)["concurrent_s"])
            py.append(zarr_python(nginx.url, "big"))
        return {"array_mib": 256, "chunk_mib": 1, "zarrscope_s": median(zs), "zarr_python_s": median(py),
                "speedup": median(py) / median(zs), "zarrscope_mib_s": 256 / median(zs),
                "zarr_python_mib_s": 256 / median(py)}
    finally:
        nginx.close()


def baseline_case(cli, baseline, seed, big, repeats):
    rows = []
    for latency in (20, 50):
        server = Server(cli, seed, latency)
        try:
            ours, old = [], []
            for _ in range(repeats):
                ours.append(zarrscope(cli, server.url, "time", "concurrent", 256)["concurrent_s"])
                old.append(zarrscope(baseline, server.url, "time", "concurrent", 256)["concurrent_s"])
            rows.append({"case": f"seed, {latency} ms, 256 in flight", "zarrscope_s": median(ours),
                         "baseline_s": median(old), "ratio_baseline_over_ours": median(old) / median(ours)})
        finally:
            server.close()
    nginx = nginx_static(big)
    try:
        ours, old = [], []
        for _ in range(repeats):
            ours.append(zarrscope(cli, nginx.url, "big", "concurrent", 64)["concurrent_s"])
            old.append(zarrscope(baseline, nginx.url, "big", "concurrent", 64)["concurrent_s"])
        rows.append({"case": "256 MiB in 1 MiB chunks from nginx, 64 in flight", "zarrscope_s": median(ours),
                     "baseline_s": median(old), "ratio_baseline_over_ours": median(old) / median(ours)})
    finally:
        nginx.close()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "bin", "zarrscope-cli"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--dir", default="/tmp/zs-bench-net")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--baseline-cli", help="an older zarrscope-cli to compare concurrent reads with")
    args = ap.parse_args()
    seed = os.path.join(args.dir, "seed")
    make_seed_store(seed)
    if args.baseline_cli:
        big = os.path.join(args.dir, "big")
        make_big_store(big)
        print(json.dumps({"baseline": baseline_case(args.cli, args.baseline_cli, seed, big, args.repeats)},
                         indent=2))
        return 0
    result = {"latency": [latency_case(args.cli, seed, l, args.repeats) for l in (20, 50)],
              "sweep_20ms": sweep(args.cli, seed, 20, args.repeats)}
    if not args.skip_throughput:
        big = os.path.join(args.dir, "big")
        make_big_store(big)
        result["throughput"] = throughput_case(args.cli, big, args.repeats)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    sys.exit(main())
