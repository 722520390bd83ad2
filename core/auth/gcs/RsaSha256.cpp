#include "auth/gcs/RsaSha256.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace zs {

namespace {

struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// The first queued OpenSSL reason, then the queue emptied so the next call starts clean. OpenSSL's
// reason strings name the failure ("bad base64 decode"), not the data.
Error openSslError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    const char *reason = code ? ERR_reason_error_string(code) : nullptr;
    return makeError(reason ? QStringLiteral("%1: %2").arg(what, QString::fromLatin1(reason)) : what,
                     QStringLiteral("RS256 signature"));
}

// Returning 0 says "no passphrase": without a callback OpenSSL would ask on the terminal.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}

} // namespace

Result<QByteArray> signRsaSha256(const QByteArray &pem, const QByteArray &data)
{
    ERR_clear_error();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio) return openSslError(QStringLiteral("cannot read the private key"));
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    if (!key) return openSslError(QStringLiteral("the private key is not an unencrypted PEM key"));
    if (!EVP_PKEY_is_a(key.get(), "RSA"))
        return makeError(QStringLiteral("the private key is not an RSA key (RS256 needs one)"),
                         QStringLiteral("RS256 signature"));

    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) return openSslError(QStringLiteral("cannot sign"));
    // RSA keys default to PKCS#1 v1.5 padding, which is what RS256 is.
    if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return openSslError(QStringLiteral("cannot sign with the private key"));
    if (EVP_DigestSignUpdate(ctx.get(), data.constData(), static_cast<size_t>(data.size())) != 1)
        return openSslError(QStringLiteral("cannot sign"));
    size_t length = 0;
    if (EVP_DigestSignFinal(ctx.get(), nullptr, &length) != 1)
        return openSslError(QStringLiteral("cannot sign"));
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSignFinal(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length) != 1)
        return openSslError(QStringLiteral("cannot sign"));
    signature.truncate(static_cast<qsizetype>(length));
    return signature;
}

} // namespace zs
