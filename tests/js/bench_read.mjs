// Peer reader for the benchmarks: reads a whole array with zarrita over HTTP (FetchStore)
// and prints {"seconds": ..., "elements": ...}. Used by bench/network.py.
//
//   node bench_read.mjs URL ARRAY_PATH
import { FetchStore } from "@zarrita/storage";
import * as zarr from "zarrita";

const [url, arrayPath] = process.argv.slice(2);
const root = zarr.root(new FetchStore(url));
const loc = arrayPath ? root.resolve(arrayPath) : root;
const arr = await zarr.open(loc, { kind: "array" });
const t0 = performance.now();
const chunk = await zarr.get(arr);
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ seconds, elements: chunk.data.length }) + "\n");
