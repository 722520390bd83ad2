// Reads whole Zarr v3 string arrays with zarrita (an independent reader) and prints, one JSON
// line per array, {"shape": [...], "values": [...]} with the values flattened in C order.
//
//   node read_strings.mjs STORE_DIR ARRAY_PATH [ARRAY_PATH ...]
//
// Exit status 0 on success, 2 (with a message on stderr) when zarrita fails.
import { FileSystemStore } from "@zarrita/storage";
import * as zarr from "zarrita";

const [storeDir, ...paths] = process.argv.slice(2);
const root = zarr.root(new FileSystemStore(storeDir));
try {
	for (const path of paths) {
		const arr = await zarr.open(root.resolve(path), { kind: "array" });
		const chunk = await zarr.get(arr);
		const data = Array.from(chunk.data);
		const n = chunk.shape.reduce((a, b) => a * b, 1);
		const values = [];
		const idx = new Array(chunk.shape.length).fill(0);
		for (let i = 0; i < n; i++) {
			let at = 0;
			for (let d = 0; d < idx.length; d++) at += idx[d] * chunk.stride[d];
			values.push(data[at]);
			for (let d = idx.length - 1; d >= 0; d--) {
				if (++idx[d] < chunk.shape[d]) break;
				idx[d] = 0;
			}
		}
		console.log(JSON.stringify({ shape: chunk.shape, values }));
	}
} catch (e) {
	console.error(String(e && e.stack ? e.stack : e));
	process.exit(2);
}
