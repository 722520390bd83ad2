#include "ProgressiveReader.h"

#include "ViewportSampler.h"
#include "array/ShardedReadPlan.h"

#include <cstring>
#include <limits>

namespace zs {

ProgressiveReader::ProgressiveReader(std::shared_ptr<Store> store, QString arrayPath, ArrayMetadata meta,
                                     QObject *parent)
    : QObject(parent), m_meta(meta),
      m_reader(new ArrayReader(std::move(store), std::move(arrayPath), meta, this))
{
    connect(m_reader, &ArrayReader::progress, this, [this](quint64 done, quint64, quint64 bytes) {
        Q_EMIT progress(m_chunksBefore + done, m_chunksTotal, m_bytesBefore + bytes);
    });
    connect(m_reader, &ArrayReader::readFinished, this, &ProgressiveReader::onBandFinished);
    connect(m_reader, &ArrayReader::readFailed, this, [this](const QString &message) {
        m_running = false;
        Q_EMIT failed(message);
    });
}

ProgressiveReader::~ProgressiveReader()
{
    m_reader->cancel();
}

void ProgressiveReader::start(const Selection &selection, int maxBands, int concurrency)
{
    cancel();
    m_selection = selection;
    m_concurrency = concurrency;
    const std::uint64_t bytes = selection.elementCount() * m_meta.dtype.size;
    m_buffer = QByteArray(qsizetype(bytes), '\0');
    planBands(std::max(1, maxBands));
    m_current = 0;
    m_chunksBefore = 0;
    m_bytesBefore = 0;
    m_running = true;
    startBand();
}

void ProgressiveReader::cancel()
{
    m_reader->cancel();
    m_running = false;
}

void ProgressiveReader::planBands(int maxBands)
{
    m_bands.clear();
    m_chunksTotal = 0;
    const std::size_t n = m_selection.dims.size();
    const Shape unit = readUnitShape(m_meta); // sharded arrays: the reader counts inner chunks
    auto chunksOf = [&](const Selection &s) {
        std::uint64_t c = 1;
        for (std::size_t i = 0; i < n; ++i)
            c *= chunksTouchedAlong(s.dims[i], unit[i]);
        return c;
    };
    std::size_t outer = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (!m_selection.dims[i].dropped) {
            outer = i;
            break;
        }
    }
    if (outer == n || m_selection.elementCount() == 0) {
        m_bands.push_back(Band{m_selection, 0, chunksOf(m_selection)});
        m_chunksTotal = m_bands.back().chunks;
        return;
    }
    // Bands split the outermost displayed dimension at chunk boundaries, so no chunk is read twice.
    const DimSelection &d = m_selection.dims[outer];
    const std::uint64_t chunk = m_meta.chunks[outer];
    std::vector<std::uint64_t> boundaries{0}; // sample indices where a new chunk row starts
    for (std::uint64_t i = 1; i < d.count; ++i) {
        if ((d.start + i * d.step) / chunk != (d.start + (i - 1) * d.step) / chunk) boundaries.push_back(i);
    }
    const std::size_t groups = boundaries.size();
    const std::size_t bands = std::min<std::size_t>(std::size_t(maxBands), groups);
    const std::uint64_t rowElements = m_selection.elementCount() / d.count;
    for (std::size_t b = 0; b < bands; ++b) {
        const std::uint64_t i0 = boundaries[b * groups / bands];
        const std::uint64_t i1 = b + 1 == bands ? d.count : boundaries[(b + 1) * groups / bands];
        Band band{m_selection, i0 * rowElements, 0};
        band.selection.dims[outer].start = d.start + i0 * d.step;
        band.selection.dims[outer].count = i1 - i0;
        band.chunks = chunksOf(band.selection);
        m_chunksTotal += band.chunks;
        m_bands.push_back(std::move(band));
    }
}

void ProgressiveReader::startBand()
{
    ReadOptions options;
    m_reader->start(m_bands[m_current].selection, options);
}

void ProgressiveReader::onBandFinished()
{
    if (!m_running) return;
    Band &band = m_bands[m_current];
    const NdArray &r = m_reader->result();
    const std::uint64_t offset = band.firstElement * m_meta.dtype.size;
    if (offset + std::uint64_t(r.data.size()) <= std::uint64_t(m_buffer.size()))
        std::memcpy(m_buffer.data() + offset, r.data.constData(), std::size_t(r.data.size()));
    band.filled = true;
    m_chunksBefore += m_reader->stats().chunks;
    m_bytesBefore += m_reader->stats().bytes;
    Q_EMIT dataArrived();
    if (++m_current < m_bands.size()) {
        startBand();
        return;
    }
    m_running = false;
    Q_EMIT progress(m_chunksTotal, m_chunksTotal, m_bytesBefore);
    Q_EMIT finished();
}

std::vector<double> ProgressiveReader::values(ComplexPart part) const
{
    const std::size_t total = std::size_t(m_selection.elementCount());
    std::vector<double> out(total, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t b = 0; b < m_bands.size(); ++b) {
        if (!m_bands[b].filled) continue;
        const std::size_t first = std::size_t(m_bands[b].firstElement);
        const std::size_t end = b + 1 < m_bands.size() ? std::size_t(m_bands[b + 1].firstElement) : total;
        convertToDoubles(m_buffer.constData() + first * m_meta.dtype.size, end - first, m_meta.dtype, part,
                         out.data() + first);
    }
    return out;
}

} // namespace zs
