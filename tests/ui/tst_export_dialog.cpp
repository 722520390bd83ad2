// The Export dialog on the offscreen platform: a preset chunking reaches the written store,
// progress ends at the total, Cancel stops an export and arms Resume, which then finishes it,
// and MainWindow opens the dialog for a node of the open store.

#include "ExportDialog.h"
#include "MainWindow.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"

#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>

using namespace zs;

class TestExportDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QJsonObject readJson(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_export_dialog"));
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
big = zarr.open_array('big.zarr', mode='w', shape=(400, 400), chunks=(10, 10), dtype='<i4')
big[...] = np.arange(160000, dtype='<i4').reshape(400, 400)
)PY")));
    }

    void rateText()
    {
        QCOMPARE(ExportDialog::rateText(25, 100, 5000000, 2.0),
                 QStringLiteral("25 of 100 chunks, 2.5 MB/s, 0:06 left"));
        QCOMPARE(ExportDialog::rateText(100, 100, 0, 1.0),
                 QStringLiteral("100 of 100 chunks, 0.0 MB/s, 0:00 left"));
        QCOMPARE(ExportDialog::rateText(0, 100, 0, 0.0), QStringLiteral("0 of 100 chunks, 0.0 MB/s, – left"));
    }

    void presetChunksAreWritten()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("tree.zarr")));
        QVERIFY(store);
        ExportDialog dialog(*store, QStringLiteral("climate/temperature"), true);
        dialog.presetChunks({2, 3, 8});
        QCOMPARE(dialog.chunksEdit()->text(), QStringLiteral("2,3,8"));
        const QString out = m_dir.filePath(QStringLiteral("out-preset"));
        dialog.setTargetDirectory(out);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(readJson(out + QStringLiteral("/.zarray"))[u"chunks"].toArray(), (QJsonArray{2, 3, 8}));
        QCOMPARE(dialog.progressBar()->value(), dialog.progressBar()->maximum());
        QVERIFY2(dialog.rateLabel()->text().startsWith(u"2 of 2 chunks"),
                 qPrintable(dialog.rateLabel()->text()));
    }

    // Shard sizes from the dialog: v3 sharding_indexed output of the preset inner chunks.
    void shardsAreWritten()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("big.zarr")));
        QVERIFY(store);
        ExportDialog dialog(*store, QString(), true);
        dialog.shardsEdit()->setText(QStringLiteral("100, 200"));
        const QString out = m_dir.filePath(QStringLiteral("out-shards"));
        dialog.setTargetDirectory(out);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const QJsonObject meta = readJson(out + QStringLiteral("/zarr.json"));
        QCOMPARE(meta[u"chunk_grid"].toObject()[u"configuration"].toObject()[u"chunk_shape"].toArray(),
                 (QJsonArray{100, 200}));
        const QJsonObject sharding = meta[u"codecs"].toArray().first().toObject();
        QCOMPARE(sharding[u"name"].toString(), QStringLiteral("sharding_indexed"));
        QCOMPARE(sharding[u"configuration"].toObject()[u"chunk_shape"].toArray(), (QJsonArray{10, 10}));
        QCOMPARE(QDir(out + QStringLiteral("/c")).entryList(QDir::AllDirs | QDir::NoDotAndDotDot).size(), 4);

        dialog.shardsEdit()->setText(QStringLiteral("100,0"));
        const auto refused = dialog.options();
        QVERIFY(!refused);
        QVERIFY2(refused.error().toString().contains(u"Shards"), qPrintable(refused.error().toString()));
    }

    void cancelThenResume()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("big.zarr")));
        QVERIFY(store);
        const QString out = m_dir.filePath(QStringLiteral("out-cancel"));
        ExportDialog dialog(*store, QString(), true);
        dialog.setTargetDirectory(out);
        QSignalSpy failed(&dialog, &ExportDialog::exportFailed);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        // Cancel on the first progress report (the plan is known, chunks are being read).
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &dialog, [&] {
            if (!dialog.rateLabel()->text().isEmpty()) dialog.cancelExport();
        });
        poll.start(1);
        dialog.startExport();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("export cancelled"));
        QVERIFY(dialog.statusLabel()->text().contains(u"cancelled"));
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.findChild<QCheckBox *>()->isChecked()); // the next Export resumes
        poll.stop();
        dialog.startExport();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(dialog.statusLabel()->text().startsWith(u"Done"), qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 1600);
    }

    void mainWindowOpensTheDialog()
    {
        MainWindow window;
        QCOMPARE(window.openExportDialog(QString()), nullptr); // no store yet
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(m_dir.filePath(QStringLiteral("tree.zarr")));
        QVERIFY(loaded.wait(10000));
        ExportDialog *dialog = window.openExportDialog(QStringLiteral("climate"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->chunksEdit()->isEnabled()); // a group: no chunk shape
        dialog->close();
        dialog = window.openExportDialog(QStringLiteral("climate/temperature"));
        QVERIFY(dialog->chunksEdit()->isEnabled());
        dialog->close();
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
