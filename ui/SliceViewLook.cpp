// How SliceView's plot looks and is navigated, apart from SliceView.cpp: the scaling (log hides
// values ≤ 0 and says how many; symmetric centres the range on 0), the held automatic range, the
// navigation (Home, box zoom, square pixels) and the plot's context menu.

#include "PlotNavigation.h"
#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "SliceView.h"
#include "ValueReadout.h"
#include "ValueScaling.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>

namespace zs {

void SliceView::setUpLook()
{
    m_navigation = new PlotNavigation(m_drawing.get(), this, this);
    connect(m_controls, &SliceControls::homeRequested, m_navigation, &PlotNavigation::home);
    connect(m_controls, &SliceControls::navigationChanged, this, [this] {
        m_navigation->setBoxZoom(m_controls->boxZoom());
        m_navigation->setSquarePixels(m_controls->squarePixels());
    });
    QCustomPlot *plot = m_drawing->plot();
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this, [this, plot](const QPoint &at) {
        QMenu *menu = plotMenu(at);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(plot->mapToGlobal(at));
    });
}

const std::vector<double> &SliceView::valuesToDraw(const std::vector<double> &values,
                                                   std::vector<double> &copy)
{
    std::size_t hidden = 0;
    const bool log = m_controls->scaling() == ValueScaling::Log;
    if (log) {
        copy = values;
        hidden = hideNonPositive(copy);
    }
    // Only the note this puts up comes down: an error shown since stays.
    if (hidden > 0) {
        m_scalingNote =
            hidden == 1
                ? tr("1 value ≤ 0 drawn as missing: a log scale has no place for it.")
                : tr("%1 values ≤ 0 drawn as missing: a log scale has no place for them.").arg(hidden);
        showMessage(m_scalingNote, false);
    } else if (!m_scalingNote.isEmpty()) {
        if (message() == m_scalingNote) showMessage({}, false);
        m_scalingNote.clear();
    }
    return log ? copy : values;
}

ValueRange SliceView::drawnRange(const std::vector<double> &shown, double lowPercent, double highPercent)
{
    ValueRange r{m_controls->manualMin(), m_controls->manualMax(), true};
    // Held, the automatic range is what min/max showed when Hold was turned on.
    if (m_controls->autoRange() && !m_controls->holdRange()) {
        r = percentileRange(shown, lowPercent, highPercent);
        // While chunks arrive the percentiles of a partial slice jump about: the scale only widens
        // then (starting from the last finished slice of this view), and settles when all is in.
        if (!m_complete) r = unite(m_heldRange, r);
        m_heldRange = r;
        if (r.valid) m_controls->showAutoRange(r.lower, r.upper);
    }
    return scaledRange(r, m_controls->scaling());
}

QString SliceView::readoutAtPixel(QPointF at) const
{
    const auto sample = sampleUnder(at);
    return sample ? readoutAt(sample->first, sample->second) : QString();
}

QMenu *SliceView::plotMenu(QPointF at)
{
    auto *menu = new QMenu(this);
    const QString value = readoutAtPixel(at); // of the cell clicked, not where the pointer goes next
    QAction *copyValue = menu->addAction(tr("Copy value"));
    copyValue->setEnabled(!value.isEmpty());
    connect(copyValue, &QAction::triggered, this, [value] { QGuiApplication::clipboard()->setText(value); });
    connect(menu->addAction(tr("Copy image")), &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setPixmap(m_drawing->plot()->toPixmap()); });
    connect(menu->addAction(tr("Save view…")), &QAction::triggered, this, &SliceView::saveViewRequested);
    connect(menu->addAction(tr("Reset zoom")), &QAction::triggered, m_navigation, &PlotNavigation::home);
    // The click's profile, for a user who did not know a click opens one.
    const auto sample = sampleUnder(at);
    const auto profile = sample && m_node && m_node->array->shape.size() >= 2
                             ? profileRequestAt(sample->first, sample->second)
                             : std::nullopt;
    QAction *profileHere = menu->addAction(tr("Profile through this cell"));
    profileHere->setEnabled(profile.has_value());
    if (profile)
        connect(profileHere, &QAction::triggered, this,
                [this, request = *profile] { Q_EMIT cellPicked(request); });
    return menu;
}

} // namespace zs
