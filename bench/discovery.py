#!/usr/bin/python3
"""Discovery benchmark (issue 14): walking a hierarchy that has no consolidated metadata.

The tree: 261 nodes written by zarr-python 2.13 (a root group, 10 groups x 5 subgroups x 4 arrays,
no .zmetadata), served over loopback with 20 ms added to every answer by
  - nginx-light (autoindex pages; the echo module's echo_sleep adds the latency without blocking a
    worker): the independent server, and the figure that counts;
  - our embedded server (`zarrscope-cli serve --autoindex --latency-ms 20`).
Walked in the same run, repeats interleaved, by
  - `zarrscope-cli ls URL --json` (the whole process, start-up included), and
  - zarr-python 2.13 + fsspec's HTTP filesystem: zarr.open_group over an FSStore, visiting every
    group and array (listing each group, then its arrays and subgroups), timed in-process.
Both must find every node. Requests are counted from nginx's access log and the embedded server's
own count. The limit beside the figure: a walk cannot beat its round trips (the documents and
listing of the root, then one round trip per tree level) nor its requests / 64 in flight.

Usage: /usr/bin/python3 bench/discovery.py [--cli build/bin/zarrscope-cli] [--repeats 5]
                                            [--baseline-cli OTHER/zarrscope-cli]
Needs Debian's python3-zarr, python3-fsspec, python3-aiohttp and nginx-light (with its echo module).
"""
import argparse
import json
import os
import shutil
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
GROUPS, SUBGROUPS, ARRAYS = 10, 5, 4
NODES = 1 + GROUPS + GROUPS * SUBGROUPS + GROUPS * SUBGROUPS * ARRAYS  # 261
LATENCY_S = 0.020
IN_FLIGHT = 64  # HttpStore's default limit


def make_tree(path):
    if os.path.exists(os.path.join(path, "g9", "s4", "a3", ".zarray")):
        return
    shutil.rmtree(path, ignore_errors=True)
    root = zarr.open_group(path, mode="w")
    root.attrs["title"] = "discovery benchmark"
    for g in range(GROUPS):
        grp = root.create_group("g%d" % g)
        for s in range(SUBGROUPS):
            sub = grp.create_group("s%d" % s)
            for a in range(ARRAYS):
                arr = sub.create_dataset("a%d" % a, shape=(8,), chunks=(4,), dtype="<i4")
                arr[:] = np.arange(8, dtype="<i4") + a
    assert not os.path.exists(os.path.join(path, ".zmetadata"))


def nginx_autoindex(directory, latency_s, port=18090):
    """nginx-light with autoindex, answering every request after echo_sleep, requests logged."""
    return Nginx(directory, latency_ms=latency_s * 1000, port=port, autoindex=True, access_log=True)


class Embedded:
    """zarrscope-cli serve DIR --autoindex --latency-ms L; requests counted from its summary line."""

    def __init__(self, cli, directory, latency_s):
        self.cli, self.directory, self.latency_ms = cli, directory, int(latency_s * 1000)

    def __enter__(self):
        self.proc = subprocess.Popen([self.cli, "serve", self.directory, "--autoindex", "--latency-ms",
                                      str(self.latency_ms)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.url = self.proc.stdout.readline().strip().split(" at ")[-1].rstrip("/")
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        err = self.proc.communicate(timeout=10)[1]
        self.served = int(err.split("served ")[1].split(" ")[0]) if "served " in err else -1


def zarrscope_ls(cli, url):
    t0 = time.perf_counter()
    out = subprocess.run([cli, "ls", url, "--json"], check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - t0
    rows = json.loads(out)
    assert not any("error" in r for r in rows), [r for r in rows if "error" in r]
    return seconds, len(rows), sum(1 for r in rows if r["kind"] == "array")


def zarr_python_walk(url):
    import fsspec
    fs = fsspec.filesystem("http", skip_instance_cache=True, use_listings_cache=False)
    t0 = time.perf_counter()
    root = zarr.open_group(zarr.storage.FSStore(url, fs=fs), mode="r")
    nodes, arrays = 1, 0
    pending = [root]
    while pending:
        g = pending.pop()
        for _, a in g.arrays():
            nodes, arrays = nodes + 1, arrays + 1
        for _, sub in g.groups():
            nodes += 1
            pending.append(sub)
    return time.perf_counter() - t0, nodes, arrays


def check(name, nodes, arrays):
    expected_arrays = GROUPS * SUBGROUPS * ARRAYS
    if nodes != NODES or arrays != expected_arrays:
        sys.exit(f"{name} found {nodes} nodes and {arrays} arrays, not {NODES} and {expected_arrays}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "bin", "zarrscope-cli"))
    ap.add_argument("--baseline-cli", help="an older zarrscope-cli to time beside (e.g. a build of main)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--dir", default="/tmp/zs-bench-discovery")
    args = ap.parse_args()
    tree = os.path.join(args.dir, "tree.zarr")
    make_tree(tree)
    nginx = nginx_autoindex(args.dir, LATENCY_S)
    times = {"zarrscope_nginx": [], "zarrscope_embedded": [], "zarr_python_nginx": [], "baseline_nginx": []}
    requests = {}
    try:
        for _ in range(args.repeats):
            before = nginx.requests()
            s, n, a = zarrscope_ls(args.cli, nginx.url + "/tree.zarr")
            check("zarrscope-cli ls (nginx)", n, a)
            times["zarrscope_nginx"].append(s)
            requests["zarrscope_nginx"] = nginx.requests() - before

            with Embedded(args.cli, args.dir, LATENCY_S) as server:
                s, n, a = zarrscope_ls(args.cli, server.url + "/tree.zarr")
            check("zarrscope-cli ls (embedded)", n, a)
            times["zarrscope_embedded"].append(s)
            requests["zarrscope_embedded"] = server.served

            before = nginx.requests()
            s, n, a = zarr_python_walk(nginx.url + "/tree.zarr")
            check("zarr-python + fsspec", n, a)
            times["zarr_python_nginx"].append(s)
            requests["zarr_python_nginx"] = nginx.requests() - before

            if args.baseline_cli:
                before = nginx.requests()
                s, n, a = zarrscope_ls(args.baseline_cli, nginx.url + "/tree.zarr")
                check("baseline zarrscope-cli ls", n, a)
                times["baseline_nginx"].append(s)
                requests["baseline_nginx"] = nginx.requests() - before
    finally:
        nginx.close()
    med = {k: statistics.median(v) for k, v in times.items() if v}
    # Round trips: root zarr.json, .zmetadata, the root's listing (an S3 attempt first: the URL
    # has a path), the root's documents, then one per level below it (3 levels).
    round_trips = 4 + 3
    bound = max(round_trips * LATENCY_S, requests["zarrscope_nginx"] / IN_FLIGHT * LATENCY_S)
    result = {"nodes": NODES, "latency_ms": LATENCY_S * 1000, "repeats": args.repeats,
              "median_s": med, "requests": requests,
              "limit_s": bound, "limit": f"max({round_trips} round trips, {requests['zarrscope_nginx']} requests "
                                            f"/ {IN_FLIGHT} in flight) x {LATENCY_S * 1000:.0f} ms",
              "speedup_vs_zarr_python": med["zarr_python_nginx"] / med["zarrscope_nginx"]}
    if "baseline_nginx" in med:
        result["speedup_vs_baseline"] = med["baseline_nginx"] / med["zarrscope_nginx"]
    print(json.dumps(result, indent=2))
    print(f"nginx autoindex at 20 ms, {NODES} nodes: zarrscope-cli ls {med['zarrscope_nginx']:.3f} s "
          f"({requests['zarrscope_nginx']} requests; limit {bound:.3f} s), zarr-python + fsspec "
          f"{med['zarr_python_nginx']:.2f} s ({requests['zarr_python_nginx']} requests): "
          f"{result['speedup_vs_zarr_python']:.0f}x; embedded server {med['zarrscope_embedded']:.3f} s "
          f"({requests['zarrscope_embedded']} requests)")


if __name__ == "__main__":
    sys.exit(main())
