// Starts s3rver (npm, installed in tests/js) on a free loopback port with one bucket, uploads a
// directory tree into it under a prefix with plain anonymous PUTs over HTTP, then prints
//   READY http://127.0.0.1:PORT <objects uploaded>
// on stdout and serves until stdin closes (the test process ended) or SIGTERM.
//
//   node --openssl-legacy-provider s3rver_start.mjs DATA_DIR BUCKET [LOCAL_DIR PREFIX]...
//
// s3rver 3.7 signs its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+)
// only offers through its legacy provider: without the flag every truncated listing answers 500.
// Anonymous requests (no Authorization header, no signature in the query) skip s3rver's
// authentication entirely, so PUTs need no signing and GETs of absent keys answer 404 NoSuchKey.
//
// S3RVER_PRIVATE=1 in the environment makes the bucket private once the uploads are in: unsigned
// requests answer 403 AccessDenied and Signature V4 is verified for the account S3RVER/S3RVER
// (s3rver_private.mjs; s3rver 3.7 does not check V4 signatures itself). S3RVER_SESSION_TOKEN, if
// set, is the only x-amz-security-token accepted; S3RVER_SECRET_ACCESS_KEY replaces the secret
// S3RVER (so a test's secret differs from the key id it greps for); S3RVER_EXPIRED_TOKENS (comma-separated) answer
// 400 ExpiredToken; S3RVER_REGION makes a signature scoped to another region answer 400
// AuthorizationHeaderMalformed naming it (301 PermanentRedirect with S3RVER_REGION_STATUS=301);
// S3RVER_REQUESTER_PAYS=1 makes it a Requester Pays bucket
// (403 AccessDenied without a signed x-amz-request-payer: requester); S3RVER_LOG names a file that gets one line per gated
// request: "STATUS CODE METHOD URL" (CODE is the S3 error code, or OK).

import { createRequire } from 'node:module';
import { createCipheriv } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { privateGate } from './s3rver_private.mjs';

const require = createRequire(new URL('../js/package.json', import.meta.url));
const S3rver = require('s3rver');

function fail(message) {
  process.stderr.write(`s3rver_start: ${message}\n`);
  process.exit(1);
}

const [dataDir, bucket, ...uploads] = process.argv.slice(2);
if (!dataDir || !bucket || uploads.length % 2)
  fail('usage: s3rver_start.mjs DATA_DIR BUCKET [LOCAL_DIR PREFIX]...');

try {
  createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
} catch (e) {
  fail(`DES is unavailable (${e.message}): run node with --openssl-legacy-provider`);
}

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: dataDir,
  configureBuckets: [{ name: bucket, configs: [] }],
});
// Koa composes `middleware` when the server starts listening: the gate goes first, before s3rver's
// logger, vhost rewriting and routes, so it sees the request as sent.
const gate = process.env.S3RVER_PRIVATE === '1'
  ? privateGate({
      accessKeyId: 'S3RVER',
      secretAccessKey: process.env.S3RVER_SECRET_ACCESS_KEY || 'S3RVER',
      sessionToken: process.env.S3RVER_SESSION_TOKEN,
      expiredTokens: (process.env.S3RVER_EXPIRED_TOKENS || '').split(',').filter(Boolean),
      region: process.env.S3RVER_REGION || undefined,
      regionStatus: Number(process.env.S3RVER_REGION_STATUS || 400),
      requesterPays: process.env.S3RVER_REQUESTER_PAYS === '1',
      log: process.env.S3RVER_LOG ? line => appendFileSync(process.env.S3RVER_LOG, line + '\n') : undefined,
    })
  : null;
if (gate) server.middleware.unshift(gate);
const { port } = await server.run();
const endpoint = `http://127.0.0.1:${port}`;

let uploaded = 0;
for (let i = 0; i < uploads.length; i += 2) {
  const [local, prefix] = [uploads[i], uploads[i + 1].replace(/^\/+|\/+$/g, '')];
  const keys = [];
  for await (const path of files(local)) keys.push([path, relative(local, path).split(sep).join('/')]);
  // A few PUTs at a time: s3rver writes each object and its metadata file to disk.
  const queue = keys.slice();
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let item; (item = queue.shift());) {
      const [path, key] = item;
      const objectKey = prefix ? `${prefix}/${key}` : key;
      const url = `${endpoint}/${bucket}/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
      const res = await fetch(url, { method: 'PUT', body: await readFile(path) });
      if (res.status !== 200) fail(`PUT ${url}: HTTP ${res.status} ${await res.text()}`);
      ++uploaded;
    }
  }));
}

if (gate) gate.lock();
process.stdout.write(`READY ${endpoint} ${uploaded}\n`);

const stop = async () => {
  await server.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
