// Reads one whole Zarr array with zarrita (an independent reader) and writes its
// elements as raw little-endian bytes, C order, so the C++ tests can compare it.
//
//   node read_v3.mjs STORE_DIR ARRAY_PATH OUT.bin [ARRAY_PATH OUT.bin ...]
//
// Prints {"shape": [...], "dtype": "<zarr data type>", "bytes": N} on stdout, one line per array
// (several arrays in one process save node's start-up time).
// Exit status 0 on success, 2 (with a message on stderr) when zarrita fails.
import { FileSystemStore } from "@zarrita/storage";
import { writeFileSync } from "node:fs";
import * as zarr from "zarrita";

// zarrita returns the array in the memory layout of its codecs (a transpose codec gives
// non-C strides); rewrite it in C order.
function toCOrder(raw, itemsize, shape, stride) {
	const n = shape.reduce((a, b) => a * b, 1);
	const cStride = [];
	let acc = 1;
	for (let d = shape.length - 1; d >= 0; d--) {
		cStride[d] = acc;
		acc *= shape[d];
	}
	if (!stride || stride.every((s, d) => s === cStride[d] || shape[d] === 1)) {
		return raw.subarray(0, n * itemsize);
	}
	const out = new Uint8Array(n * itemsize);
	const idx = new Array(shape.length).fill(0);
	for (let i = 0; i < n; i++) {
		let src = 0;
		for (let d = 0; d < shape.length; d++) src += idx[d] * stride[d];
		out.set(raw.subarray(src * itemsize, (src + 1) * itemsize), i * itemsize);
		for (let d = shape.length - 1; d >= 0; d--) {
			if (++idx[d] < shape[d]) break;
			idx[d] = 0;
		}
	}
	return out;
}

async function readOne(root, arrayPath, outPath) {
	const loc = arrayPath === "" ? root : root.resolve(arrayPath);
	const arr = await zarr.open(loc, { kind: "array" });
	const chunk = await zarr.get(arr);
	// A 0-d selection comes back as a bare scalar.
	const data = chunk && typeof chunk === "object" && "data" in chunk ? chunk.data : chunk;
	const shape = chunk && typeof chunk === "object" && "shape" in chunk ? chunk.shape : [];
	let bytes;
	if (ArrayBuffer.isView(data) || (data && typeof data === "object" && data.buffer instanceof ArrayBuffer)) {
		// A typed array, or zarrita's BoolArray (one byte, 0 or 1, per element).
		const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
		bytes = toCOrder(raw, data.BYTES_PER_ELEMENT, shape, chunk.stride);
	} else {
		const ctor = {
			bool: Uint8Array, int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
			uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
			float32: Float32Array, float64: Float64Array,
		}[arr.dtype];
		if (!ctor) throw new Error(`cannot serialise a scalar of type ${arr.dtype}`);
		const one = new ctor(1);
		one[0] = typeof data === "boolean" ? Number(data) : data;
		bytes = new Uint8Array(one.buffer);
	}
	writeFileSync(outPath, bytes);
	process.stdout.write(`${JSON.stringify({ shape, dtype: arr.dtype, bytes: bytes.length })}\n`);
}

async function main() {
	const [storeDir, ...pairs] = process.argv.slice(2);
	if (!storeDir || pairs.length < 2 || pairs.length % 2 !== 0) {
		process.stderr.write("usage: node read_v3.mjs STORE_DIR ARRAY_PATH OUT.bin [ARRAY_PATH OUT.bin ...]\n");
		process.exit(1);
	}
	if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
		throw new Error("big-endian host: typed-array bytes would not be little-endian");
	}
	const root = zarr.root(new FileSystemStore(storeDir));
	for (let i = 0; i < pairs.length; i += 2) {
		try {
			await readOne(root, pairs[i], pairs[i + 1]);
		} catch (err) {
			throw new Error(`${pairs[i]}: ${err?.message ?? err}`);
		}
	}
}

main().catch((err) => {
	process.stderr.write(`zarrita: ${err?.stack ?? err}\n`);
	process.exit(2);
});
