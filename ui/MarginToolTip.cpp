#include "MarginToolTip.h"

#include "QCustomPlotInclude.h"

#include <QHelpEvent>
#include <QToolTip>

namespace zs {

namespace {

class DataAreaToolTipFilter final : public QObject
{
public:
    explicit DataAreaToolTipFilter(QCustomPlot *plot) : QObject(plot), m_plot(plot) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_plot || event->type() != QEvent::ToolTip) return false;
        const QPoint at = static_cast<QHelpEvent *>(event)->pos();
        for (int i = 0; i < m_plot->axisRectCount(); ++i)
            if (m_plot->axisRect(i)->rect().contains(at)) {
                QToolTip::hideText();
                return true; // over the data: no tooltip
            }
        return false;
    }

private:
    QCustomPlot *m_plot;
};

} // namespace

void setMarginToolTip(QCustomPlot *plot, const QString &text)
{
    plot->setToolTip(text);
    plot->installEventFilter(new DataAreaToolTipFilter(plot));
}

} // namespace zs
