#include "MissingSwatch.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <algorithm>

namespace zs {

namespace {
constexpr int kSquare = 12;
constexpr int kGap = 4;
} // namespace

MissingSwatch::MissingSwatch(QCustomPlot *plot)
    : QCPLayoutElement(plot), m_color(Qt::gray),
      m_label(QCoreApplication::translate("zs::MissingSwatch", "missing")), m_font(plot->font())
{
    setMargins(QMargins(4, 2, 4, 4));
}

void MissingSwatch::setColor(const QColor &color)
{
    m_color = color;
}

QSize MissingSwatch::minimumOuterSizeHint() const
{
    const QFontMetrics fm(m_font);
    const int height = std::max(kSquare, fm.height());
    return {kSquare + kGap + fm.horizontalAdvance(m_label) + margins().left() + margins().right(),
            height + margins().top() + margins().bottom()};
}

// As tall as it needs: the row it sits in gives the rest of the height to the plot beside it.
QSize MissingSwatch::maximumOuterSizeHint() const
{
    return {QWIDGETSIZE_MAX, minimumOuterSizeHint().height()};
}

void MissingSwatch::draw(QCPPainter *painter)
{
    const QFontMetrics fm(m_font);
    const QRect r = rect();
    const QRect square(r.left(), r.center().y() - kSquare / 2, kSquare, kSquare);
    painter->setPen(QPen(Qt::black, 0)); // a cosmetic outline: a light missing colour still shows
    painter->setBrush(m_color);
    painter->drawRect(square);
    painter->setFont(m_font);
    painter->setPen(Qt::black);
    painter->drawText(QRect(square.right() + kGap, r.top(), fm.horizontalAdvance(m_label) + 2, r.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, m_label);
}

} // namespace zs
