#include "dtype/StringArena.h"

#include <cstring>

namespace zs {

StringArena::StringArena(QByteArray fill, std::uint64_t maxBytes, std::uint64_t maxChunkBytes)
    : m_limit(maxBytes), m_chunkLimit(maxChunkBytes)
{
    m_blocks.push_back(std::move(fill));
    m_items.push_back(Entry{m_blocks.back().constData(), std::uint64_t(m_blocks.back().size())});
    m_bytes = m_items.back().length + kEntryCost;
}

Status StringArena::append(const char *base, const std::vector<Span> &spans, std::uint64_t *handles)
{
    std::uint64_t total = 0;
    for (const Span &s : spans)
        total += s.length;
    const std::uint64_t cost = total + spans.size() * kEntryCost;
    // Sizes are checked before the block is allocated; the lock is held only to copy.
    std::lock_guard lock(m_mutex);
    if (cost > m_limit - std::min(m_bytes, m_limit))
        return makeError(QStringLiteral("the selection's strings need more than the %1-byte result limit "
                                        "(%2 bytes held, a chunk adds %3)")
                             .arg(m_limit)
                             .arg(m_bytes)
                             .arg(cost));
    QByteArray block(qsizetype(total), Qt::Uninitialized);
    char *p = block.data();
    std::uint64_t next = m_items.size();
    m_blocks.push_back(std::move(block));
    const char *stored = m_blocks.back().constData();
    std::uint64_t at = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (spans[i].length) std::memcpy(p + at, base + spans[i].offset, spans[i].length);
        m_items.push_back(Entry{stored + at, spans[i].length});
        handles[i] = next++;
        at += spans[i].length;
    }
    m_bytes += cost;
    return Ok{};
}

QByteArrayView StringArena::item(std::uint64_t handle) const
{
    std::lock_guard lock(m_mutex);
    const Entry &e = handle < m_items.size() ? m_items[handle] : m_items[0];
    return QByteArrayView(e.data, qsizetype(e.length));
}

std::uint64_t StringArena::itemCount() const
{
    std::lock_guard lock(m_mutex);
    return m_items.size();
}

std::uint64_t StringArena::byteSize() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

std::uint64_t StringArena::remaining() const
{
    std::lock_guard lock(m_mutex);
    return m_limit - std::min(m_bytes, m_limit);
}

std::shared_ptr<StringArena> StringArena::compacted(std::uint64_t *handles, std::size_t count) const
{
    std::lock_guard lock(m_mutex);
    auto out = std::make_shared<StringArena>(QByteArray(m_items[0].data, qsizetype(m_items[0].length)),
                                             m_limit, m_chunkLimit);
    std::vector<Span> spans;
    std::vector<std::size_t> elements; // which element each kept span belongs to
    QByteArray joined;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t h = handles[i];
        if (h == 0 || h >= m_items.size()) {
            handles[i] = 0;
            continue;
        }
        spans.push_back(Span{std::uint64_t(joined.size()), m_items[h].length});
        joined.append(m_items[h].data, qsizetype(m_items[h].length));
        elements.push_back(i);
    }
    std::vector<std::uint64_t> fresh(spans.size());
    // Never more than this arena held, so the limit cannot refuse it.
    (void)out->append(joined.constData(), spans, fresh.data());
    for (std::size_t k = 0; k < elements.size(); ++k)
        handles[elements[k]] = fresh[k];
    return out;
}

} // namespace zs
