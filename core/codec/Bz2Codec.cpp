#include "codec/Bz2Codec.h"
#include "codec/CodecUtil.h"

#include <algorithm>
#include <bzlib.h>
#include <climits>
#include <nlohmann/json.hpp>

namespace zs {

using namespace codecutil;

Bz2Codec::Bz2Codec(int level) : m_level(level) {}

Result<std::shared_ptr<Bz2Codec>> Bz2Codec::fromConfig(const nlohmann::json &config)
{
    ZS_TRY(std::int64_t level, intField(config, "level", 1, QStringLiteral("bz2")));
    if (level < 1 || level > 9)
        return makeError(QStringLiteral("bz2 level %1 is outside 1..9").arg(level),
                         QStringLiteral("configuration.level"));
    return std::make_shared<Bz2Codec>(int(level));
}

nlohmann::json Bz2Codec::configuration() const
{
    return {{"id", "bz2"}, {"level", m_level}};
}

static unsigned slice(std::uint64_t n)
{
    return unsigned(std::min<std::uint64_t>(n, UINT_MAX));
}

Result<QByteArray> Bz2Codec::decode(const QByteArray &encoded, SizeHint size) const
{
    bz_stream bz{};
    if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK)
        return makeError(QStringLiteral("bz2: cannot initialise decompression"));
    struct Guard
    {
        bz_stream *s;
        ~Guard() { BZ2_bzDecompressEnd(s); }
    } guard{&bz};

    CappedOutput out(size, encoded.size());
    const char *in = encoded.constData();
    std::uint64_t inLeft = encoded.size();
    char probe = 0;
    for (;;) {
        if (bz.avail_in == 0 && inLeft > 0) {
            bz.next_in = const_cast<char *>(in);
            bz.avail_in = slice(inLeft);
            in += bz.avail_in;
            inLeft -= bz.avail_in;
        }
        const bool probing = out.room() == 0 && !out.grow();
        bz.next_out = probing ? &probe : out.freeSpace();
        bz.avail_out = probing ? 1 : slice(out.room());
        const unsigned before = bz.avail_out;
        const int rc = BZ2_bzDecompress(&bz);
        if (probing && bz.avail_out == 0) return out.tooLarge("bz2");
        if (!probing) out.commit(before - bz.avail_out);
        if (rc == BZ_STREAM_END) {
            if (bz.avail_in == 0 && inLeft == 0) break;
            // Another stream follows: bzip2 has no reset, so restart the decoder.
            const unsigned pending = bz.avail_in;
            char *next = bz.next_in;
            BZ2_bzDecompressEnd(&bz);
            bz = bz_stream{};
            if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK)
                return makeError(QStringLiteral("bz2: cannot initialise decompression"));
            bz.next_in = next;
            bz.avail_in = pending;
            continue;
        }
        if (rc != BZ_OK) return corrupt("bz2", QStringLiteral("error %1").arg(rc));
        if (bz.avail_in == 0 && inLeft == 0 && bz.avail_out > 0)
            return corrupt("bz2", QStringLiteral("unexpected end of data"));
    }
    return out.finish("bz2");
}

Result<QByteArray> Bz2Codec::encode(const QByteArray &decoded) const
{
    if (std::uint64_t(decoded.size()) > UINT_MAX / 2)
        return makeError(QStringLiteral("bz2 cannot compress %1 bytes in one buffer").arg(decoded.size()));
    // bzip2's documented worst case: 1% larger plus 600 bytes.
    unsigned destLen = unsigned(decoded.size() + decoded.size() / 100 + 600);
    QByteArray out(qsizetype(destLen), Qt::Uninitialized);
    const int rc = BZ2_bzBuffToBuffCompress(out.data(), &destLen, const_cast<char *>(decoded.constData()),
                                            unsigned(decoded.size()), m_level, 0, 0);
    if (rc != BZ_OK) return makeError(QStringLiteral("bz2 compression failed (%1)").arg(rc));
    out.truncate(qsizetype(destLen));
    return out;
}

} // namespace zs
