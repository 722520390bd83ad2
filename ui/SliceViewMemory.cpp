// Per-array view settings, apart from SliceView.cpp: the colour map, range and zoom an array was
// left with come back when it is shown again this session. An array not shown before starts from
// the automatic range and its whole extent, never from the previous array's range or zoom, in the
// preferred colour map: the last one the user chose, kept in QSettings across sessions.

#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "SliceView.h"

#include <QSettings>

namespace zs {

namespace {
const char *const kColorMapKey = "view/colorMap";
}

QString SliceView::preferredColorMap()
{
    return QSettings().value(QLatin1String(kColorMapKey), QStringLiteral("viridis")).toString();
}

void SliceView::notePreferredColorMap()
{
    // The phase's cyclic map is the part's default, not a choice for other arrays.
    if (!m_node || m_controls->complexPart() == ComplexPart::Phase) return;
    const QString name = m_controls->colorMapName();
    if (name != preferredColorMap()) QSettings().setValue(QLatin1String(kColorMapKey), name);
}

// The store's location with the path: the same array of a store reopened (F5) is the same array.
QString SliceView::memoryKey() const
{
    if (!m_store || !m_node) return {};
    return m_store->location() + u'\n' + m_node->path;
}

void SliceView::rememberView()
{
    if (!m_node || !m_store || m_tableMode || m_node->array->shape.empty()) return;
    const QCustomPlot *plot = m_drawing->plot();
    RememberedView view;
    view.appearance = m_controls->appearance();
    view.xDim = m_shownX;
    view.yDim = m_shownY;
    view.x = {plot->xAxis->range().lower, plot->xAxis->range().upper};
    view.y = {plot->yAxis->range().lower, plot->yAxis->range().upper};
    m_remembered[memoryKey()] = view;
}

void SliceView::recallAppearance()
{
    const auto it = m_remembered.find(memoryKey());
    SliceAppearance look;
    look.colorMap = preferredColorMap();
    m_controls->setAppearance(it == m_remembered.end() ? look : it->second.appearance);
}

void SliceView::recallZoom()
{
    const auto it = m_remembered.find(memoryKey());
    if (it == m_remembered.end()) return;
    const RememberedView &view = it->second;
    // Only for the same displayed dimensions: another pair of axes has a whole extent of its own.
    if (view.xDim != m_shownX || view.yDim != m_shownY) return;
    QCustomPlot *plot = m_drawing->plot();
    m_resettingAxes = true;
    plot->xAxis->setRange(view.x.first, view.x.second);
    if (m_shownY >= 0) plot->yAxis->setRange(view.y.first, view.y.second); // a line's follows its values
    m_resettingAxes = false;
}

} // namespace zs
