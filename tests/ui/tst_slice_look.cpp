// How the Data tab's plot looks and is navigated (issue 16): the colour maps, their reverse and
// missing colour, linear/log/symmetric scaling, Hold range across slider steps, the missing
// swatch, Home (double-click, key, button), box zoom, square pixels, the plot's context menu,
// per-array memory of reverse/scaling/hold, and a tooltip on every control.

#include "ColorMaps.h"
#include "ControlTooltips.h"
#include "MissingSwatch.h"
#include "PlotNavigation.h"
#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QToolButton>
#include <QToolTip>
#include <cmath>

using namespace zs;

namespace {

// Euclidean distance in RGB: 0 for the same colour, about 441 for black against white.
double distance(const QColor &a, const QColor &b)
{
    return std::hypot(a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue());
}

// QCPColorGradient::color is not const (it fills a colour buffer): a copy is taken.
QColor at(QCPColorGradient g, double t)
{
    return QColor::fromRgb(g.color(t, QCPRange(0, 1)));
}

bool inLayout(QCustomPlot *plot, QCPLayoutElement *element)
{
    return plot->plotLayout()->elements(true).contains(element);
}

double pixelsPerCell(const QCPAxis *axis)
{
    return std::abs(axis->coordToPixel(1) - axis->coordToPixel(0));
}

} // namespace

class TestSliceLook : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;

    bool show(SliceView &view, const QString &path)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, test::nodeAt(*m_store, path));
        return finished.count() > 0 || finished.wait(10000);
    }

    // A shown, laid-out view of `path`, so pixels mean something.
    bool showLaidOut(SliceView &view, const QString &path)
    {
        view.resize(900, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view) || !show(view, path)) return false;
        view.plot()->replot();
        return true;
    }

    template <class T> T *control(SliceView &view, const char *name)
    {
        return view.controls()->findChild<T *>(QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_slice_look"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        // stack: three 6 x 8 slices of 100 t + 0 .. 47, so each slice has a range of its own;
        // signed: -10 .. 37 (eleven values ≤ 0); waves: unit complex numbers over phases -3 .. 3.
        QVERIFY(test::runZarrPython(m_dir.path(), QStringLiteral(R"PY(
root = zarr.open_group('look.zarr', mode='w')
stack = np.arange(3)[:, None, None] * 100.0 + np.arange(48.0).reshape(6, 8)
root.create_dataset('stack', data=stack, chunks=(1, 6, 8))
root.create_dataset('signed', data=(np.arange(48.0) - 10).reshape(6, 8), chunks=(6, 8))
root.create_dataset('line', data=np.arange(20.0) - 5, chunks=(20,))
root.create_dataset('waves', data=np.exp(1j * np.linspace(-3, 3, 48)).reshape(6, 8).astype('c8'), chunks=(6, 8))
)PY")));
        auto store = openStore(m_dir.filePath(QStringLiteral("look.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
    }

    void colourMapExistsAndReverses_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"cividis", "plasma", "inferno", "turbo", "twilight", "gray (reversed)"})
            QTest::addRow("%s", name) << QString::fromLatin1(name);
    }

    void colourMapExistsAndReverses()
    {
        QFETCH(QString, name);
        QVERIFY(colorMapNames().contains(name));
        const QCPColorGradient g = colorGradient(name);
        // Unlike every other map somewhere along it (an unknown name would be viridis).
        for (const QString &other : colorMapNames()) {
            if (other == name) continue;
            double most = 0;
            for (int i = 0; i <= 16; ++i)
                most = std::max(most, distance(at(g, i / 16.0), at(colorGradient(other), i / 16.0)));
            QVERIFY2(most > 40, qPrintable(other));
        }
        // Reversed, it is its mirror: within one of its 256 levels.
        const QCPColorGradient r = colorGradient(name, true);
        for (int i = 0; i <= 16; ++i) {
            const double t = i / 16.0;
            QVERIFY2(distance(at(r, t), at(g, 1 - t)) < 12, qPrintable(QString::number(t)));
        }
        QVERIFY(distance(at(r, 0.1), at(g, 0.1)) > 40);
    }

    void twilightIsCyclicAndReversedGrayIsGrayMirrored()
    {
        const QCPColorGradient twilight = colorGradient(QStringLiteral("twilight"));
        QVERIFY(distance(at(twilight, 0), at(twilight, 1)) < 12);
        QVERIFY(distance(at(twilight, 0), at(twilight, 0.5)) > 100);
        const QCPColorGradient gray = colorGradient(QStringLiteral("gray"));
        const QCPColorGradient reversed = colorGradient(QStringLiteral("gray (reversed)"));
        QCOMPARE(at(reversed, 0), QColor(Qt::white));
        QCOMPARE(at(reversed, 1), QColor(Qt::black));
        QVERIFY(distance(at(reversed, 0.25), at(gray, 0.75)) < 4);
    }

    void missingColourIsNoValueColour_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : colorMapNames())
            QTest::addRow("%s", qPrintable(name)) << name;
    }

    void missingColourIsNoValueColour()
    {
        QFETCH(QString, name);
        const QColor missing = missingColor(name);
        QCOMPARE(colorGradient(name).nanColor(), missing);
        QCOMPARE(colorGradient(name, true).nanColor(), missing);
        QVERIFY(distance(missing, Qt::white) > 60);
        double nearest = 1000;
        for (int i = 0; i <= 255; ++i)
            nearest = std::min(nearest, distance(missing, at(colorGradient(name), i / 255.0)));
        QVERIFY2(nearest > 40, qPrintable(QString::number(nearest)));
    }

    void logScaleHidesValuesAtOrBelowZero()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("signed"))); // -10 .. 37, row by row
        QCPColorMapData *data = view.colorMap()->data();
        QCOMPARE(data->cell(0, 0), -10.0);
        QCOMPARE(view.colorMap()->dataScaleType(), QCPAxis::stLinear);

        view.controls()->setScaling(ValueScaling::Log);
        QCOMPARE(view.colorMap()->dataScaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(view.colorMap()->colorScale()->axis()->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(std::isnan(data->cell(0, 0))); // -10
        QVERIFY(std::isnan(data->cell(2, 1))); // 0
        QCOMPARE(data->cell(3, 1), 1.0);
        QVERIFY(view.colorMap()->dataRange().lower > 0);
        QVERIFY2(view.message().startsWith(QStringLiteral("11 values ≤ 0")), qPrintable(view.message()));

        view.controls()->setScaling(ValueScaling::Linear);
        QCOMPARE(view.colorMap()->dataScaleType(), QCPAxis::stLinear);
        QCOMPARE(data->cell(0, 0), -10.0);
        QVERIFY(view.message().isEmpty());
    }

    void logScaleOnALine()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("line"))); // -5 .. 14
        view.controls()->setScaling(ValueScaling::Log);
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(std::isnan(view.graph()->data()->at(5)->value)); // 0
        QCOMPARE(view.graph()->data()->at(6)->value, 1.0);
        QVERIFY(view.plot()->yAxis->range().lower > 0);
    }

    void symmetricRangeIsAboutZero_data()
    {
        QTest::addColumn<bool>("manual");
        QTest::addRow("manual") << true;
        QTest::addRow("auto") << false;
    }

    void symmetricRangeIsAboutZero()
    {
        QFETCH(bool, manual);
        SliceView view;
        QVERIFY(show(view, QStringLiteral("signed")));
        if (manual) view.controls()->setManualRange(-3, 20);
        const double m =
            std::max(std::abs(view.controls()->manualMin()), std::abs(view.controls()->manualMax()));
        view.controls()->setScaling(ValueScaling::Symmetric);
        QCOMPARE(view.colorMap()->dataRange(), QCPRange(-m, m));
        if (manual) QCOMPARE(m, 20.0);
    }

    void holdKeepsTheRangeAcrossSliderSteps()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("stack"))); // slice 0: 0 .. 47
        const QCPRange first = view.colorMap()->dataRange();
        QVERIFY(first.upper < 50);
        view.controls()->setHoldRange(true);
        QCOMPARE(view.colorMap()->dataRange(), first);

        QSignalSpy finished(&view, &SliceView::readFinished);
        view.controls()->setFixedIndex(0, 1); // 100 .. 147
        QVERIFY(finished.wait(10000));
        QCOMPARE(view.colorMap()->data()->cell(0, 0), 100.0);
        QCOMPARE(view.colorMap()->dataRange(), first);

        view.controls()->setHoldRange(false); // recomputed for the slice shown
        QVERIFY(view.colorMap()->dataRange().lower > 99);
        view.controls()->setFixedIndex(0, 2); // 200 .. 247: unheld, it follows
        QVERIFY(finished.wait(10000));
        QVERIFY(view.colorMap()->dataRange().lower > 199);
    }

    void missingSwatchBesideImagesOnly()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("stack")));
        MissingSwatch *swatch = nullptr;
        for (QCPLayoutElement *e : view.plot()->plotLayout()->elements(true)) {
            if (auto *s = dynamic_cast<MissingSwatch *>(e)) swatch = s;
        }
        QVERIFY(swatch);
        QCOMPARE(swatch->label(), QStringLiteral("missing"));
        QCOMPARE(swatch->color(), missingColor(view.controls()->colorMapName()));
        view.controls()->setColorMapName(QStringLiteral("twilight"));
        QCOMPARE(swatch->color(), missingColor(QStringLiteral("twilight")));
        QVERIFY(show(view, QStringLiteral("line")));
        QVERIFY(!inLayout(view.plot(), swatch));
        QVERIFY(show(view, QStringLiteral("signed")));
        QVERIFY(inLayout(view.plot(), swatch));
    }

    void homeShowsTheWholeSlice_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addRow("double-click") << "double-click";
        QTest::addRow("Home key") << "key";
        QTest::addRow("Home button") << "button";
        QTest::addRow("Reset zoom") << "menu";
    }

    void homeShowsTheWholeSlice()
    {
        QFETCH(QString, how);
        SliceView view;
        QVERIFY(showLaidOut(view, QStringLiteral("stack"))); // 8 across, 6 down
        QCustomPlot *plot = view.plot();
        plot->xAxis->setRange(1, 3);
        plot->yAxis->setRange(2, 3);
        const QPoint centre = plot->axisRect()->rect().center();
        if (how == u"double-click") {
            QTest::mouseDClick(plot, Qt::LeftButton, Qt::NoModifier, centre);
        } else if (how == u"key") {
            QTest::keyClick(plot, Qt::Key_Home);
        } else if (how == u"button") {
            control<QToolButton>(view, "home")->click();
        } else {
            std::unique_ptr<QMenu> menu(view.plotMenu(centre));
            menu->actions().at(3)->trigger();
        }
        QCOMPARE(plot->xAxis->range(), QCPRange(-0.5, 7.5));
        QCOMPARE(plot->yAxis->range(), QCPRange(-0.5, 5.5));
    }

    void boxZoomZoomsToTheRectangle_data()
    {
        QTest::addColumn<bool>("toggle");
        QTest::addRow("Box zoom on") << true;
        QTest::addRow("Ctrl held") << false;
    }

    void boxZoomZoomsToTheRectangle()
    {
        QFETCH(bool, toggle);
        SliceView view;
        QVERIFY(showLaidOut(view, QStringLiteral("stack")));
        QCustomPlot *plot = view.plot();
        QCOMPARE(plot->selectionRectMode(), QCP::srmNone); // a drag pans
        if (toggle) {
            control<QToolButton>(view, "boxZoom")->click();
            QCOMPARE(plot->selectionRectMode(), QCP::srmZoom);
        }
        const QPoint from(int(plot->xAxis->coordToPixel(1)), int(plot->yAxis->coordToPixel(1)));
        const QPoint to(int(plot->xAxis->coordToPixel(4)), int(plot->yAxis->coordToPixel(3)));
        const Qt::KeyboardModifiers mods = toggle ? Qt::NoModifier : Qt::ControlModifier;
        QTest::mousePress(plot, Qt::LeftButton, mods, from);
        QTest::mouseMove(plot, (from + to) / 2);
        QTest::mouseMove(plot, to);
        QTest::mouseRelease(plot, Qt::LeftButton, mods, to);
        QVERIFY2(
            std::abs(plot->xAxis->range().lower - 1) < 0.1 && std::abs(plot->xAxis->range().upper - 4) < 0.1,
            qPrintable(
                QStringLiteral("%1 .. %2").arg(plot->xAxis->range().lower).arg(plot->xAxis->range().upper)));
        QVERIFY(std::abs(plot->yAxis->range().lower - 1) < 0.1 &&
                std::abs(plot->yAxis->range().upper - 3) < 0.1);
        // Ctrl zooms once; the toggle stays on until turned off.
        QTRY_COMPARE(plot->selectionRectMode(), toggle ? QCP::srmZoom : QCP::srmNone);
        if (toggle) {
            control<QToolButton>(view, "boxZoom")->click();
            QCOMPARE(plot->selectionRectMode(), QCP::srmNone);
        }
    }

    void squarePixelsMakeCellsSquare()
    {
        SliceView view;
        QVERIFY(showLaidOut(view, QStringLiteral("stack")));
        QCustomPlot *plot = view.plot();
        QVERIFY(std::abs(pixelsPerCell(plot->xAxis) - pixelsPerCell(plot->yAxis)) > 2); // stretched to fit
        control<QToolButton>(view, "squarePixels")->click();
        QVERIFY(view.navigation()->squarePixels());
        plot->replot();
        QVERIFY(std::abs(pixelsPerCell(plot->xAxis) - pixelsPerCell(plot->yAxis)) < 0.01);
        // The whole slice still shows.
        QVERIFY(plot->xAxis->range().lower <= -0.5 && plot->xAxis->range().upper >= 7.5);
        QVERIFY(plot->yAxis->range().lower <= -0.5 + 1e-9 && plot->yAxis->range().upper >= 5.5 - 1e-9);
        // Kept through a zoom and a resize.
        plot->xAxis->setRange(1, 3);
        plot->replot();
        QVERIFY(std::abs(pixelsPerCell(plot->xAxis) - pixelsPerCell(plot->yAxis)) < 0.01);
        const int height = plot->height();
        view.resize(900, 1000);
        QTRY_VERIFY(plot->height() > height);
        plot->replot();
        QVERIFY(std::abs(pixelsPerCell(plot->xAxis) - pixelsPerCell(plot->yAxis)) < 0.01);
    }

    void contextMenuCopiesAndSaves()
    {
        SliceView view;
        QVERIFY(showLaidOut(view, QStringLiteral("stack")));
        QCustomPlot *plot = view.plot();
        const QPointF cell(plot->xAxis->coordToPixel(2), plot->yAxis->coordToPixel(3)); // value 26
        std::unique_ptr<QMenu> menu(view.plotMenu(cell));
        QStringList texts;
        for (QAction *a : menu->actions())
            texts << a->text();
        QCOMPARE(texts, (QStringList{QStringLiteral("Copy value"), QStringLiteral("Copy image"),
                                     QStringLiteral("Save view…"), QStringLiteral("Reset zoom"),
                                     QStringLiteral("Profile through this cell")}));
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->clear();
        menu->actions().at(0)->trigger();
        QVERIFY2(clipboard->text().endsWith(QStringLiteral("value 26")), qPrintable(clipboard->text()));
        QCOMPARE(clipboard->text(), view.readoutAtPixel(cell));
        menu->actions().at(1)->trigger();
        QVERIFY(!clipboard->pixmap().isNull());
        QCOMPARE(clipboard->pixmap().size(), plot->size());
        QSignalSpy save(&view, &SliceView::saveViewRequested);
        menu->actions().at(2)->trigger();
        QCOMPARE(save.count(), 1);
        // Off the data there is no value to copy.
        std::unique_ptr<QMenu> outside(view.plotMenu(QPointF(2, 2)));
        QVERIFY(!outside->actions().at(0)->isEnabled());
    }

    void reverseScalingAndHoldStayWithTheirArray()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("stack")));
        control<QCheckBox>(view, "reverse")->setChecked(true);
        view.controls()->setScaling(ValueScaling::Log);
        view.controls()->setHoldRange(true);
        const QString map = view.controls()->colorMapName();
        QCOMPARE(at(view.colorMap()->gradient(), 0.2), at(colorGradient(map, true), 0.2));

        QVERIFY(show(view, QStringLiteral("signed")));
        QVERIFY(!view.controls()->reversed());
        QCOMPARE(view.controls()->scaling(), ValueScaling::Linear);
        QVERIFY(!view.controls()->holdRange());
        QCOMPARE(at(view.colorMap()->gradient(), 0.2), at(colorGradient(map), 0.2));
        QCOMPARE(view.colorMap()->dataScaleType(), QCPAxis::stLinear);

        QVERIFY(show(view, QStringLiteral("stack")));
        QVERIFY(view.controls()->reversed());
        QCOMPARE(view.controls()->scaling(), ValueScaling::Log);
        QVERIFY(view.controls()->holdRange());
        QCOMPARE(view.colorMap()->dataScaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(at(view.colorMap()->gradient(), 0.2), at(colorGradient(map, true), 0.2));
    }

    void phaseIsDrawnOnTheCyclicMap()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("waves")));
        view.controls()->setColorMapName(QStringLiteral("magma"));
        const QString before = view.controls()->colorMapName();
        auto *part = view.controls()->findChildren<QComboBox *>().at(0);
        for (QComboBox *c : view.controls()->findChildren<QComboBox *>()) {
            if (c->findText(QStringLiteral("phase")) >= 0) part = c;
        }
        part->setCurrentIndex(part->findText(QStringLiteral("phase")));
        QCOMPARE(view.controls()->colorMapName(), cyclicColorMap());
        QCOMPARE(view.colorMap()->gradient().nanColor(), missingColor(cyclicColorMap()));
        QCOMPARE(SliceView::preferredColorMap(), before); // a default for the part, not a choice
        part->setCurrentIndex(part->findText(QStringLiteral("real")));
        QCOMPARE(view.controls()->colorMapName(), before);
    }

    void everyControlHasATooltip()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("stack"))); // a slider for the first dimension
        QVERIFY(view.controls()->findChild<QSlider *>());
        // The whole Data tab: the controls row, the plot, and the string and Table-mode tables.
        QVERIFY(test::controlsOf(&view).size() >= 15);
        QVERIFY(view.plot() && test::controlsOf(&view).contains(view.plot()));
        const QStringList without = test::controlsWithoutTooltip(&view);
        QVERIFY2(without.isEmpty(), qPrintable(without.join(QStringLiteral(", "))));
    }

    // The plot's tooltip shows over its axes, never over the cells the read-out is reading.
    void plotTooltipOnlyInTheMargins()
    {
        SliceView view;
        QVERIFY(showLaidOut(view, QStringLiteral("signed")));
        QCustomPlot *plot = view.plot();
        const QRect data = plot->axisRect()->rect();
        const auto tipAt = [plot](QPoint at) {
            QToolTip::hideText();
            QHelpEvent help(QEvent::ToolTip, at, plot->mapToGlobal(at));
            QCoreApplication::sendEvent(plot, &help);
            return QToolTip::isVisible() ? QToolTip::text() : QString();
        };
        QCOMPARE(tipAt(data.center()), QString());
        QCOMPARE(tipAt(QPoint(data.center().x(), data.bottom() + 10)), plot->toolTip()); // the x axis
        QToolTip::hideText();
    }
};

QTEST_MAIN(TestSliceLook)
#include "tst_slice_look.moc"
