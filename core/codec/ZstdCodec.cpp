#include "codec/ZstdCodec.h"
#include "codec/CodecUtil.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <zstd.h>

namespace zs {

using namespace codecutil;

ZstdCodec::ZstdCodec(int level, bool checksum, bool numcodecsConfig)
    : m_level(level), m_checksum(checksum), m_numcodecs(numcodecsConfig)
{
}

Result<std::shared_ptr<ZstdCodec>> ZstdCodec::fromConfig(const nlohmann::json &config, bool numcodecsConfig)
{
    const QString name = QStringLiteral("zstd");
    ZS_TRY(std::int64_t level, intField(config, "level", numcodecsConfig ? 1 : 0, name));
    if (level < ZSTD_minCLevel() || level > ZSTD_maxCLevel())
        return makeError(QStringLiteral("zstd level %1 is out of range").arg(level),
                         QStringLiteral("configuration.level"));
    ZS_TRY(bool checksum, boolField(config, "checksum", false, name));
    return std::make_shared<ZstdCodec>(int(level), checksum, numcodecsConfig);
}

nlohmann::json ZstdCodec::configuration() const
{
    nlohmann::json c{{"level", m_level}, {"checksum", m_checksum}};
    if (m_numcodecs) c["id"] = "zstd";
    return c;
}

namespace {
struct DCtxDeleter
{
    void operator()(ZSTD_DCtx *c) const { ZSTD_freeDCtx(c); }
};
struct CCtxDeleter
{
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
};

// One context per thread: creating one costs more than decoding a small chunk,
// and a context must never be shared between threads.
ZSTD_DCtx *threadDCtx()
{
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxDeleter> ctx(ZSTD_createDCtx());
    ZSTD_DCtx_reset(ctx.get(), ZSTD_reset_session_only);
    return ctx.get();
}
} // namespace

// Sum of the content sizes all frames declare (writers may concatenate frames), using
// only the stable API; UNKNOWN if any frame leaves it out, ERROR if a frame is malformed.
static unsigned long long declaredSize(const char *data, std::size_t size)
{
    unsigned long long total = 0;
    while (size > 0) {
        const unsigned long long n = ZSTD_getFrameContentSize(data, size);
        if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN) return n;
        const std::size_t frame = ZSTD_findFrameCompressedSize(data, size);
        if (ZSTD_isError(frame) || n > ZSTD_CONTENTSIZE_ERROR - 1 - total) return ZSTD_CONTENTSIZE_ERROR;
        total += n;
        data += frame;
        size -= frame;
    }
    return total;
}

Result<QByteArray> ZstdCodec::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.isEmpty()) return codecutil::corrupt("zstd", QStringLiteral("no data"));
    const unsigned long long declared = declaredSize(encoded.constData(), encoded.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR) return corrupt("zstd", QStringLiteral("bad or incomplete frame"));
    ZSTD_DCtx *dctx = threadDCtx();
    if (!dctx) return makeError(QStringLiteral("zstd: cannot create a decompression context"));

    if (declared != ZSTD_CONTENTSIZE_UNKNOWN) {
        ZS_CHECK(size.admits(declared, "zstd"));
        // The header may lie: the buffer is exactly what it declares, so a larger
        // payload fails with dstSize_tooSmall instead of overrunning.
        QByteArray out(qsizetype(declared), Qt::Uninitialized);
        const std::size_t n =
            ZSTD_decompressDCtx(dctx, out.data(), out.size(), encoded.constData(), encoded.size());
        if (ZSTD_isError(n)) return corrupt("zstd", QString::fromLatin1(ZSTD_getErrorName(n)));
        if (n != declared)
            return corrupt("zstd",
                           QStringLiteral("frame declares %1 bytes but holds %2").arg(declared).arg(n));
        return out;
    }

    // Content size unknown (streamed writers): decode into a buffer capped by the hint.
    CappedOutput out(size, encoded.size());
    ZSTD_inBuffer in{encoded.constData(), std::size_t(encoded.size()), 0};
    std::size_t rc = 1;
    char probe = 0;
    while (in.pos < in.size || rc != 0) {
        if (out.room() == 0 && !out.grow()) {
            ZSTD_outBuffer o{&probe, 1, 0};
            rc = ZSTD_decompressStream(dctx, &o, &in);
            if (ZSTD_isError(rc)) return corrupt("zstd", QString::fromLatin1(ZSTD_getErrorName(rc)));
            if (o.pos > 0) return out.tooLarge("zstd");
            if (in.pos == in.size && rc != 0)
                return corrupt("zstd", QStringLiteral("unexpected end of data"));
            if (in.pos == in.size) break;
            continue;
        }
        ZSTD_outBuffer o{out.freeSpace(), std::size_t(out.room()), 0};
        const std::size_t inBefore = in.pos;
        rc = ZSTD_decompressStream(dctx, &o, &in);
        if (ZSTD_isError(rc)) return corrupt("zstd", QString::fromLatin1(ZSTD_getErrorName(rc)));
        out.commit(o.pos);
        // No input consumed, no output made, room left: the frame is cut short.
        if (in.pos == in.size && rc != 0 && o.pos < o.size && in.pos == inBefore)
            return corrupt("zstd", QStringLiteral("unexpected end of data"));
    }
    return out.finish("zstd");
}

Result<QByteArray> ZstdCodec::encode(const QByteArray &decoded) const
{
    std::unique_ptr<ZSTD_CCtx, CCtxDeleter> cctx(ZSTD_createCCtx());
    if (!cctx) return makeError(QStringLiteral("zstd: cannot create a compression context"));
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, m_level);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, m_checksum ? 1 : 0);
    QByteArray out(qsizetype(ZSTD_compressBound(decoded.size())), Qt::Uninitialized);
    const std::size_t n =
        ZSTD_compress2(cctx.get(), out.data(), out.size(), decoded.constData(), decoded.size());
    if (ZSTD_isError(n))
        return makeError(
            QStringLiteral("zstd compression failed: %1").arg(QString::fromLatin1(ZSTD_getErrorName(n))));
    out.truncate(qsizetype(n));
    return out;
}

} // namespace zs
