#include "ColorMaps.h"

#include "ColorMapStops.h"

namespace zs {

namespace {

QCPColorGradient fromStops(const QList<QColor> &stops)
{
    QCPColorGradient g;
    g.clearColorStops();
    for (qsizetype i = 0; i < stops.size(); ++i)
        g.setColorStopAt(double(i) / double(stops.size() - 1), stops[i]);
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    return g;
}

} // namespace

QStringList colorMapNames()
{
    return {QStringLiteral("viridis"),  QStringLiteral("magma"),   QStringLiteral("cividis"),
            QStringLiteral("plasma"),   QStringLiteral("inferno"), QStringLiteral("turbo"),
            QStringLiteral("twilight"), QStringLiteral("gray"),    QStringLiteral("gray (reversed)"),
            QStringLiteral("coolwarm")};
}

QString cyclicColorMap()
{
    return QStringLiteral("twilight");
}

QCPColorGradient colorGradient(const QString &name, bool reversed)
{
    QCPColorGradient g;
    if (name == u"gray" || name == u"gray (reversed)") {
        g = QCPColorGradient(QCPColorGradient::gpGrayscale); // black to white
        if (name == u"gray (reversed)") g = g.inverted();
    } else {
        const QList<QColor> stops = colorMapStops(name);
        g = fromStops(stops.isEmpty() ? colorMapStops(QStringLiteral("viridis")) : stops);
    }
    if (reversed) g = g.inverted();
    g.setLevelCount(256);
    g.setNanHandling(QCPColorGradient::nhNanColor);
    g.setNanColor(missingColor(name));
    return g;
}

QColor missingColor(const QString &name)
{
    if (name == u"gray" || name == u"gray (reversed)") return QColor(0xd8, 0xb2, 0x7a);
    if (name == u"coolwarm") return QColor(0x60, 0x60, 0x60); // its middle is light grey
    if (name == u"twilight") return QColor(0x3c, 0xa0, 0x3c); // greys and purples, no green
    if (name == u"cividis") return QColor(0xe0, 0x60, 0xc0);  // blue through grey to yellow
    return QColor(0xb4, 0xb4, 0xb4);
}

} // namespace zs
