#pragma once
// Exports the chunks of one array (its metadata is written beforehand by GroupExporter).
// Batches of output chunks are read from the source with the concurrent ArrayReader, then
// encoded and written on worker threads while the next batch downloads: at most two batch
// regions are alive at once, so an array larger than memory streams through.
// With ExportOptions::resume, output chunks whose files exist are neither read nor written.

#include "array/ArrayReader.h"
#include "export/BatchWriter.h"
#include "export/ExportOptions.h"

#include <QFuture>
#include <QObject>
#include <atomic>
#include <deque>
#include <memory>

namespace zs {

class ArrayExporter final : public QObject
{
    Q_OBJECT
public:
    ArrayExporter(std::shared_ptr<Store> store, std::shared_ptr<const ArrayExportJob> job,
                  ExportOptions options, QObject *parent = nullptr);
    ~ArrayExporter() override; // waits for a batch being written: files are never left half done

    void start();
    // Stops reading at once; a batch being written stops between chunks. Ends with failed("export
    // cancelled").
    void cancel();
    const ExportStats &stats() const { return m_stats; }

Q_SIGNALS:
    void progress(quint64 chunksDone, quint64 chunksTotal, quint64 bytesRead);
    void finished();
    void failed(const zs::Error &error);

private:
    struct Read
    {
        ExportBatch region;
        std::vector<Shape> chunks; // the output chunks to write from it
        QByteArray data;
    };
    void advance();
    bool queueNextBatch();
    void startRead();
    void onReadFinished();
    void startWrite(Read read);
    void onWritten(const Result<BatchOutcome> &outcome);
    void fail(const zs::Error &error);
    void emitProgress(std::uint64_t readerBytes = 0);

    std::shared_ptr<Store> m_store;
    std::shared_ptr<const ArrayExportJob> m_job;
    ExportOptions m_options;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    ExportStats m_stats;
    std::uint64_t m_nextBatch = 0;
    std::deque<Read> m_pending; // regions to read, in order
    std::unique_ptr<ArrayReader> m_reader;
    Read m_reading;
    std::optional<Read> m_waiting; // read, waiting for the writer
    QFuture<Result<BatchOutcome>> m_writing;
    bool m_writeBusy = false;
    bool m_ended = false;
};

} // namespace zs
