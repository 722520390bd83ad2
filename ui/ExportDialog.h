#pragma once
// Exports a node of the open store to a local directory: target folder, Zarr format, a
// selection and chunk shape (arrays only), the codec, and whether to resume an interrupted
// export, and for an array whether its coordinate variables go along (on by default, so xarray
// opens the export with its coordinates). While it runs: a progress bar, the download rate, the time left and
// Cancel. presetChunks() opens it with a chunk shape filled in (the chunking advisor uses it).
// The target starts as a new folder named after the store and node in the folder last exported to
// (else the home folder); a finished export offers "Open result"; a target that is not empty is
// refused with a pointer to the Resume checkbox.

#include "codec/Codec.h"
#include "export/ExportOptions.h"
#include "store/Store.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QUrl>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace zs {

class GroupExporter;

class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    // `path` is the node to export ("" = the store's root); `isArray` enables selection and chunks.
    ExportDialog(std::shared_ptr<Store> store, QString path, bool isArray, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void presetChunks(const Shape &chunks);
    void setTargetDirectory(const QString &dir);
    QString targetDirectory() const;
    // The options the widgets describe, or an error naming the field that is wrong.
    Result<ExportOptions> options() const;

    void startExport();
    void cancelExport();
    bool isRunning() const { return m_exporter != nullptr; }

    // For tests.
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *rateLabel() const { return m_rate; }
    QLabel *statusLabel() const { return m_status; }
    QComboBox *formatCombo() const { return m_format; }
    QLineEdit *selectionEdit() const { return m_selection; }
    QLineEdit *chunksEdit() const { return m_chunks; }
    QLineEdit *shardsEdit() const { return m_shards; }
    QCheckBox *resumeCheck() const { return m_resume; }
    QCheckBox *coordinatesCheck() const { return m_coordinates; }
    QPushButton *openResultButton() const { return m_openResult; }
    // The folder "Open result" opens: the last finished export's; empty before one finished.
    QUrl resultUrl() const { return m_resultUrl; }

    // "conv-sub_anom.zarr" for node "sub/anom" of the store at ".../conv.zarr"; the root's is
    // "conv-root.zarr" (beside the source, the store's own name would be taken).
    static QString defaultTargetName(const QString &storeLocation, const QString &path);
    // The QSettings key remembering the folder the last export went into.
    static QString lastFolderKey() { return QStringLiteral("export/lastFolder"); }

    // "12.3 MB/s, 0:42 left" from what is done so far.
    static QString rateText(quint64 done, quint64 total, quint64 bytes, double seconds);

Q_SIGNALS:
    void exportFinished();
    void exportFailed(const QString &message);

private:
    // "100,100" from a line edit; empty when the edit is empty or disabled.
    static Result<Shape> sizesOf(const QLineEdit *edit, const QString &field);
    void onProgress(quint64 done, quint64 total, quint64 bytes);
    void onEnded(const QString &failure);
    void setRunning(bool running);
    QString defaultTarget() const;
    // Why the target cannot be written without Resume; empty when it can.
    QString nonEmptyTargetMessage() const;

    std::shared_ptr<Store> m_store;
    QString m_path;
    QLineEdit *m_target;
    QComboBox *m_format;
    QLineEdit *m_selection;
    QLineEdit *m_chunks;
    QLineEdit *m_shards;
    QComboBox *m_codec;
    QCheckBox *m_resume;
    QCheckBox *m_coordinates;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_openResult;
    QUrl m_resultUrl;
    QDialogButtonBox *m_buttons;
    std::unique_ptr<GroupExporter> m_exporter;
    QElapsedTimer m_clock;
};

} // namespace zs
