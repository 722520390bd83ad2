#pragma once
// Exports a node of a store into a local directory store: an array, or a group with its whole
// subtree (attributes included). Preparation runs on a worker thread: the hierarchy is
// discovered, every output key is checked (checkSafeKey) before anything is written, the
// metadata documents are written (or, when resuming, compared with what is there), and then
// each array's chunks are exported in turn by an ArrayExporter.

#include "export/ArrayExporter.h"
#include "export/ExportPreparation.h"

#include <QElapsedTimer>

namespace zs {

class GroupExporter final : public QObject
{
    Q_OBJECT
public:
    // `path` is the node in the source ("" = root); `targetDir` becomes the output store's root.
    GroupExporter(std::shared_ptr<Store> store, QString path, QString targetDir, ExportOptions options,
                  QObject *parent = nullptr);
    ~GroupExporter() override;

    void start();
    void cancel();
    const ExportStats &stats() const { return m_stats; }
    const QStringList &notes() const { return m_notes; }

Q_SIGNALS:
    // The codec substitutions made for the target format, before any chunk is exported.
    void notesAvailable(const QStringList &notes);
    void progress(quint64 chunksDone, quint64 chunksTotal, quint64 bytesRead);
    void finished();
    void failed(const zs::Error &error);

private:
    void onPrepared(const Result<PreparedExport> &prepared);
    void exportNext();
    void fail(const zs::Error &error);

    std::shared_ptr<Store> m_store;
    QString m_path;
    QString m_targetDir;
    ExportOptions m_options;
    PreparedExport m_prepared;
    std::size_t m_next = 0;
    std::unique_ptr<ArrayExporter> m_current;
    std::vector<std::unique_ptr<ArrayExporter>> m_retired; // ended, kept until we go (small)
    ExportStats m_stats;
    ExportStats m_before; // totals of the arrays already exported
    QStringList m_notes;
    QElapsedTimer m_timer;
    bool m_cancelled = false;
    bool m_ended = false;
    bool m_preparing = false;
};

// Blocking convenience for the CLI and tests: runs an event loop until the export ends.
// `onProgress` (optional) sees every progress signal.
Result<ExportStats> exportNode(std::shared_ptr<Store> store, const QString &path, const QString &targetDir,
                               const ExportOptions &options, QStringList *notes = nullptr,
                               const std::function<void(quint64, quint64, quint64)> &onProgress = {});

} // namespace zs
