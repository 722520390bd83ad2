#include "export/GroupExporter.h"

#include "util/WhenFinished.h"

#include <QEventLoop>
#include <QtConcurrent>

namespace zs {

GroupExporter::GroupExporter(std::shared_ptr<Store> store, QString path, QString targetDir,
                             ExportOptions options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_path(std::move(path)), m_targetDir(std::move(targetDir)),
      m_options(std::move(options))
{
}

GroupExporter::~GroupExporter()
{
    if (m_current) m_current->cancel();
    // Each waits for a batch it may still be writing, so no file is left half written.
    m_current.reset();
    m_retired.clear();
}

void GroupExporter::start()
{
    m_timer.start();
    m_preparing = true;
    auto future =
        QtConcurrent::run([store = m_store, path = m_path, dir = m_targetDir, options = m_options]() {
            return prepareExport(*store, path, dir, options);
        });
    whenFinished(future, this, [this](Result<PreparedExport> r) { onPrepared(r); });
}

void GroupExporter::cancel()
{
    if (m_ended) return;
    m_cancelled = true;
    if (m_current)
        m_current->cancel(); // reports failed("export cancelled") once its files are whole
    else if (!m_preparing)
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(Error{QStringLiteral("export cancelled"), {}});
            },
            Qt::QueuedConnection);
}

void GroupExporter::onPrepared(const Result<PreparedExport> &prepared)
{
    m_preparing = false;
    if (m_cancelled) return fail(Error{QStringLiteral("export cancelled"), {}});
    if (!prepared) return fail(prepared.error());
    m_prepared = *prepared;
    m_notes = m_prepared.notes;
    m_stats.groups = m_prepared.groups;
    m_stats.arrays = m_prepared.arrays.size();
    for (const auto &job : m_prepared.arrays)
        m_stats.chunksTotal += job->plan.chunkCount();
    m_before = m_stats;
    if (!m_notes.isEmpty()) Q_EMIT notesAvailable(m_notes);
    Q_EMIT progress(0, m_stats.chunksTotal, 0);
    exportNext();
}

void GroupExporter::exportNext()
{
    if (m_current) // we are inside its finished signal: destroyed with us, not now
        m_retired.push_back(std::move(m_current));
    if (m_cancelled) return fail(Error{QStringLiteral("export cancelled"), {}});
    if (m_next == m_prepared.arrays.size()) {
        m_ended = true;
        m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
        Q_EMIT finished();
        return;
    }
    m_current = std::make_unique<ArrayExporter>(m_store, m_prepared.arrays[m_next++], m_options);
    connect(m_current.get(), &ArrayExporter::progress, this, [this](quint64 done, quint64, quint64 bytes) {
        Q_EMIT progress(m_before.chunksDone() + done, m_stats.chunksTotal, m_before.bytesRead + bytes);
    });
    connect(m_current.get(), &ArrayExporter::finished, this, [this] {
        const ExportStats &a = m_current->stats();
        m_stats.chunksWritten += a.chunksWritten;
        m_stats.chunksFill += a.chunksFill;
        m_stats.chunksExisting += a.chunksExisting;
        m_stats.requests += a.requests;
        m_stats.bytesRead += a.bytesRead;
        m_stats.bytesWritten += a.bytesWritten;
        m_stats.maxBatchBytes = std::max(m_stats.maxBatchBytes, a.maxBatchBytes);
        m_before = m_stats;
        exportNext();
    });
    connect(m_current.get(), &ArrayExporter::failed, this, &GroupExporter::fail);
    m_current->start();
}

void GroupExporter::fail(const Error &error)
{
    if (m_ended) return;
    m_ended = true;
    if (m_current) {
        const ExportStats &a = m_current->stats(); // what the interrupted array did still counts
        m_stats.chunksWritten += a.chunksWritten;
        m_stats.chunksExisting += a.chunksExisting;
        m_stats.requests += a.requests;
        m_stats.bytesRead += a.bytesRead;
        m_current->cancel(); // no-op when it is the one that failed
        m_retired.push_back(std::move(m_current));
    }
    m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
    Q_EMIT failed(error);
}

Result<ExportStats> exportNode(std::shared_ptr<Store> store, const QString &path, const QString &targetDir,
                               const ExportOptions &options, QStringList *notes,
                               const std::function<void(quint64, quint64, quint64)> &onProgress)
{
    GroupExporter exporter(std::move(store), path, targetDir, options);
    QEventLoop loop;
    std::optional<Error> failure;
    QObject::connect(&exporter, &GroupExporter::finished, &loop, &QEventLoop::quit);
    QObject::connect(&exporter, &GroupExporter::failed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    if (onProgress) QObject::connect(&exporter, &GroupExporter::progress, &loop, onProgress);
    exporter.start();
    loop.exec();
    if (notes) *notes = exporter.notes();
    if (failure) return *failure;
    return exporter.stats();
}

} // namespace zs
