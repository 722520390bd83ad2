#pragma once
// The Data tab's table over a full-resolution slice (TableSlice): rows are the y dimension,
// columns x (one column for a 1-D slice). Nothing is read up front: a cell data() asks for that is
// not loaded shows "…" and queues its block (kBlockRows x kBlockColumns cells) for a strided read
// through the engine and the store's chunk cache; dataChanged follows when the block lands. The
// blocks last asked for are read first (what is on screen now), a few at a time, and at most
// kMaxBlocks stay loaded (least recently used dropped), so a 100000 x 100000 array scrolls to its
// far corner reading only what was looked at. A new slice makes the reads in flight stale.
// Headers are the dimensions' coordinate values when given (dates for time), else the indices.

#include "AxisCoordinate.h"
#include "TableSlice.h"
#include "TableValueFormat.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <deque>
#include <list>
#include <map>

namespace zs {

class SliceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kBlockRows = 64;
    static constexpr int kBlockColumns = 64;
    static constexpr std::size_t kMaxBlocks = 64;
    static constexpr std::size_t kMaxReads = 4;    // block reads in flight at once
    static constexpr std::size_t kMaxWanted = 128; // queued blocks; the oldest wishes are dropped

    explicit SliceTableModel(QObject *parent = nullptr);
    ~SliceTableModel() override;

    // Shows `slice` (a reset, unless it has the same cells) in `format` (dataChanged when another).
    void setSlice(const TableSlice &slice, const TableValueFormat &format);
    void clear();
    // The coordinates the headers show (none: the indices).
    void setHeaders(std::optional<AxisCoordinate> rows, std::optional<AxisCoordinate> columns);
    const TableSlice &slice() const { return m_slice; }
    const TableValueFormat &format() const { return m_format; }
    const std::optional<AxisCoordinate> &rowCoordinate() const { return m_rowCoordinate; }
    const std::optional<AxisCoordinate> &columnCoordinate() const { return m_columnCoordinate; }

    // The shown value of a cell, nullopt while its block is not loaded (and asks for it).
    std::optional<double> valueAt(int row, int column) const;
    bool isLoaded(int row, int column) const;

    // What the table read since its slice was set.
    struct Counters
    {
        std::uint64_t blocksRead = 0;
        std::uint64_t chunksTouched = 0; // chunks the block reads needed (from the store or the cache)
        std::uint64_t storeRequests = 0; // of those, asked of the store
        std::uint64_t cacheHits = 0;
    };
    Counters counters() const { return m_counters; }
    std::size_t loadedBlocks() const { return m_blocks.size(); }
    bool isReading() const { return !m_reading.empty() || !m_wanted.empty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void blockLoaded(int firstRow, int firstColumn);
    void readFailed(const QString &message);

private:
    struct Block
    {
        quint64 key = 0;
        std::uint64_t row0 = 0, col0 = 0, rows = 0, columns = 0;
        QByteArray bytes; // the block's elements, as stored (C order of its selection)
    };
    using Lru = std::list<Block>; // most recently used first

    static quint64 keyOf(std::uint64_t blockRow, std::uint64_t blockColumn)
    {
        return (quint64(blockRow) << 32) | quint64(blockColumn);
    }
    const Block *blockFor(int row, int column) const; // moves it to the front; null if not loaded
    void want(quint64 key) const;
    void readMore();
    void onRead(quint64 key, ArrayReader *reader);
    void dropReads();

    TableSlice m_slice;
    TableValueFormat m_format;
    std::optional<AxisCoordinate> m_rowCoordinate;
    std::optional<AxisCoordinate> m_columnCoordinate;
    // data() is const but touches the LRU order and the wishes: the cache, not what the model says.
    mutable Lru m_blocks;
    mutable QHash<quint64, Lru::iterator> m_index;
    mutable std::deque<quint64> m_wanted; // newest first
    mutable QTimer m_readTimer;           // starts the wished-for reads once data() has been asked
    std::map<quint64, ArrayReader *> m_reading;
    Counters m_counters;
};

} // namespace zs
