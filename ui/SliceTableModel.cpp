#include "SliceTableModel.h"

#include <QChar>
#include <algorithm>

namespace zs {

SliceTableModel::SliceTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(0);
    connect(&m_readTimer, &QTimer::timeout, this, &SliceTableModel::readMore);
}

SliceTableModel::~SliceTableModel()
{
    dropReads();
}

void SliceTableModel::dropReads()
{
    for (auto &[key, reader] : m_reading) {
        disconnect(reader, nullptr, this, nullptr);
        reader->cancel();
        reader->deleteLater();
    }
    m_reading.clear();
    m_wanted.clear();
    m_readTimer.stop();
}

void SliceTableModel::setSlice(const TableSlice &slice, const TableValueFormat &format)
{
    if (m_slice.valid() && m_slice.sameCells(slice)) {
        m_slice.cache = slice.cache;
        if (m_format.sameAs(format)) return;
        m_format = format;
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                               {Qt::DisplayRole, Qt::UserRole});
        return;
    }
    beginResetModel();
    dropReads();
    m_blocks.clear();
    m_index.clear();
    m_slice = slice;
    m_format = format;
    m_counters = {};
    endResetModel();
}

void SliceTableModel::clear()
{
    if (!m_slice.valid()) return;
    beginResetModel();
    dropReads();
    m_blocks.clear();
    m_index.clear();
    m_slice = {};
    m_rowCoordinate.reset();
    m_columnCoordinate.reset();
    m_counters = {};
    endResetModel();
}

void SliceTableModel::setHeaders(std::optional<AxisCoordinate> rows, std::optional<AxisCoordinate> columns)
{
    m_rowCoordinate = std::move(rows);
    m_columnCoordinate = std::move(columns);
    if (rowCount() > 0) {
        Q_EMIT headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    }
}

int SliceTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid()) return 0;
    return int(std::min<std::uint64_t>(m_slice.rows(), INT_MAX));
}

int SliceTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid()) return 0;
    return int(std::min<std::uint64_t>(m_slice.columns(), INT_MAX));
}

const SliceTableModel::Block *SliceTableModel::blockFor(int row, int column) const
{
    const quint64 key = keyOf(std::uint64_t(row) / kBlockRows, std::uint64_t(column) / kBlockColumns);
    auto it = m_index.find(key);
    if (it == m_index.end()) {
        want(key);
        return nullptr;
    }
    m_blocks.splice(m_blocks.begin(), m_blocks, *it); // iterators stay valid
    return &*m_blocks.begin();
}

void SliceTableModel::want(quint64 key) const
{
    if (m_reading.count(key)) return;
    auto queued = std::find(m_wanted.begin(), m_wanted.end(), key);
    if (queued != m_wanted.end()) {
        if (queued == m_wanted.begin()) return;
        m_wanted.erase(queued);
    }
    m_wanted.push_front(key);
    if (m_wanted.size() > kMaxWanted) m_wanted.pop_back(); // scrolled past long ago
    if (!m_readTimer.isActive()) m_readTimer.start();
}

void SliceTableModel::readMore()
{
    while (m_reading.size() < kMaxReads && !m_wanted.empty() && m_slice.valid()) {
        const quint64 key = m_wanted.front();
        m_wanted.pop_front();
        if (m_index.contains(key)) continue;
        const std::uint64_t row0 = (key >> 32) * kBlockRows, col0 = (key & 0xffffffffU) * kBlockColumns;
        const std::uint64_t rows = std::min<std::uint64_t>(kBlockRows, m_slice.rows() - row0);
        const std::uint64_t columns = std::min<std::uint64_t>(kBlockColumns, m_slice.columns() - col0);
        auto *reader = new ArrayReader(m_slice.store, m_slice.path, m_slice.meta, this);
        m_reading[key] = reader;
        connect(reader, &ArrayReader::readFinished, this, [this, key, reader] { onRead(key, reader); });
        connect(reader, &ArrayReader::readFailed, this, [this, key, reader](const Error &error) {
            m_reading.erase(key);
            reader->deleteLater();
            Q_EMIT readFailed(error.toString());
            readMore();
        });
        reader->start(m_slice.selection(row0, rows, col0, columns), m_slice.readOptions());
    }
}

void SliceTableModel::onRead(quint64 key, ArrayReader *reader)
{
    m_reading.erase(key);
    reader->deleteLater();
    const ReadStats &stats = reader->stats();
    ++m_counters.blocksRead;
    m_counters.chunksTouched += stats.chunks;
    m_counters.storeRequests += stats.requests;
    m_counters.cacheHits += stats.cacheHits;
    Block block;
    block.key = key;
    block.row0 = (key >> 32) * kBlockRows;
    block.col0 = (key & 0xffffffffU) * kBlockColumns;
    block.rows = std::min<std::uint64_t>(kBlockRows, m_slice.rows() - block.row0);
    block.columns = std::min<std::uint64_t>(kBlockColumns, m_slice.columns() - block.col0);
    block.bytes = reader->result().data;
    m_blocks.push_front(std::move(block));
    m_index.insert(key, m_blocks.begin());
    while (m_blocks.size() > kMaxBlocks) {
        m_index.remove(m_blocks.back().key);
        m_blocks.pop_back();
    }
    const Block &b = m_blocks.front();
    Q_EMIT dataChanged(index(int(b.row0), int(b.col0)),
                       index(int(b.row0 + b.rows - 1), int(b.col0 + b.columns - 1)),
                       {Qt::DisplayRole, Qt::UserRole});
    Q_EMIT blockLoaded(int(b.row0), int(b.col0));
    readMore();
}

bool SliceTableModel::isLoaded(int row, int column) const
{
    return m_index.contains(keyOf(std::uint64_t(row) / kBlockRows, std::uint64_t(column) / kBlockColumns));
}

std::optional<double> SliceTableModel::valueAt(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return std::nullopt;
    const Block *b = blockFor(row, column);
    if (!b) return std::nullopt;
    const std::uint64_t at =
        m_slice.offset(std::uint64_t(row) - b->row0, std::uint64_t(column) - b->col0, b->rows, b->columns);
    return m_format.value(b->bytes.constData() + at * m_slice.meta.dtype.size);
}

QVariant SliceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    switch (role) {
    case Qt::DisplayRole: {
        const auto v = valueAt(index.row(), index.column());
        return v ? m_format.text(*v) : QString(QChar(0x2026)); // "…": on its way
    }
    case Qt::UserRole: {
        const auto v = valueAt(index.row(), index.column());
        return v ? QVariant(*v) : QVariant();
    }
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant SliceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0) return {};
    const bool vertical = orientation == Qt::Vertical;
    if (section >= (vertical ? rowCount() : columnCount())) return {};
    if (!vertical && m_slice.colDim < 0) return tr("value");
    const auto &coordinate = vertical ? m_rowCoordinate : m_columnCoordinate;
    if (coordinate && coordinate->present()) return coordinateTextAt(*coordinate, std::uint64_t(section));
    return QString::number(section);
}

} // namespace zs
