#include "export/ArrayExporter.h"

#include "store/FileIoPool.h"
#include "util/WhenFinished.h"

#include <QtConcurrent>

namespace zs {

ArrayExporter::ArrayExporter(std::shared_ptr<Store> store, std::shared_ptr<const ArrayExportJob> job,
                             ExportOptions options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_job(std::move(job)), m_options(std::move(options))
{
    m_stats.chunksTotal = m_job->plan.chunkCount();
}

ArrayExporter::~ArrayExporter()
{
    m_cancelled->store(true);
    m_reader.reset();
    if (m_writeBusy) m_writing.waitForFinished();
}

void ArrayExporter::start()
{
    QMetaObject::invokeMethod(
        this, [this] { advance(); }, Qt::QueuedConnection);
}

void ArrayExporter::cancel()
{
    if (m_ended) return;
    m_cancelled->store(true);
    m_reader.reset();
    m_pending.clear();
    m_waiting.reset();
    if (!m_writeBusy) // else the writer's completion reports it, once no file is being written
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(Error{QStringLiteral("export cancelled"), {}});
            },
            Qt::QueuedConnection);
}

void ArrayExporter::emitProgress(std::uint64_t readerBytes)
{
    Q_EMIT progress(m_stats.chunksDone(), m_stats.chunksTotal, m_stats.bytesRead + readerBytes);
}

// Fills m_pending from the next batch that still has work; false when no batch is left.
bool ArrayExporter::queueNextBatch()
{
    const ExportPlan &plan = m_job->plan;
    while (m_nextBatch < plan.batchCount()) {
        const ExportBatch batch = plan.batch(m_nextBatch++);
        std::vector<Shape> chunks = plan.chunksOf(batch);
        if (!m_options.resume) {
            m_pending.push_back(Read{batch, std::move(chunks), {}});
            return true;
        }
        std::vector<Shape> todo;
        for (Shape &c : chunks)
            if (!m_job->writer.exists(m_job->chunkKey(c))) todo.push_back(std::move(c));
        m_stats.chunksExisting += chunks.size() - todo.size();
        if (todo.size() == chunks.size()) {
            m_pending.push_back(Read{batch, std::move(todo), {}});
            return true;
        }
        // Partly done: read only the chunks still missing, so finished ones are not fetched again.
        for (Shape &c : todo)
            m_pending.push_back(Read{plan.region(c, Shape(c.size(), 1)), {c}, {}});
        if (!todo.empty()) return true;
        emitProgress();
    }
    return false;
}

void ArrayExporter::advance()
{
    if (m_ended) return;
    if (!m_reader && !m_waiting && (!m_pending.empty() || queueNextBatch())) startRead();
    if (!m_reader && !m_waiting && !m_writeBusy && m_pending.empty() &&
        m_nextBatch >= m_job->plan.batchCount()) {
        m_ended = true;
        emitProgress();
        Q_EMIT finished();
    }
}

void ArrayExporter::startRead()
{
    m_reading = std::move(m_pending.front());
    m_pending.pop_front();
    const TargetArray &t = m_job->target;
    m_reader = std::make_unique<ArrayReader>(m_store, t.sourcePath, t.source);
    connect(m_reader.get(), &ArrayReader::progress, this,
            [this](quint64, quint64, quint64 bytes) { emitProgress(bytes); });
    connect(m_reader.get(), &ArrayReader::readFinished, this, &ArrayExporter::onReadFinished);
    connect(m_reader.get(), &ArrayReader::readFailed, this, &ArrayExporter::fail);
    // How many requests run at once is the source store's limit (--concurrency opens it so).
    ReadOptions ro;
    ro.cache = m_options.cache;
    m_reader->start(m_job->plan.sourceSelection(m_reading.region), ro);
}

void ArrayExporter::onReadFinished()
{
    if (!m_reader || m_ended) return;
    const ReadStats &rs = m_reader->stats();
    m_stats.requests += rs.requests;
    m_stats.bytesRead += rs.bytes;
    m_reading.data = m_reader->result().data;
    m_stats.maxBatchBytes =
        std::max<std::uint64_t>(m_stats.maxBatchBytes, std::uint64_t(m_reading.data.size()));
    // Deleted later: this runs inside the reader's own signal.
    m_reader.release()->deleteLater();
    if (m_writeBusy)
        m_waiting = std::move(m_reading);
    else
        startWrite(std::move(m_reading));
    advance();
}

void ArrayExporter::startWrite(Read read)
{
    // One batch at a time per export (m_writeBusy), waiting on the file I/O pool while its chunks
    // are encoded and written on the decode pool's cores (writeBatch).
    m_writeBusy = true;
    m_writing =
        QtConcurrent::run(fileIoPool(), [job = m_job, cancelled = m_cancelled, read = std::move(read)]() {
            return writeBatch(*job, read.region, read.data, read.chunks, *cancelled);
        });
    whenFinished(m_writing, this, [this](const Result<BatchOutcome> &r) { onWritten(r); });
}

void ArrayExporter::onWritten(const Result<BatchOutcome> &outcome)
{
    m_writeBusy = false;
    if (m_cancelled->load()) return fail(Error{QStringLiteral("export cancelled"), {}});
    if (!outcome) return fail(outcome.error());
    m_stats.chunksWritten += outcome->written;
    m_stats.chunksFill += outcome->fill;
    m_stats.bytesWritten += outcome->bytes;
    emitProgress();
    if (m_waiting) {
        Read next = std::move(*m_waiting);
        m_waiting.reset();
        startWrite(std::move(next));
    }
    advance();
}

void ArrayExporter::fail(const Error &error)
{
    if (m_ended) return;
    m_ended = true;
    m_cancelled->store(true);
    if (m_reader) { // may be inside the reader's own signal: stop it now, delete it later
        m_reader->cancel();
        m_reader.release()->deleteLater();
    }
    m_pending.clear();
    m_waiting.reset();
    Q_EMIT failed(error);
}

} // namespace zs
