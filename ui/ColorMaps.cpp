#include "ColorMaps.h"

namespace zs {

namespace {

// Stops sampled from matplotlib's maps at equal spacing; QCPColorGradient interpolates between them.
const char *const kViridis[] = {"#440154", "#482878", "#3e4989", "#31688e", "#26828e",
                                "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"};
const char *const kMagma[] = {"#000004", "#180f3d", "#440f76", "#721f81", "#9e2f7f",
                              "#cd4071", "#f1605d", "#fd9668", "#feca8d", "#fcfdbf"};
const char *const kCoolwarm[] = {"#3b4cc0", "#6282ea", "#8db0fe", "#b8d0f9", "#dddcdc",
                                 "#f5c4ad", "#f49a7b", "#e26952", "#b40426"};

template <std::size_t N> QCPColorGradient fromStops(const char *const (&stops)[N])
{
    QCPColorGradient g;
    g.clearColorStops();
    for (std::size_t i = 0; i < N; ++i)
        g.setColorStopAt(double(i) / double(N - 1), QColor(stops[i]));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    return g;
}

} // namespace

QStringList colorMapNames()
{
    return {QStringLiteral("viridis"), QStringLiteral("magma"), QStringLiteral("gray"),
            QStringLiteral("coolwarm")};
}

QCPColorGradient colorGradient(const QString &name)
{
    QCPColorGradient g;
    if (name == u"magma")
        g = fromStops(kMagma);
    else if (name == u"gray")
        g = QCPColorGradient(QCPColorGradient::gpGrayscale);
    else if (name == u"coolwarm")
        g = fromStops(kCoolwarm);
    else
        g = fromStops(kViridis);
    g.setLevelCount(256);
    g.setNanHandling(QCPColorGradient::nhNanColor);
    g.setNanColor(missingColor(name));
    return g;
}

QColor missingColor(const QString &name)
{
    if (name == u"gray") return QColor(0xd8, 0xb2, 0x7a);
    if (name == u"coolwarm") return QColor(0x60, 0x60, 0x60); // its middle is light grey
    return QColor(0xb4, 0xb4, 0xb4);
}

} // namespace zs
