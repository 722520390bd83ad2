#pragma once
// RSASSA-PKCS1-v1_5 with SHA-256 (JWS "RS256", RFC 7518 §3.3) through OpenSSL's libcrypto.
// Errors carry OpenSSL's reason ("unsupported", "bad decrypt"), never key material.

#include "util/Result.h"

#include <QByteArray>

namespace zs {

// `pem` holds an unencrypted private key (PKCS#8 "BEGIN PRIVATE KEY" or PKCS#1 "BEGIN RSA PRIVATE
// KEY"); an encrypted one is refused rather than prompting for a passphrase on the terminal.
Result<QByteArray> signRsaSha256(const QByteArray &pem, const QByteArray &data);

} // namespace zs
