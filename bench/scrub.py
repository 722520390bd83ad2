#!/usr/bin/python3
"""Scrub benchmark (issue 14): a user stepping the Data tab's time slider through the demo's
sst/sst (int16 6443 x 24 x 48, CF-packed, chunks of 64 time steps) served with 20 ms latency per request,
`zarrscope-cli scrub ... --steps 200 --json`: with the chunk cache and prefetch (default 512 MiB)
and without (--cache-mib 0, the 'before': every step a round trip). Two servers in the same run:
our embedded server (`zarrscope-cli serve --latency-ms`) and Debian's nginx-light with the echo
module's echo_sleep as an independent one. Repeats interleaved; medians; targets beside figures.

Usage: /usr/bin/python3 bench/scrub.py [--cli build/bin/zarrscope-cli] [--demo build/share/zarrscope/demo.zarr]
                                       [--repeats 5] [--steps 200] [--latency-ms 20]
Needs nginx-light (libnginx-mod-http-echo).
"""
import argparse
import json
import os
import statistics
import sys
import subprocess

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_server import ECHO, Nginx  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


class OurServer:
    """zarrscope-cli serve DIR --latency-ms L, on a free port."""

    name = "zarrscope serve"

    def __init__(self, cli, directory, latency_ms):
        self.proc = subprocess.Popen([cli, "serve", directory, "--latency-ms", str(latency_ms)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.url = self.proc.stdout.readline().strip().split(" at ")[-1].rstrip("/")

    def close(self):
        self.proc.terminate()
        self.proc.wait(10)


class NginxEcho(Nginx):
    """nginx-light answering every request after echo_sleep, then serving the file (ranges, 404s, keep-alive)."""

    name = "nginx echo_sleep"

    def __init__(self, directory, latency_ms, port=18095):
        super().__init__(directory, latency_ms=latency_ms, port=port)


def scrub(cli, url, steps, cache_mib):
    out = subprocess.run([cli, "scrub", url, "sst/sst", "--steps", str(steps), "--cache-mib", str(cache_mib),
                          "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "bin", "zarrscope-cli"))
    ap.add_argument("--demo", default=os.path.join(ROOT, "build", "share", "zarrscope", "demo.zarr"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--latency-ms", type=int, default=20)
    a = ap.parse_args()
    if not os.path.exists(ECHO):
        raise SystemExit(f"needs nginx's echo module: apt install nginx-light libnginx-mod-http-echo ({ECHO})")
    demo = os.path.abspath(a.demo)
    servers = [OurServer(a.cli, demo, a.latency_ms), NginxEcho(demo, a.latency_ms)]
    runs = {(s.name, c): [] for s in servers for c in (512, 0)}
    try:
        for _ in range(a.repeats):  # interleaved: drift hits every case alike
            for s in servers:
                for cache in (512, 0):
                    runs[(s.name, cache)].append(scrub(a.cli, s.url, a.steps, cache))
    finally:
        for s in servers:
            s.close()

    print(f"sst/sst, {a.steps} steps along time, {a.latency_ms} ms latency, medians of {a.repeats} interleaved repeats")
    print("| server | cache | p50 ms/step | p95 ms | max ms | requests | chunks touched | cache hits | MB | target |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (name, cache), rs in runs.items():
        med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        target = ""
        if cache:
            ok = med["p50_ms"] <= 5 and med["requests"] <= med["chunks_touched"] + 10
            target = ("met" if ok else "MISSED") + " (p50 <= 5 ms, requests <= chunks touched + 10)"
        print(f"| {name} | {'512 MiB' if cache else 'off (before)'} | {med['p50_ms']:.2f} | {med['p95_ms']:.2f} | "
              f"{med['max_ms']:.1f} | {med['requests']:.0f} | {med['chunks_touched']:.0f} | {med['cache_hits']:.0f} | "
              f"{med['bytes'] / 1e6:.2f} | {target} |")


if __name__ == "__main__":
    main()
