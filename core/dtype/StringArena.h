#pragma once
// The variable-length elements (strings, bytes, JSON texts) of one read. Elements of such
// arrays are 8-byte handles into an arena, so chunks copy like any fixed-size type.
//
// Decoders append a whole chunk's items under one lock; items never move once stored, so a
// view handed out stays valid while the arena lives. Handle 0 is the array's fill value, so
// missing and fill chunks are all-zero handle buffers like any other dtype's fill.
// Every stored byte (and the per-item bookkeeping) counts against a limit set by the reader:
// the selection's result limit, so hostile chunks cannot grow a read without bound.

#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace zs {

class StringArena
{
public:
    // One item of a decoded chunk: `length` bytes at `offset` in the chunk's buffer.
    struct Span
    {
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
    };

    // `maxBytes` bounds everything stored; `maxChunkBytes` what one chunk's decoded items
    // (and so the decompressed stream before them) may take.
    explicit StringArena(QByteArray fill = {}, std::uint64_t maxBytes = ~std::uint64_t(0),
                         std::uint64_t maxChunkBytes = ~std::uint64_t(0));

    // Copies the items `spans` point to in `base` into the arena under one lock and writes
    // their handles to `handles` (one per span). Appends nothing when the limit would be exceeded.
    Status append(const char *base, const std::vector<Span> &spans, std::uint64_t *handles);
    // The bytes of one item; an unknown handle reads as the fill value.
    QByteArrayView item(std::uint64_t handle) const;

    std::uint64_t itemCount() const;
    std::uint64_t byteSize() const;  // what counts against the limit
    std::uint64_t remaining() const; // bytes that may still be appended
    std::uint64_t limit() const { return m_limit; }
    std::uint64_t chunkLimit() const { return m_chunkLimit; }

    // A new arena with only the items `handles` refer to, in element order, the handles
    // rewritten to match (0 stays the fill). Used at the end of a read: a strided selection
    // must not keep whole chunks of strings alive.
    std::shared_ptr<StringArena> compacted(std::uint64_t *handles, std::size_t count) const;

private:
    struct Entry
    {
        const char *data = nullptr;
        std::uint64_t length = 0;
    };
    static constexpr std::uint64_t kEntryCost = sizeof(Entry);

    mutable std::mutex m_mutex;
    std::deque<QByteArray> m_blocks; // deque: appending never moves the blocks already stored
    std::vector<Entry> m_items;      // item 0 is the fill value
    std::uint64_t m_bytes = 0;
    std::uint64_t m_limit;
    std::uint64_t m_chunkLimit;
};

} // namespace zs
