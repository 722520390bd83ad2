// The Export dialog on the offscreen platform: a preset chunking reaches the written store,
// progress ends at the total, Cancel stops an export and arms Resume, which then finishes it,
// MainWindow opens the dialog for a node of the open store, and an array's coordinate variables go
// along (on by default), so that xarray opens the export with its coordinates. The target starts
// as a folder named after the store and node, in the last export's folder; "Open result" points at
// a finished export; a non-empty target is refused naming the Resume checkbox.

#include "ExportDialog.h"
#include "MainWindow.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

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
        QStandardPaths::setTestModeEnabled(true); // QSettings away from the user's own
        QSettings().remove(ExportDialog::lastFolderKey());
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
big = zarr.open_array('big.zarr', mode='w', shape=(400, 400), chunks=(10, 10), dtype='<i4')
big[...] = np.arange(160000, dtype='<i4').reshape(400, 400)
)PY")));
        QVERIFY2(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kXarraySstStore)),
                 "the xarray store could not be written (apt install python3-xarray python3-pandas)");
    }

    // Runs /usr/bin/python3 with xarray on `script`; fails (with the install command) without it.
    static QString runXarray(const QString &script)
    {
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON), {QStringLiteral("-c"), script});
        if (!p.waitForFinished(60000)) return QStringLiteral("python3 did not finish");
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (err.contains(u"No module named"))
            return QStringLiteral("needs xarray: apt install python3-xarray python3-pandas\n") + err;
        return p.exitCode() == 0 ? QString() : err + QString::fromUtf8(p.readAllStandardOutput());
    }

    void exportDialogThenXarray(const QString &array, const QString &selection, bool coordinates,
                                const QString &out, const QString &source = {}, int zarrFormat = 0)
    {
        auto store = openStore(source.isEmpty() ? m_dir.filePath(QStringLiteral("conv.zarr")) : source);
        QVERIFY(store);
        ExportDialog dialog(*store, array, true);
        dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(zarrFormat));
        QVERIFY(dialog.coordinatesCheck()->isChecked()); // on by default for an array
        dialog.coordinatesCheck()->setChecked(coordinates);
        dialog.selectionEdit()->setText(selection);
        dialog.setTargetDirectory(out);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        QSignalSpy failed(&dialog, &ExportDialog::exportFailed);
        dialog.startExport();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() == 1, 20000);
        QVERIFY2(finished.size() == 1, qPrintable(dialog.statusLabel()->text()));
    }

    // Each row: the array, a selection, and what xarray must find in the export (Python asserts on
    // `ds`, the export opened with xr.open_zarr, and `src`, the source opened the same way, without
    // the array whose calendar xarray refuses too).
    void coordinatesGoAlong_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("selection");
        QTest::addColumn<QString>("checks");
        QTest::addRow("whole array")
            << "sst"
            << ""
            << QStringLiteral(
                   "assert set(ds.coords) == {'time', 'lat', 'lon', 'cell_area'}, list(ds.coords)\n"
                   "xr.testing.assert_identical(ds['sst'], src['sst'])\n"
                   "assert ds['lat'].attrs['units'] == 'degrees_north'\n"
                   "assert str(ds['time'].values[0])[:10] == '2002-06-01'\n"
                   "assert ds['sst'].encoding['scale_factor'] == 0.001\n");
        QTest::addRow("selection")
            << "sst"
            << "1:3,2:,::2"
            << QStringLiteral("sel = dict(time=slice(1, 3), lat=slice(2, None), lon=slice(None, None, 2))\n"
                              "xr.testing.assert_identical(ds['sst'], src['sst'].isel(sel))\n"
                              "xr.testing.assert_identical(ds['cell_area'], "
                              "src['cell_area'].isel(lat=sel['lat'], lon=sel['lon']))\n");
        QTest::addRow("a dropped dimension")
            << "sst"
            << "2,...,1:5"
            << QStringLiteral("assert 'time' not in ds.coords and ds['sst'].dims == ('lat', 'lon'), ds\n"
                              "xr.testing.assert_identical(ds['sst'], src['sst'].isel(time=2, lon=slice(1, "
                              "5)).drop_vars('time'))\n");
        QTest::addRow("coordinates from an ancestor group")
            << "sub/anom"
            << "1:5"
            << QStringLiteral(
                   "assert set(ds.coords) == {'lat', 'lon'}, list(ds.coords)\n"
                   "import zarr\n"
                   "np.testing.assert_array_equal(ds['anom'].values, zarr.open(SRC)['sub/anom'][1:5])\n"
                   "xr.testing.assert_identical(ds['lat'], src['lat'].isel(lat=slice(1, 5)))\n");
        QTest::addRow("flags keep their attributes")
            << "surface"
            << ""
            << QStringLiteral("assert list(ds['surface'].attrs['flag_values']) == [0, 1, 2]\n"
                              "assert set(ds.coords) == {'lat', 'lon', 'cell_area'}, list(ds.coords)\n");
    }

    void coordinatesGoAlong()
    {
        QFETCH(QString, array);
        QFETCH(QString, selection);
        QFETCH(QString, checks);
        const QString out =
            m_dir.filePath(QStringLiteral("out-coords-%1").arg(QTest::currentDataTag()).replace(u' ', u'-'));
        exportDialogThenXarray(array, selection, true, out);
        if (QTest::currentTestFailed()) return;
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/.zmetadata"))); // consolidated, as xarray writes
        const QString error = runXarray(
            QStringLiteral(
                "import numpy as np, xarray as xr\nSRC = %2\nds = xr.open_zarr(%1)\nsrc = xr.open_zarr(SRC, "
                "drop_variables=['sols'])\n")
                .arg(QStringLiteral("'%1'").arg(out),
                     QStringLiteral("'%1'").arg(m_dir.filePath(QStringLiteral("conv.zarr")))) +
            checks);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The demo's sst/sst (Zarr v3, which xarray 2023.01 cannot read) exported as v2 with a selection:
    // xarray finds time, lat and lon beside it, decodes the packed values as the generator did and
    // the time as dates.
    void demoExportOpensInXarray()
    {
        const QString out = m_dir.filePath(QStringLiteral("out-demo"));
        exportDialogThenXarray(QStringLiteral("sst/sst"), QStringLiteral("60:70,::2,:"), true, out,
                               QStringLiteral(ZS_DEMO_STORE), 2);
        if (QTest::currentTestFailed()) return;
        const QString error = runXarray(
            QStringLiteral("import sys, numpy as np, xarray as xr\n"
                           "sys.path.insert(0, '" ZS_SOURCE_DIR "/resources/demo')\n"
                           "import make_demo_store as demo\n"
                           "ds = xr.open_zarr('%1')\n"
                           "assert set(ds.coords) == {'time', 'lat', 'lon'}, list(ds.coords)\n"
                           "assert ds['sst'].dims == ('time', 'lat', 'lon'), ds['sst'].dims\n"
                           "assert str(ds['time'].values[0])[:10] == '2000-03-01', ds['time'].values[0]\n"
                           "assert ds['lat'].attrs['units'] == 'degrees_north'\n"
                           "days = np.arange(6443)\n"
                           "lat = np.linspace(-86.25, 86.25, 24, dtype=np.float32)\n"
                           "lon = np.linspace(3.75, 356.25, 48, dtype=np.float32)\n"
                           "land = demo.land_mask(lat, lon)\n"
                           "want = demo.sst_decoded(demo.sst_packed(demo.sst_field(days, lat, lon), "
                           "land))[60:70, ::2, :]\n"
                           "np.testing.assert_allclose(ds['sst'].values, want, rtol=1e-6)\n"
                           "np.testing.assert_array_equal(ds['lat'].values, lat[::2])\n")
                .arg(out));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Unchecked: the array alone at the export's root, as before.
    void coordinatesCanBeLeftOut()
    {
        const QString out = m_dir.filePath(QStringLiteral("out-no-coords"));
        exportDialogThenXarray(QStringLiteral("sst"), QString(), false, out);
        if (QTest::currentTestFailed()) return;
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/.zarray")));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/lat")));
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
        QVERIFY(dialog.resumeCheck()->isChecked()); // the next Export resumes
        poll.stop();
        dialog.startExport();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(dialog.statusLabel()->text().startsWith(u"Done"), qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 1600);
    }

    void defaultTargetName_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("name");
        QTest::addRow("folder") << "/data/conv.zarr"
                                << "sub/anom"
                                << "conv-sub_anom.zarr";
        QTest::addRow("trailing slash") << "/data/conv.zarr/"
                                        << "sst"
                                        << "conv-sst.zarr";
        QTest::addRow("root") << "/data/conv.zarr"
                              << ""
                              << "conv-root.zarr";
        QTest::addRow("zip") << "/data/store.zarr.zip"
                             << "a/b/c"
                             << "store-a_b_c.zarr";
        QTest::addRow("url") << "https://mur-sst.s3.us-west-2.amazonaws.com/zarr"
                             << "analysed_sst"
                             << "zarr-analysed_sst.zarr";
        QTest::addRow("url of a host") << "http://localhost:8080/"
                                       << "x"
                                       << "localhost-x.zarr";
    }

    void defaultTargetName()
    {
        QFETCH(QString, location);
        QFETCH(QString, path);
        QFETCH(QString, name);
        QCOMPARE(ExportDialog::defaultTargetName(location, path), name);
    }

    // The default target is a new folder in home at first, then in the last export's folder; after
    // the export "Open result" points at what was written.
    void defaultTargetThenOpenResult()
    {
        QSettings().remove(ExportDialog::lastFolderKey());
        auto store = openStore(m_dir.filePath(QStringLiteral("tree.zarr")));
        QVERIFY(store);
        ExportDialog first(*store, QStringLiteral("climate/temperature"), true);
        const QString home = QDir::home().filePath(QStringLiteral("tree-climate_temperature.zarr"));
        if (!QFileInfo::exists(home)) QCOMPARE(first.targetDirectory(), QDir::toNativeSeparators(home));
        QVERIFY(!first.openResultButton()->isEnabled());
        QVERIFY(first.resultUrl().isEmpty());

        const QString out = m_dir.filePath(QStringLiteral("out-open"));
        first.setTargetDirectory(out);
        QSignalSpy finished(&first, &ExportDialog::exportFinished);
        first.startExport();
        QVERIFY(!first.openResultButton()->isEnabled()); // nothing to open while it runs
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(first.openResultButton()->isEnabled());
        QCOMPARE(first.resultUrl(), QUrl::fromLocalFile(out));
        QVERIFY(first.openResultButton()->toolTip().contains(QDir::toNativeSeparators(out)));

        // The next export starts in the same folder; a name already there gets a number.
        ExportDialog next(*store, QStringLiteral("climate/temperature"), true);
        QCOMPARE(next.targetDirectory(),
                 QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("tree-climate_temperature.zarr"))));
        QDir(m_dir.path()).mkdir(QStringLiteral("tree-climate_temperature.zarr"));
        ExportDialog third(*store, QStringLiteral("climate/temperature"), true);
        QCOMPARE(third.targetDirectory(),
                 QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("tree-climate_temperature-2.zarr"))));
    }

    // A target with files in it: the dialog says what to do in its own terms (the Resume checkbox),
    // not the CLI's --resume, and starts nothing.
    void nonEmptyTargetNamesTheResumeCheckbox()
    {
        const QString out = m_dir.filePath(QStringLiteral("out-nonempty"));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("out-nonempty")));
        QFile someone(out + QStringLiteral("/notes.txt"));
        QVERIFY(someone.open(QIODevice::WriteOnly));
        someone.write("not an export");
        someone.close();
        auto store = openStore(m_dir.filePath(QStringLiteral("tree.zarr")));
        QVERIFY(store);
        ExportDialog dialog(*store, QStringLiteral("climate/temperature"), true);
        dialog.setTargetDirectory(out);
        QSignalSpy failed(&dialog, &ExportDialog::exportFailed);
        dialog.startExport();
        QVERIFY(!dialog.isRunning());
        const QString message = dialog.statusLabel()->text();
        QVERIFY2(message.contains(QStringLiteral("is not empty")), qPrintable(message));
        QVERIFY2(message.contains(dialog.resumeCheck()->text()), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("--resume")), qPrintable(message));
        QVERIFY(!dialog.openResultButton()->isEnabled());
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList{"notes.txt"});
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
