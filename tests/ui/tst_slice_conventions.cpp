// The Data tab on a store xarray writes as an SST analysis is (make_cf_view_store.py): decoded
// and masked values, the missing colour and the automatic range, coordinate axes (titles, ticks,
// north up, dates), the colour scale's title, the read-out and the sliders' dates, checked through
// the widgets' own data on the offscreen platform; and "Decode (CF)" off gives the raw view back.

#include "CoordinateTicker.h"
#include "HierarchyLoader.h"
#include "MainWindow.h"
#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

#include <QCheckBox>
#include <QDate>
#include <QLineEdit>
#include <nlohmann/json.hpp>

using namespace zs;
using json = nlohmann::json;

class TestSliceConventions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    std::shared_ptr<const HierarchyEntries> m_entries; // as the browser discovers them
    json m_expected;

    NodeMetadata node(const QString &path) { return test::discoveredNode(*m_entries, path); }

    // Shows `path` as the browser does and waits for the read and the coordinates.
    bool show(SliceView &view, const QString &path)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        QSignalSpy coordinates(&view, &SliceView::coordinatesReady);
        view.setArray(m_store, node(path), nullptr, cf::entriesLookup(m_entries));
        if (finished.count() == 0 && !finished.wait(10000)) return false;
        if (!view.coordinatesLoaded() && coordinates.count() == 0 && !coordinates.wait(10000)) return false;
        view.plot()->replot(); // tick labels are made at replot
        return true;
    }

    static QStringList labels(QCPAxis *axis) { return axis->tickVectorLabels(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(QStringLiteral(ZS_DEBIAN_PYTHON),
                  {QStringLiteral(ZS_SOURCE_DIR "/tests/ui/make_cf_view_store.py"), m_dir.path()});
        QVERIFY(gen.waitForFinished(180000));
        // A missing writer is a failure, never a skip: the message says what to install.
        QVERIFY2(gen.exitStatus() == QProcess::NormalExit && gen.exitCode() == 0,
                 qPrintable(QStringLiteral("make_cf_view_store.py failed (apt install python3-xarray "
                                           "python3-pandas python3-zarr):\n") +
                            QString::fromUtf8(gen.readAll())));
        QFile f(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expected = json::parse(f.readAll().toStdString());
        auto store = openStore(m_dir.filePath(QStringLiteral("sst.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
        auto entries = HierarchyLoader::discover(*m_store);
        QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().toString()));
        m_entries = std::make_shared<const HierarchyEntries>(*entries);
    }

    void packedValuesAreDecodedAndMasked()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("sst")));
        QVERIFY(view.controls()->decode());
        QCPColorMapData *data = view.colorMap()->data();
        for (const json &c : m_expected["sst_cells"]) {
            if (c["t"].get<int>() != 0) continue;
            const double cell = data->cell(c["x"].get<int>(), c["y"].get<int>());
            if (c["decoded"].is_null())
                QVERIFY2(std::isnan(cell), qPrintable(QString::number(cell)));
            else
                QVERIFY(qAbs(cell - c["decoded"].get<double>()) < 1e-4);
        }
        // Land is masked, so the automatic range is the ocean's (271-301 K), not -32768.
        const QCPRange range = view.colorMap()->dataRange();
        QVERIFY2(range.lower > 270 && range.upper < 302,
                 qPrintable(QStringLiteral("%1 %2").arg(range.lower).arg(range.upper)));
        // Exactly the 2nd and 98th percentiles of the unmasked values: masked cells take no rank.
        std::vector<double> finite;
        for (double v : view.values())
            if (!std::isnan(v)) finite.push_back(v);
        QCOMPARE(finite.size(), std::size_t(14 * 36)); // the four land rows are masked
        std::sort(finite.begin(), finite.end());
        const auto rank = [&](double p) {
            return finite[std::size_t(std::llround(p / 100 * double(finite.size() - 1)))];
        };
        QCOMPARE(range.lower, rank(2));
        QCOMPARE(range.upper, rank(98));
        // Masked cells take the missing colour, which is not the background.
        const QColor missing = view.colorMap()->gradient().nanColor();
        QCOMPARE(view.colorMap()->gradient().nanHandling(), QCPColorGradient::nhNanColor);
        QVERIFY(missing != view.plot()->axisRect()->backgroundBrush().color());
        QVERIFY(missing != QColor(Qt::white));
        QCOMPARE(view.colorMap()->colorScale()->axis()->label(),
                 QStringLiteral("analysed sea surface temperature [kelvin]"));

        // Off: the stored int16 exactly, the fill value included, and index axes.
        QSignalSpy toggled(view.controls(), &SliceControls::decodeToggled);
        view.controls()->setDecode(false);
        QCOMPARE(toggled.count(), 1);
        for (const json &c : m_expected["sst_cells"]) {
            if (c["t"].get<int>() != 0) continue;
            QCOMPARE(data->cell(c["x"].get<int>(), c["y"].get<int>()), c["stored"].get<double>());
        }
        QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("lon"));
        QVERIFY(!view.plot()->xAxis->ticker().dynamicCast<CoordinateTicker>());
        QVERIFY(view.plot()->yAxis->rangeReversed()); // row 0 at the top again
        QVERIFY(view.colorMap()->colorScale()->axis()->label().isEmpty());
        view.controls()->setDecode(true);
        QVERIFY(view.plot()->xAxis->ticker().dynamicCast<CoordinateTicker>());
    }

    void axes_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("xTitle");
        QTest::addColumn<QString>("yTitle");
        QTest::addColumn<bool>("yReversed");
        QTest::addColumn<bool>("xReversed");
        QTest::addColumn<QString>("valueTitle");
        // lat grows with its index: north up, so the axis is not reversed.
        QTest::addRow("sst") << "sst"
                             << "lon [degrees_east]"
                             << "lat [degrees_north]" << false << false
                             << "analysed sea surface temperature [kelvin]";
        // lat falls with its index: row 0 (85° N) at the top.
        QTest::addRow("southward") << "southward"
                                   << "lon [degrees_east]"
                                   << "latd [degrees_north]" << true << false << "southward [1]";
        // lon falls with its index: column 0 (175° E) on the right, east still to the right.
        QTest::addRow("westward") << "westward"
                                  << "lonw [degrees_east]"
                                  << "lat [degrees_north]" << false << true << "westward [1]";
        // No dimension coordinates: index axes named by the dimensions, row 0 at the top.
        QTest::addRow("swath") << "swath"
                               << "x"
                               << "y" << true << false << "swath [1]";
        QTest::addRow("flags") << "mask"
                               << "lon [degrees_east]"
                               << "lat [degrees_north]" << false << false << "surface type";
    }

    void axes()
    {
        QFETCH(QString, array);
        QFETCH(QString, xTitle);
        QFETCH(QString, yTitle);
        QFETCH(bool, yReversed);
        QFETCH(bool, xReversed);
        QFETCH(QString, valueTitle);
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, array));
        QCOMPARE(view.plot()->xAxis->label(), xTitle);
        QCOMPARE(view.plot()->yAxis->label(), yTitle);
        QCOMPARE(view.plot()->yAxis->rangeReversed(), yReversed);
        QCOMPARE(view.plot()->xAxis->rangeReversed(), xReversed);
        QCOMPARE(view.colorMap()->colorScale()->axis()->label(), valueTitle);
    }

    // A line along time: the x axis is "time" and its ticks are the dates at their positions
    // (xarray wrote the coordinate as days since 1981-01-01 from 2002-06-01 on, a day apart).
    void timeAxisTicksAreDates()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("daily")));
        QCPAxis *x = view.plot()->xAxis;
        QCOMPARE(x->label(), QStringLiteral("time"));
        QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("daily mean [kelvin]"));
        const QVector<double> ticks = x->tickVector();
        QVERIFY(!ticks.isEmpty());
        int whole = 0;
        for (int i = 0; i < ticks.size(); ++i) {
            if (ticks[i] != std::round(ticks[i])) continue;
            ++whole;
            const QDate day = QDate(2002, 6, 1).addDays(qint64(ticks[i]));
            QCOMPARE(labels(x)[i], day.toString(Qt::ISODate));
        }
        QVERIFY(whole > 0);
    }

    // Regular lat (-85 ... 85 by 10): round values sit where they fall between cells, so 0° is
    // at index 8.5 (the edge between -5 and 5) and 80° N at 16.5; each label is its position's value.
    void regularCoordinateTicksPlaceTheImage()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("sst")));
        QCPAxis *y = view.plot()->yAxis;
        const QVector<double> ticks = y->tickVector();
        const QStringList text = labels(y);
        QVERIFY(!ticks.isEmpty());
        QCOMPARE(text.size(), ticks.size());
        bool sawEquator = false;
        for (int i = 0; i < ticks.size(); ++i) {
            const double lat = -85.0 + 10.0 * ticks[i];
            const QString expected =
                lat == 0 || std::abs(lat) < 1e-9
                    ? QStringLiteral("0°")
                    : QStringLiteral("%1° %2").arg(std::abs(lat)).arg(QChar(lat < 0 ? u'S' : u'N'));
            QCOMPARE(text[i], expected);
            if (text[i] == u"0°") {
                QCOMPARE(ticks[i], 8.5);
                sawEquator = true;
            }
        }
        QVERIFY(sawEquator);
        // The image's cells stay at index positions: cell 0 spans -0.5 ... 0.5, that is -90 ... -80.
        QCOMPARE(view.colorMap()->data()->valueRange().lower, 0.0);
    }

    // Irregular depths: whole index positions labelled with their values; the value axis of the line
    // says long_name [units].
    void irregularCoordinateLabelsIndexPositions()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("profile")));
        QCPAxis *x = view.plot()->xAxis;
        QCOMPARE(x->label(), QStringLiteral("depth [m]"));
        QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("temperature profile [degC]"));
        const double depth[] = {0, 5, 10, 20, 50, 100, 200, 500};
        const QVector<double> ticks = x->tickVector();
        QVERIFY(!ticks.isEmpty());
        for (int i = 0; i < ticks.size(); ++i) {
            QCOMPARE(ticks[i], std::round(ticks[i]));
            QCOMPARE(labels(x)[i], QString::number(depth[int(ticks[i])]));
        }
    }

    void readoutNamesEverything_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<int>("ix");
        QTest::addColumn<int>("iy");
        QTest::addColumn<QStringList>("parts");
        QTest::addRow("packed") << "sst" << 9 << 7
                                << QStringList{"time 0 (2002-06-01)", "lat 7 (15.00° S)", "lon 9 (85.00° W)",
                                               "value 293.406 kelvin (stored -4744)"};
        QTest::addRow("land") << "sst" << 0 << 0
                              << QStringList{"lat 0 (85.00° S)", "value masked (stored -32768)"};
        QTest::addRow("auxiliary") << "swath" << 2 << 1
                                   << QStringList{"y 1", "x 2", "lat2d 41.20° N, lon2d 7.90° W",
                                                  "value 12 1"};
    }

    void readoutNamesEverything()
    {
        QFETCH(QString, array);
        QFETCH(int, ix);
        QFETCH(int, iy);
        QFETCH(QStringList, parts);
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, array));
        const QString text = view.readoutAt(ix, iy);
        for (const QString &p : parts)
            QVERIFY2(text.contains(p), qPrintable(text));
    }

    void readoutNamesTheFlag()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("mask")));
        const QString names[] = {QStringLiteral("water"), QStringLiteral("land"), QStringLiteral("ice")};
        const QString text = view.readoutAt(0, 0);
        QVERIFY2(text.contains(QStringLiteral("[%1]").arg(names[m_expected["mask_00"].get<int>()])),
                 qPrintable(text));
    }

    // Only the Zarr v2 fill_value would mask (zarr-python writes 0 for any array): decoding is
    // offered but off, so the zeros stay data; switched on, xarray's masking applies.
    void fillValueAloneDecodesOnlyWhenAsked()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("plain")));
        QVERIFY(!view.controls()->decode());
        QCOMPARE(view.colorMap()->data()->cell(0, 0), 0.0);
        view.controls()->setDecode(true);
        QVERIFY(std::isnan(view.colorMap()->data()->cell(0, 0)));
        QCOMPARE(view.colorMap()->data()->cell(1, 0), 1.0);
    }

    // The browser hands the view the hierarchy it discovered: coordinates found without asking.
    void browserFindsTheCoordinates()
    {
        MainWindow window;
        window.resize(1200, 800);
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        QSignalSpy coordinates(window.sliceView(), &SliceView::coordinatesReady);
        window.openLocation(m_dir.filePath(QStringLiteral("sst.zarr")), QStringLiteral("sst"));
        QVERIFY(loaded.wait(20000));
        QVERIFY(coordinates.count() > 0 || coordinates.wait(10000));
        QCOMPARE(window.sliceView()->plot()->yAxis->label(), QStringLiteral("lat [degrees_north]"));
        QCOMPARE(window.sliceView()->controls()->sliderValueText(0), QStringLiteral("2002-06-01"));
    }

    // The time slider shows dates and takes one typed: TimeCoder::encode, then the nearest index.
    void timeSliderShowsAndTakesDates()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("sst")));
        SliceControls *controls = view.controls();
        QCOMPARE(controls->sliderValueText(0), QStringLiteral("2002-06-01"));
        QSignalSpy finished(&view, &SliceView::readFinished);
        auto *edit = controls->findChild<QLineEdit *>(QStringLiteral("sliderValue0"));
        QVERIFY(edit);
        edit->setText(QStringLiteral("2002-06-03"));
        edit->setModified(true);
        Q_EMIT edit->editingFinished();
        QCOMPARE(controls->fixedIndex()[0], std::uint64_t(2));
        QCOMPARE(controls->sliderValueText(0), QStringLiteral("2002-06-03"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() > 0, true, 10000);
        // A saved figure says which slice it is; the title row goes again after saving.
        QCOMPARE(view.imageTitle(), QStringLiteral("sst   time 2 (2002-06-03)"));
        const int rows = view.plot()->plotLayout()->rowCount();
        QVERIFY(view.saveImage(m_dir.filePath(QStringLiteral("sst.png"))));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("sst.png"))).size() > 1000);
        QCOMPARE(view.plot()->plotLayout()->rowCount(), rows);
        QVERIFY(view.plot()->plotLayout()->hasElement(0, 1)); // the colour scale beside the plot
        // Between two days: the nearest one.
        QVERIFY(controls->jumpTo(0, QStringLiteral("2002-06-02T10:00")));
        QCOMPARE(controls->fixedIndex()[0], std::uint64_t(1));
        QCOMPARE(controls->sliderValueText(0), QStringLiteral("2002-06-02"));
        // Not a date: nothing moves, and the field says why.
        QVERIFY(!controls->jumpTo(0, QStringLiteral("June")));
        QCOMPARE(controls->fixedIndex()[0], std::uint64_t(1));
        // The masked cell of the second day.
        QTRY_VERIFY_WITH_TIMEOUT(std::isnan(view.colorMap()->data()->cell(9, 7)), 10000);
        // Raw: the index only.
        controls->setDecode(false);
        QVERIFY(!edit->isVisible() || edit->text().isEmpty());
    }
};

QTEST_MAIN(TestSliceConventions)
#include "tst_slice_conventions.moc"
