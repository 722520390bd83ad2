// Saving SliceView's plot, apart from SliceView.cpp: the saved PNG or PDF carries the axes'
// titles as shown, plus a title naming the array and where the sliders are (dates for time), so
// a figure says what slice it is without the window beside it.

#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "SliceView.h"

namespace zs {

QString SliceView::imageTitle() const
{
    if (!m_node) return {};
    QStringList parts{m_node->path.isEmpty() ? QStringLiteral("/") : m_node->path};
    const std::vector<std::uint64_t> at = m_controls->fixedIndex();
    for (int d = 0; d < int(at.size()); ++d) {
        if (d == m_controls->xDim() || d == m_controls->yDim()) continue;
        QString part = QStringLiteral("%1 %2").arg(m_controls->dimensionLabel(d)).arg(at[std::size_t(d)]);
        const QString value = m_controls->sliderValueText(d);
        if (decoding() && !value.isEmpty()) part += QStringLiteral(" (%1)").arg(value);
        parts << part;
    }
    return parts.join(QStringLiteral("   "));
}

QString SliceView::imageFileName(const QString &typed)
{
    if (typed.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) ||
        typed.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return typed;
    return typed + QStringLiteral(".png"); // what is written is a PNG: the name says so
}

bool SliceView::saveImage(const QString &typed)
{
    const QString fileName = imageFileName(typed);
    QCustomPlot *plot = m_drawing->plot();
    // A title row above the plot for the file only: the window has the tree and sliders for that.
    QCPTextElement *title = nullptr;
    if (m_node) {
        plot->plotLayout()->insertRow(0);
        title = new QCPTextElement(plot, imageTitle(),
                                   QFont(font().family(), font().pointSize() + 1, QFont::Bold));
        plot->plotLayout()->addElement(0, 0, title);
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    const bool ok = fileName.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive) ? plot->savePdf(fileName)
                                                                                   : plot->savePng(fileName);
    if (title) {
        plot->plotLayout()->remove(title);
        plot->plotLayout()->simplify();
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    return ok;
}

} // namespace zs
