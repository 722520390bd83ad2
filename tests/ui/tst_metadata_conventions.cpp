// The Metadata tab's Conventions section on a store xarray writes at test time (packed int16 SST
// with _FillValue, CF time, lat/lon coordinates), plus what the conventions layer must refuse: a
// coordinate of the wrong length and a calendar nobody knows. Checked through the section's
// own model, in the browser, so the coordinates come from the discovered hierarchy.

#include "HierarchyModel.h"
#include "MainWindow.h"
#include "MetadataPanel.h"
#include "UiFixtures.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QStandardItemModel>

using namespace zs;

class TestMetadataConventions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_metadata_conventions"));
        QVERIFY(m_dir.isValid());
        QVERIFY2(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kXarraySstStore)),
                 "the xarray store could not be written (apt install python3-xarray python3-pandas)");
        m_window = std::make_unique<MainWindow>();
        // Each tester goes with its model: the window deletes its children in its own order.
        const QList<QAbstractItemModel *> models{m_window->hierarchyModel(),
                                                 m_window->metadataPanel()->conventionsModel()};
        for (QAbstractItemModel *model : models)
            new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                         model);
        QSignalSpy loaded(m_window.get(), &MainWindow::storeLoaded);
        m_window->openLocation(m_dir.filePath(QStringLiteral("conv.zarr")));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
    }

    void cleanupTestCase() { m_window.reset(); }

    // Each row: an array, a section of the Conventions tab, and a text one of its rows must contain.
    void sectionRows_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("row");
        const QString sst = QStringLiteral("sst");
        QTest::addRow("units") << sst << "Variable"
                               << "units: kelvin";
        QTest::addRow("long_name") << sst << "Variable"
                                   << "long_name: analysed sea surface temperature";
        QTest::addRow("decoded float32") << sst << "Variable"
                                         << "decoded type: <f4";
        QTest::addRow("time coordinate") << sst << "Dimensions"
                                         << "time (3): /time, days since 1981-01-01";
        QTest::addRow("lat coordinate") << sst << "Dimensions"
                                        << "lat (6): /lat, degrees_north";
        QTest::addRow("lon coordinate") << sst << "Dimensions"
                                        << "lon (8): /lon, degrees_east";
        QTest::addRow("dimension names") << sst << "Applied"
                                         << "dimension names: time, lat, lon from _ARRAY_DIMENSIONS";
        QTest::addRow("applied coordinate") << sst << "Applied"
                                            << "coordinate lat: /lat";
        QTest::addRow("packing") << sst << "Applied"
                                 << "packing: scale_factor 0.001";
        QTest::addRow("fill value") << sst << "Applied"
                                    << "-32768";
        QTest::addRow("auxiliary coordinate") << sst << "Dimensions"
                                              << "auxiliary cell_area (lat, lon): /cell_area, km2";
        QTest::addRow("applied auxiliary") << sst << "Applied"
                                           << "auxiliary coordinate cell_area: /cell_area";
        QTest::addRow("flags") << QStringLiteral("surface") << "Applied"
                               << "flags: 3 named values";
        QTest::addRow("nothing refused") << sst << "Refused"
                                         << "none";
        QTest::addRow("time decoded") << QStringLiteral("time") << "Applied"
                                      << "time: ";
        QTest::addRow("time calendar") << QStringLiteral("time") << "Dimensions"
                                       << "calendar standard";
        QTest::addRow("wrong length") << QStringLiteral("sub/short") << "Refused"
                                      << "coordinate lat: /lat has 6 values, dimension lat has 5";
        QTest::addRow("no coordinate") << QStringLiteral("sub/short") << "Dimensions"
                                       << "lat (5): no coordinate: index positions";
        QTest::addRow("unknown calendar") << QStringLiteral("sols") << "Refused"
                                          << "martian";
    }

    void sectionRows()
    {
        QFETCH(QString, array);
        QFETCH(QString, section);
        QFETCH(QString, row);
        m_window->selectPath(array);
        const MetadataPanel *panel = m_window->metadataPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->fact(QStringLiteral("Path")), array, 5000);
        const QStringList rows = panel->conventions(section);
        const auto found =
            std::any_of(rows.begin(), rows.end(), [&](const QString &r) { return r.contains(row); });
        QVERIFY2(found, qPrintable(QStringLiteral("%1 %2: no row with \"%3\" in:\n  %4")
                                       .arg(array, section, row, rows.join(QStringLiteral("\n  ")))));
    }

    // A refusal is drawn in the error colour, so it is not read as something applied.
    void refusalsStandOut()
    {
        m_window->selectPath(QStringLiteral("sols"));
        const QStandardItemModel *model = m_window->metadataPanel()->conventionsModel();
        const QList<QStandardItem *> refused = model->findItems(QStringLiteral("Refused"), Qt::MatchExactly);
        QCOMPARE(refused.size(), 1);
        QVERIFY(refused.front()->rowCount() > 0);
        QCOMPARE(refused.front()->child(0, 1)->foreground().color(), QColor(Qt::darkRed));
    }

    // A group has no conventions of its own: the section is empty rather than stale.
    void groupClearsTheSection()
    {
        m_window->selectPath(QStringLiteral("sst"));
        QVERIFY(!m_window->metadataPanel()->conventions(QStringLiteral("Applied")).isEmpty());
        m_window->selectPath(QStringLiteral("sub"));
        QCOMPARE(m_window->metadataPanel()->conventionsModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMetadataConventions)
#include "tst_metadata_conventions.moc"
