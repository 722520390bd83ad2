#!/usr/bin/python3
"""Engine benchmark (issue 18): what a request costs, against Debian's nginx (an independent server).

  - the seed workload (6443 int64 in chunks of 5: 1289 requests) at L = 0, 20 and 50 ms: zarrscope-cli
    bench (256 in flight, read time as it reports it, and the whole process's CPU, user + sys, per
    request), zarr-python 2.13 + fsspec and zarrita 0.7, repeats interleaved;
  - HTTP/1.1 against HTTP/2 on the same nginx at 20 ms: cleartext h2c and TLS (ALPN), with
    the connections each used;
  - the limit beside the figure: the QNetworkAccessManager floor (bench/qnam_floor: the same
    requests with nothing but QNAM, each answer read and deleted), its time and CPU;
  - scaling: 1k, 10k and 100k chunks of the same 5 elements at 20 ms: time and peak memory.

Usage: /usr/bin/python3 bench/engine.py [--cli build/bin/zarrscope-cli] [--floor build/bin/qnam-floor]
                                         [--repeats 5] [--skip-scaling] [--json OUT.json]
Needs Debian's python3-zarr, python3-fsspec, python3-aiohttp, nginx-light, openssl, and npm ci in tests/js.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import network  # noqa: E402  (the peers and the seed store)
from nginx_server import Nginx  # noqa: E402

import numpy as np  # noqa: E402
import zarr  # noqa: E402

IN_FLIGHT = 256


def make_scaling_store(path, counts):
    g = zarr.open_group(path, mode="a")
    for n in counts:
        name = f"t{n}"
        if name in g:
            continue
        z = g.create_dataset(name, shape=(5 * n,), chunks=(5,), dtype="<i8", compressor=None)
        z[:] = np.arange(5 * n, dtype="<i8")


def timed_process(cmd):
    """Runs cmd under /usr/bin/time; returns (stdout, cpu seconds, peak RSS MiB)."""
    p = subprocess.run(["/usr/bin/time", "-f", "ZSTIME %U %S %M"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {p.stderr[-2000:]}")
    line = [x for x in p.stderr.splitlines() if x.startswith("ZSTIME ")][-1].split()
    return p.stdout, float(line[1]) + float(line[2]), int(line[3]) / 1024


def zarrscope(cli, url, array, extra=()):
    out, cpu, rss = timed_process([cli, "bench", url, array, "--mode", "concurrent", "--concurrency",
                                   str(IN_FLIGHT), "--json", *extra])
    d = json.loads(out)
    return {"s": d["concurrent_s"], "cpu_s": cpu, "requests": d["requests"], "rss_mib": rss,
            "max_in_flight": d["max_in_flight"], "managers": d.get("managers"),
            "http2_responses": d.get("http2_responses")}


def floor(binary, url, count, extra=()):
    out, cpu, _ = timed_process([binary, url, str(count), str(IN_FLIGHT), *extra])
    return {"s": json.loads(out)["seconds"], "cpu_s": cpu}


def med(rows, key):
    return statistics.median(r[key] for r in rows)


def seed_cases(args, seed_dir):
    results = []
    for latency in (0, 20, 50):
        nginx = Nginx(seed_dir, latency_ms=latency, port=18160)
        try:
            ours, py, js, fl = [], [], [], []
            for _ in range(args.repeats):
                ours.append(zarrscope(args.cli, nginx.url, "time"))
                py.append({"s": network.zarr_python(nginx.url, "time")})
                js.append({"s": network.zarrita(nginx.url, "time")})
                fl.append(floor(args.floor, nginx.url + "/time/", 1289))
            best = min(med(py, "s"), med(js, "s"))
            results.append({
                "latency_ms": latency, "requests": ours[0]["requests"],
                "zarrscope_s": med(ours, "s"), "zarrscope_cpu_us_per_request": 1e6 * med(ours, "cpu_s") / 1289,
                "zarr_python_s": med(py, "s"), "zarrita_s": med(js, "s"),
                "vs_zarr_python": med(py, "s") / med(ours, "s"), "vs_faster_peer": best / med(ours, "s"),
                "qnam_floor_s": med(fl, "s"), "qnam_floor_cpu_us_per_request": 1e6 * med(fl, "cpu_s") / 1289,
                "round_trip_limit_s": math.ceil(1289 / IN_FLIGHT) * latency / 1000.0})
        finally:
            nginx.close()
    return results


def protocol_cases(args, seed_dir):
    nginx = Nginx(seed_dir, latency_ms=20, port=18170)
    cases = [("HTTP/1.1", nginx.url, [], []),
             ("h2c", nginx.h2c_url, ["--http2"], ["h2c"]),
             ("TLS, HTTP/1.1", nginx.tls_url, ["--ca-cert", nginx.cert, "--http1"], ["tls1", nginx.cert]),
             ("TLS, HTTP/2 (ALPN)", nginx.tls_url, ["--ca-cert", nginx.cert], ["tls2", nginx.cert])]
    runs = {name: [] for name, *_ in cases}
    floors = {name: [] for name, *_ in cases}
    try:
        for _ in range(args.repeats):
            for name, url, extra, floor_extra in cases:
                runs[name].append(zarrscope(args.cli, url, "time", extra))
                floors[name].append(floor(args.floor, url + "/time/", 1289, floor_extra))
    finally:
        nginx.close()
    rows = []
    for name, *_ in cases:
        r = runs[name]
        rows.append({"protocol": name, "zarrscope_s": med(r, "s"),
                     "cpu_us_per_request": 1e6 * med(r, "cpu_s") / 1289,
                     # One manager: one HTTP/2 connection, or up to six HTTP/1.1 ones.
                     "managers": r[-1]["managers"], "http2_responses": r[-1]["http2_responses"],
                     "max_in_flight": r[-1]["max_in_flight"],
                     "qnam_floor_s": med(floors[name], "s"),
                     "qnam_floor_cpu_us_per_request": 1e6 * med(floors[name], "cpu_s") / 1289})
    return rows


def scaling_cases(args, scale_dir):
    counts = (1000, 10000, 100000)
    make_scaling_store(scale_dir, counts)
    nginx = Nginx(scale_dir, latency_ms=20, port=18180)
    rows = []
    try:
        for n in counts:
            repeats = args.repeats if n <= 10000 else max(1, args.repeats // 2)
            r = [zarrscope(args.cli, nginx.url, f"t{n}") for _ in range(repeats)]
            rows.append({"chunks": n, "repeats": repeats, "zarrscope_s": med(r, "s"),
                         "per_1k_chunks_s": 1000 * med(r, "s") / n, "peak_rss_mib": max(x["rss_mib"] for x in r),
                         "cpu_us_per_request": 1e6 * med(r, "cpu_s") / n,
                         "round_trip_limit_s": math.ceil(n / IN_FLIGHT) * 0.02})
    finally:
        nginx.close()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "bin", "zarrscope-cli"))
    ap.add_argument("--floor", default=os.path.join(ROOT, "build", "bin", "qnam-floor"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--dir", default="/tmp/zs-bench-engine")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    seed_dir = os.path.join(args.dir, "seed")
    network.make_seed_store(seed_dir)
    out = {"seed": seed_cases(args, seed_dir), "protocols": protocol_cases(args, seed_dir)}
    if not args.skip_scaling:
        out["scaling"] = scaling_cases(args, os.path.join(args.dir, "scale"))
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
