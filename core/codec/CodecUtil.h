#pragma once
// Small helpers shared by the codec implementations: reading codec configuration
// without letting nlohmann exceptions escape, and a size-capped output buffer for
// streaming decoders (zlib, gzip, bz2, zstd with unknown content size).

#include "codec/Codec.h"

#include <QString>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace zs::codecutil {

// Configuration readers. `codec` names the codec in the error text; the error's
// `where` is "configuration.<field>" so the caller can prefix the metadata path.
Result<std::int64_t> intField(const nlohmann::json &config, const char *field,
                              std::optional<std::int64_t> fallback, const QString &codec);
Result<QString> stringField(const nlohmann::json &config, const char *field, std::optional<QString> fallback,
                            const QString &codec);
Result<bool> boolField(const nlohmann::json &config, const char *field, std::optional<bool> fallback,
                       const QString &codec);

// "<codec> data is truncated or corrupt" style errors, kept uniform across codecs.
Error corrupt(const char *codec, const QString &detail = {});

// Output for streaming decoders. It starts small when the hint is only an upper
// bound (a shard or a compressed stream inside another), grows geometrically and never
// beyond the hint, so a hostile stream cannot make us allocate more than the chunk needs.
class CappedOutput
{
public:
    CappedOutput(SizeHint hint, std::uint64_t inputSize);
    char *freeSpace() { return m_buf.data() + m_used; }
    std::uint64_t room() const { return std::uint64_t(m_buf.size()) - m_used; }
    void commit(std::uint64_t n) { m_used += n; }
    std::uint64_t used() const { return m_used; }
    bool atCap() const { return std::uint64_t(m_buf.size()) >= m_hint.bytes; }
    // Enlarges the buffer toward the cap; false when it already is at the cap.
    bool grow();
    // Checks the produced size against the hint and hands out the bytes.
    Result<QByteArray> finish(const char *codec);
    Error tooLarge(const char *codec) const;

private:
    SizeHint m_hint;
    QByteArray m_buf;
    std::uint64_t m_used = 0;
};

// Largest byte count a QByteArray can hold; sizes above it are refused up front.
constexpr std::uint64_t kMaxBytes = std::uint64_t(1) << 62;

} // namespace zs::codecutil
