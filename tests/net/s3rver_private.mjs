// A Koa middleware that makes s3rver's bucket private: s3rver 3.7 lets unsigned requests through
// and, for Signature V4, only looks the access key up ("Signature version 4 calculation is
// unimplemented" in its lib/middleware/authentication.js), so a wrong secret would pass. In front
// of s3rver's own middleware this answers as S3 does:
//   no Authorization header                  403 AccessDenied
//   malformed Authorization                  400 AuthorizationHeaderMalformed
//   unknown access key id                    403 InvalidAccessKeyId
//   unsigned x-amz-* header                  403 AccessDenied
//   x-amz-date more than 15 minutes off      403 RequestTimeTooSkewed
//   wrong x-amz-security-token               403 InvalidToken (when a token is configured)
//   an expired x-amz-security-token          400 ExpiredToken (expiredTokens)
//   credential scope in another region       400 AuthorizationHeaderMalformed, naming the bucket's
//                                            region in x-amz-bucket-region and <Region> (region);
//                                            301 PermanentRedirect instead with regionStatus 301
//                                            (what S3 answers on another region's endpoint)
//   signature that does not verify           403 SignatureDoesNotMatch
//   no signed x-amz-request-payer: requester 403 AccessDenied (requesterPays: a Requester Pays
//                                            bucket, as S3 answers a request that does not accept
//                                            the charge)
// The verification is written from the AWS docs ("Create a canonical request", S3 flavour:
// path segments encoded once, not normalised), independently of the C++ signer under test.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const encode = s =>
  encodeURIComponent(s).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());

const sha256 = data => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

function deny(ctx, status, code, message, extra = '') {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>0</RequestId></Error>`;
  return code;
}

function canonicalQuery(raw) {
  const decode = s => decodeURIComponent(s.replace(/\+/g, ' '));
  const pairs = raw
    .split('&')
    .filter(Boolean)
    .map(item => {
      const i = item.indexOf('=');
      return i < 0 ? [encode(decode(item)), ''] : [encode(decode(item.slice(0, i))), encode(decode(item.slice(i + 1)))];
    });
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

// Header values by lower-case name, repeated headers kept in order (rawHeaders, not Node's merge).
function headerValues(req) {
  const out = new Map();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (!out.has(name)) out.set(name, []);
    out.get(name).push(req.rawHeaders[i + 1].trim().replace(/\s+/g, ' '));
  }
  return out;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

// `log`, when given, is called once per gated request with its status and S3 error code (or
// "OK"), so tests can count what a client sent, e.g. that a wrong secret causes no retry storm.
export function privateGate({ accessKeyId, secretAccessKey, sessionToken, expiredTokens = [], region, regionStatus = 400, requesterPays, log }) {
  let locked = false;
  const gate = async (ctx, next) => {
    if (!locked) return next();
    const answer = await check(ctx, next);
    if (log) log(`${ctx.status} ${answer || 'OK'} ${ctx.method} ${ctx.req.url}`);
  };
  const check = async (ctx, next) => {
    const auth = ctx.get('authorization');
    if (!auth) return deny(ctx, 403, 'AccessDenied', 'Access Denied');
    const m = AUTH.exec(auth);
    if (!m) return deny(ctx, 400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
    const [, keyId, date, scopeRegion, service, signedList, signature] = m;
    if (keyId !== accessKeyId)
      return deny(ctx, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    // As S3 does for a bucket in another region than the one signed for: the answer names it.
    if (region && scopeRegion !== region) {
      ctx.set('x-amz-bucket-region', region);
      if (regionStatus === 301)
        return deny(ctx, 301, 'PermanentRedirect',
          'The bucket you are attempting to access must be addressed using the specified endpoint.',
          `<Endpoint>s3.${region}.amazonaws.com</Endpoint>`);
      return deny(ctx, 400, 'AuthorizationHeaderMalformed',
        `The authorization header is malformed; the region '${scopeRegion}' is wrong; expecting '${region}'`,
        `<Region>${region}</Region>`);
    }
    const headers = headerValues(ctx.req);
    const signed = signedList.split(';');
    for (const name of headers.keys())
      if (name.startsWith('x-amz-') && !signed.includes(name))
        return deny(ctx, 403, 'AccessDenied', `There were headers present in the request which were not signed: ${name}`);
    if (!signed.includes('host') || signed.some(name => !headers.has(name)))
      return deny(ctx, 403, 'AccessDenied', 'A signed header is missing, or host is not signed');
    const amzDate = (headers.get('x-amz-date') || [''])[0];
    const when = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!amzDate.startsWith(date) || !(Math.abs(Date.now() - when) < 15 * 60 * 1000))
      return deny(ctx, 403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    const token = headers.get('x-amz-security-token');
    if (token && expiredTokens.includes(token[0]))
      return deny(ctx, 400, 'ExpiredToken', 'The provided token has expired.');
    if (token && sessionToken && token[0] !== sessionToken)
      return deny(ctx, 403, 'InvalidToken', 'The provided token is malformed or otherwise invalid.');
    const payloadHash = (headers.get('x-amz-content-sha256') || [''])[0];
    if (!payloadHash) return deny(ctx, 400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');

    const [rawPath, ...rawQuery] = ctx.req.url.split('?');
    let path;
    try {
      path = decodeURIComponent(rawPath).split('/').map(encode).join('/');
    } catch {
      return deny(ctx, 400, 'InvalidURI', 'Could not parse the specified URI.');
    }
    const canonical = [
      ctx.method,
      path || '/',
      canonicalQuery(rawQuery.join('?')),
      signed.map(name => `${name}:${headers.get(name).join(',')}\n`).join(''),
      signedList,
      payloadHash,
    ].join('\n');
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, `${date}/${scopeRegion}/${service}/aws4_request`, sha256(canonical)].join('\n');
    let key = hmac('AWS4' + secretAccessKey, date);
    for (const part of [scopeRegion, service, 'aws4_request']) key = hmac(key, part);
    const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
    if (!timingSafeEqual(expected, Buffer.from(signature)))
      return deny(ctx, 403, 'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        `<CanonicalRequest>${canonical.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</CanonicalRequest>`);
    if (requesterPays && (headers.get('x-amz-request-payer') || [''])[0] !== 'requester')
      return deny(ctx, 403, 'AccessDenied', 'Access Denied (a Requester Pays bucket: x-amz-request-payer: requester is needed)');
    await next();
    return undefined;
  };
  // Uploads go in unsigned before the gate closes.
  gate.lock = () => {
    locked = true;
  };
  return gate;
}
