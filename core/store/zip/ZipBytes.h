#pragma once
// Little-endian fields of zip records, read from a view of bytes. Callers check a record's
// length before reading its fields; reads past the end answer 0 rather than touching memory
// outside the buffer, so a missed check costs a wrong value, never a crash.

#include <QByteArray>
#include <cstddef>
#include <cstdint>

namespace zs {

class ZipBytes
{
public:
    explicit ZipBytes(const QByteArray &bytes)
        : m_data(reinterpret_cast<const std::uint8_t *>(bytes.constData())), m_size(std::size_t(bytes.size()))
    {
    }
    ZipBytes(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}

    std::size_t size() const { return m_size; }
    const std::uint8_t *data() const { return m_data; }
    std::uint16_t u16(std::size_t at) const { return std::uint16_t(read(at, 2)); }
    std::uint32_t u32(std::size_t at) const { return std::uint32_t(read(at, 4)); }
    std::uint64_t u64(std::size_t at) const { return read(at, 8); }
    // The bytes [at, at+length), clipped to the view.
    ZipBytes sub(std::size_t at, std::size_t length) const
    {
        if (at > m_size) return ZipBytes(m_data, 0);
        return ZipBytes(m_data + at, length < m_size - at ? length : m_size - at);
    }
    QByteArray toByteArray() const
    {
        return QByteArray(reinterpret_cast<const char *>(m_data), qsizetype(m_size));
    }

private:
    std::uint64_t read(std::size_t at, int width) const
    {
        if (at > m_size || std::size_t(width) > m_size - at) return 0;
        std::uint64_t v = 0;
        for (int i = width; i-- > 0;)
            v = (v << 8) | m_data[at + std::size_t(i)];
        return v;
    }

    const std::uint8_t *m_data;
    std::size_t m_size;
};

// a + b without wrapping: false when the sum does not fit in 64 bits.
inline bool addFits(std::uint64_t a, std::uint64_t b, std::uint64_t *sum)
{
    if (b > UINT64_MAX - a) return false;
    *sum = a + b;
    return true;
}

} // namespace zs
