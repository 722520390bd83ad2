#pragma once
// Reads one selection in bands of chunk rows, so the view can draw each band as it arrives
// instead of waiting for the whole selection. ArrayReader's result is complete only at the
// end and its buffer is uninitialised until then, so the bands are separate reads: each gets
// the full concurrency, and what has not arrived yet is NaN (a gap), never garbage.
// A new start() or cancel() drops the read in progress (ArrayReader::cancel).

#include "ValueConverter.h"
#include "array/ArrayReader.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

namespace zs {

class ProgressiveReader final : public QObject
{
    Q_OBJECT
public:
    ProgressiveReader(std::shared_ptr<Store> store, QString arrayPath, ArrayMetadata meta,
                      QObject *parent = nullptr);
    ~ProgressiveReader() override;

    void start(const Selection &selection, int maxBands = 8, int concurrency = 64);
    void cancel();
    bool isRunning() const { return m_running; }

    const Selection &selection() const { return m_selection; }
    Shape resultShape() const { return m_selection.resultShape(); }
    // Everything read so far as doubles, in C order of resultShape(); NaN where nothing arrived yet.
    std::vector<double> values(ComplexPart part) const;
    const DataType &dtype() const { return m_meta.dtype; }
    quint64 chunksTotal() const { return m_chunksTotal; }

Q_SIGNALS:
    void progress(quint64 chunksDone, quint64 chunksTotal, quint64 bytes);
    void dataArrived(); // another band is in values()
    void finished();
    void failed(const QString &message);

private:
    struct Band
    {
        Selection selection;
        std::uint64_t firstElement = 0;
        std::uint64_t chunks = 0;
        bool filled = false;
    };
    void planBands(int maxBands);
    void startBand();
    void onBandFinished();

    ArrayMetadata m_meta;
    ArrayReader *m_reader = nullptr;
    Selection m_selection;
    std::vector<Band> m_bands;
    std::size_t m_current = 0;
    QByteArray m_buffer; // the whole selection, filled band by band
    quint64 m_chunksTotal = 0;
    quint64 m_chunksBefore = 0; // chunks of the bands already done
    quint64 m_bytesBefore = 0;
    int m_concurrency = 64;
    bool m_running = false;
};

} // namespace zs
