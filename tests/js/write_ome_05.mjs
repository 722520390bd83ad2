// Writes three OME-Zarr 0.5 (Zarr v3) test stores with a real third-party writer,
// @fideus-labs/ngff-zarr, then reads them back with zarrita and records what they really
// contain, so the C++ OME tests can compare their own reads against an independent writer.
//
//   node write_ome_05.mjs OUT_DIR
//
// Writes in OUT_DIR:
//   v05_yx.ome.zarr     uint16 (y,x) 300x200, 3 levels (y,x halved each), chunks 64x64,
//                       scale and translation
//   v05_czyx.ome.zarr   uint8 (c,z,y,x) 3x4x128x96, 2 levels (y,x halved), omero with 3 channels
//   v05_tczyx.ome.zarr  uint16 (t,c,z,y,x) 2x2x3x64x64, 2 levels (z,y,x halved: z 3 -> 1),
//                       time axis in seconds
//   <store>.level<N>.npy  every level as read back (NumPy .npy 1.0, C order, little-endian)
//   expected_05.json      axes, levels (path, shape, scale, translation), dtype and omero
//                         channels, all read back from the written zarr.json files (levels
//                         also carry their chunk shape)
// Exit status 0 on success, 2 (with a message on stderr) on any failure.
//
// What the writer (0.14.0) cannot be told directly, and what this script does about it:
// - toNgffImage always stores float32, and createNgffImage ignores its data, so level 0 is a
//   NgffImage built here on an in-memory zarrita array of the wanted type and chunking; the
//   writer copies level 0's chunk shape from that array.
// - toMultiscales gives the time axis no unit (it reads axesUnits for x, y and z only), so
//   the unit of "t" is set on the Multiscales metadata before toNgffZarr writes it.
// - There is no option for omero; the Metadata type has an `omero` field, which toNgffZarr
//   writes into the "ome" attributes, so the channels are set there.
// - The downsampled levels' chunk shapes come from toMultiscales' `chunks` option, which it
//   applies to the spatial axes by index when it downsamples channels as one vector image,
//   so e.g. (c,z,y,x) chunks [1,2,64,64] come out as [3,1,2,48]. A level whose chunking is
//   not the requested one (clipped to the level's shape, as the writer clips it) is copied
//   into an array with that chunking before it is written.
// - Which axes are downsampled: a number scale factor shrinks every spatial axis (z too); a
//   per-axis record shrinks only the axes named, which v05_czyx uses for y and x.
// - Downsampling is the writer's default, itkwasm_gaussian; its scale factors are absolute
//   (2 then 4), whereas itkwasm_bin_shrink takes each factor relative to the previous level.
// - ngff-zarr's @fideus-labs/fizarrita builds codecs with zarrita 0.6's metadata names and fails
//   ("Cannot read properties of undefined (reading 'match')") on this package's zarrita 0.7;
//   package.json's "overrides" keeps it on ngff-zarr's zarrita 0.6 (nested, not hoisted).
import { FileSystemStore } from "@zarrita/storage";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import WebWorker from "web-worker";
import * as zarr from "zarrita";

const NGFF_ENTRY = import.meta.resolve("@fideus-labs/ngff-zarr");

const STORES = [
	{
		name: "v05_yx",
		dtype: "uint16",
		dims: ["y", "x"],
		shape: [300, 200],
		value: ([y, x]) => (y * 7 + x * 3) % 65536,
		scale: { y: 0.5, x: 0.25 },
		translation: { y: 10, x: 20 },
		units: { y: "micrometer", x: "micrometer" },
		scaleFactors: [2, 4],
		chunks: [64, 64],
	},
	{
		name: "v05_czyx",
		dtype: "uint8",
		dims: ["c", "z", "y", "x"],
		shape: [3, 4, 128, 96],
		value: ([c, z, y, x]) => (c * 50 + z * 10 + y + x) % 256,
		scale: { c: 1, z: 2.0, y: 0.5, x: 0.5 },
		translation: { c: 0, z: 0, y: 0, x: 0 },
		units: { z: "micrometer", y: "micrometer", x: "micrometer" },
		scaleFactors: [{ y: 2, x: 2 }],
		chunks: [1, 2, 64, 64],
		omero: {
			channels: ["DAPI", "GFP", "RFP"].map((label, c) => ({
				label,
				color: ["0000FF", "00FF00", "FF0000"][c],
				window: { min: 0, max: 255, start: 10 + c * 5, end: 200 + c * 10 },
				active: c < 2,
			})),
		},
	},
	{
		name: "v05_tczyx",
		dtype: "uint16",
		dims: ["t", "c", "z", "y", "x"],
		shape: [2, 2, 3, 64, 64],
		value: ([t, c, z, y, x]) => t * 1000 + c * 100 + z * 10 + ((y + x) % 10),
		scale: { t: 1.5, c: 1, z: 1, y: 0.25, x: 0.25 },
		translation: { t: 0, c: 0, z: 0, y: 0, x: 0 },
		units: { t: "second", z: "micrometer", y: "micrometer", x: "micrometer" },
		scaleFactors: [2],
		chunks: [1, 1, 1, 32, 32],
	},
];

const TYPED = { uint8: Uint8Array, uint16: Uint16Array, int8: Int8Array, int16: Int16Array,
	uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array };
const NPY_DESCR = { uint8: "|u1", uint16: "<u2", int8: "|i1", int16: "<i2",
	uint32: "<u4", int32: "<i4", float32: "<f4", float64: "<f8" };

function cStrides(shape) {
	const stride = new Array(shape.length);
	let acc = 1;
	for (let d = shape.length - 1; d >= 0; d--) {
		stride[d] = acc;
		acc *= shape[d];
	}
	return stride;
}

// Calls fn(index, flatIndex) for every element in C order.
function forEachIndex(shape, fn) {
	const n = shape.reduce((a, b) => a * b, 1);
	const idx = new Array(shape.length).fill(0);
	for (let i = 0; i < n; i++) {
		fn(idx, i);
		for (let d = shape.length - 1; d >= 0; d--) {
			if (++idx[d] < shape[d]) break;
			idx[d] = 0;
		}
	}
}

function formulaData(spec) {
	const data = new TYPED[spec.dtype](spec.shape.reduce((a, b) => a * b, 1));
	forEachIndex(spec.shape, (idx, i) => {
		data[i] = spec.value(idx);
	});
	return data;
}

async function level0Image(ngff, spec) {
	const arr = await zarr.create(zarr.root(new Map()).resolve(spec.name), {
		shape: spec.shape,
		chunkShape: spec.chunks,
		dtype: spec.dtype,
		fillValue: 0,
		codecs: ngff.defaultCodecs(spec.dtype),
	});
	await zarr.set(arr, null, { data: formulaData(spec), shape: spec.shape, stride: cStrides(spec.shape) });
	const spaceUnits = Object.fromEntries(Object.entries(spec.units).filter(([d]) => "xyz".includes(d)));
	return new ngff.NgffImage({
		data: arr,
		dims: spec.dims,
		scale: spec.scale,
		translation: spec.translation,
		name: spec.name,
		axesUnits: spaceUnits,
		computedCallbacks: undefined,
	});
}

// The chunking the writer would give a level of this shape: the requested chunk clipped.
function wantedChunks(spec, shape) {
	return shape.map((s, d) => Math.min(s, spec.chunks[d]));
}

async function rechunked(ngff, image, chunks) {
	const whole = await ngff.zarrGet(image.data);
	const arr = await zarr.create(zarr.root(new Map()).resolve("rechunked"), {
		shape: image.data.shape,
		chunkShape: chunks,
		dtype: image.data.dtype,
		fillValue: 0,
		codecs: ngff.defaultCodecs(image.data.dtype),
	});
	await zarr.set(arr, null, { data: whole.data, shape: whole.shape, stride: cStrides(whole.shape) });
	return new ngff.NgffImage({ ...image, data: arr });
}

async function writeStore(ngff, spec, storeDir) {
	const image = await level0Image(ngff, spec);
	const ms = await ngff.toMultiscales(image, {
		scaleFactors: spec.scaleFactors,
		method: ngff.Methods.ITKWASM_GAUSSIAN,
		chunks: spec.chunks,
	});
	for (let i = 0; i < ms.images.length; i++) {
		const level = ms.images[i];
		const want = wantedChunks(spec, level.data.shape);
		if (level.data.chunks.join() !== want.join()) {
			process.stderr.write(`${spec.name} level ${i}: writer chunked [${level.data.chunks}], rechunking to [${want}]\n`);
			ms.images[i] = await rechunked(ngff, level, want);
		}
	}
	ms.metadata.axes = ms.metadata.axes.map((axis) =>
		axis.unit === undefined && spec.units[axis.name]
			? ngff.createAxis(axis.name, axis.type, spec.units[axis.name], axis.orientation)
			: axis);
	if (spec.omero) ms.metadata.omero = spec.omero;
	rmSync(storeDir, { recursive: true, force: true });
	await ngff.toNgffZarr(storeDir, ms, { version: "0.5" });
}

function readJson(file) {
	return JSON.parse(readFileSync(file, "utf8"));
}

function npyBytes(dtype, shape, data) {
	const descr = NPY_DESCR[dtype];
	if (!descr) throw new Error(`no .npy type for ${dtype}`);
	const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
	let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
	// magic (6) + version (2) + header length (2) + header + "\n", a multiple of 64.
	header = header.padEnd(Math.ceil((10 + header.length + 1) / 64) * 64 - 10 - 1, " ") + "\n";
	const head = new Uint8Array(10 + header.length);
	head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
	head.set(new TextEncoder().encode(header), 10);
	const body = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
	const out = new Uint8Array(head.length + body.length);
	out.set(head);
	out.set(body, head.length);
	return out;
}

// Reads one level with zarrita, an independent reader, and returns its C-order typed array.
async function readLevel(storeDir, arrayPath) {
	const arr = await zarr.open(zarr.root(new FileSystemStore(storeDir)).resolve(arrayPath), { kind: "array" });
	const chunk = await zarr.get(arr);
	const want = cStrides(chunk.shape);
	if (!chunk.stride.every((s, d) => s === want[d] || chunk.shape[d] === 1)) {
		throw new Error(`${arrayPath}: zarrita returned strides [${chunk.stride}], not C order`);
	}
	return { dtype: arr.dtype, shape: chunk.shape, data: chunk.data };
}

function checkLevel0(spec, level) {
	if (level.shape.join() !== spec.shape.join()) {
		throw new Error(`${spec.name} level 0 has shape [${level.shape}], wrote [${spec.shape}]`);
	}
	forEachIndex(level.shape, (idx, i) => {
		if (level.data[i] !== spec.value(idx)) {
			throw new Error(`${spec.name} level 0 [${idx}] reads ${level.data[i]}, wrote ${spec.value(idx)}`);
		}
	});
}

function transform(dataset, type) {
	const t = (dataset.coordinateTransformations ?? []).find((x) => x.type === type);
	return t ? t[type] : null;
}

// Records what the store holds, taking every value from its zarr.json files and chunks.
async function describeStore(spec, outDir, dirName) {
	const storeDir = path.join(outDir, dirName);
	const group = readJson(path.join(storeDir, "zarr.json"));
	const ome = group.attributes?.ome;
	if (group.zarr_format !== 3 || group.node_type !== "group" || ome?.version !== "0.5") {
		throw new Error(`${dirName}/zarr.json is not an OME-Zarr 0.5 group`);
	}
	const multiscale = ome.multiscales?.[0];
	if (!multiscale) throw new Error(`${dirName}: no multiscales`);
	if (multiscale.coordinateTransformations) {
		throw new Error(`${dirName}: multiscale-wide coordinateTransformations, not recorded per level`);
	}
	const levels = [];
	let dtype = null;
	for (const [n, dataset] of multiscale.datasets.entries()) {
		const meta = readJson(path.join(storeDir, dataset.path, "zarr.json"));
		const level = await readLevel(storeDir, dataset.path);
		if (n === 0) checkLevel0(spec, level);
		dtype ??= meta.data_type;
		if (meta.data_type !== dtype || level.dtype !== dtype) {
			throw new Error(`${dirName}/${dataset.path} is ${meta.data_type}, level 0 is ${dtype}`);
		}
		const npy = `${spec.name}.level${n}.npy`;
		writeFileSync(path.join(outDir, npy), npyBytes(dtype, level.shape, level.data));
		levels.push({
			path: dataset.path,
			shape: meta.shape,
			chunks: meta.chunk_grid?.configuration?.chunk_shape ?? null,
			scale: transform(dataset, "scale"),
			translation: transform(dataset, "translation"),
			npy,
		});
	}
	const channels = (ome.omero?.channels ?? []).map((ch) => ({
		label: ch.label ?? null,
		color: ch.color ?? null,
		window: {
			start: ch.window?.start ?? null,
			end: ch.window?.end ?? null,
			min: ch.window?.min ?? null,
			max: ch.window?.max ?? null,
		},
		active: ch.active ?? null,
	}));
	return {
		dir: dirName,
		image: "",
		dtype,
		axes: multiscale.axes.map((a) => ({ name: a.name, type: a.type ?? null, unit: a.unit ?? null })),
		levels,
		channels,
	};
}

async function main() {
	const outDir = process.argv[2];
	if (!outDir || process.argv.length > 3) throw new Error("usage: node write_ome_05.mjs OUT_DIR");
	if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
		throw new Error("big-endian host: typed-array bytes would not be little-endian");
	}
	globalThis.Worker = WebWorker; // before ngff-zarr loads: it needs a browser-style Worker
	// Only now: ngff-zarr looks for a Worker when it is loaded.
	const ngff = await import("@fideus-labs/ngff-zarr");
	ngff.config.workerPoolSize = 2;
	const pkg = readJson(new URL("../package.json", NGFF_ENTRY));
	mkdirSync(outDir, { recursive: true });
	const expected = { stores: {}, writer: `${pkg.name} ${pkg.version}` };
	try {
		for (const spec of STORES) {
			const dirName = `${spec.name}.ome.zarr`;
			try {
				await writeStore(ngff, spec, path.join(outDir, dirName));
				expected.stores[spec.name] = await describeStore(spec, outDir, dirName);
			} catch (err) {
				throw new Error(`${dirName}: ${err?.message ?? err}`, { cause: err });
			}
		}
	} finally {
		ngff.terminateWorkerPool();
	}
	writeFileSync(path.join(outDir, "expected_05.json"), `${JSON.stringify(expected, null, "\t")}\n`);
}

function fail(err) {
	const cause = err?.cause?.cause ?? err?.cause;
	process.stderr.write(`write_ome_05: ${err?.stack ?? err}${cause ? `\ncaused by: ${cause?.stack ?? cause}` : ""}\n`);
	process.exit(2);
}

// A failure inside a Worker reaches the main thread as an uncaught error, not a rejection.
process.on("uncaughtException", fail);
main().then(() => process.exit(0), fail);
