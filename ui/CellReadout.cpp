#include "CellReadout.h"

#include <cmath>

namespace zs {

QString valueText(double value, const ViewConventions *conventions)
{
    if (std::isnan(value)) return QStringLiteral("masked");
    if (conventions) {
        const auto &packing = conventions->conventions.values.packing;
        if (packing.scaleFactor && *packing.scaleFactor > 0 && *packing.scaleFactor < 1) {
            // Packed values are multiples of the scale: 0.001 gives three decimals, no float noise.
            const int decimals = int(std::ceil(-std::log10(*packing.scaleFactor) - 1e-9));
            return QString::number(value, 'f', std::clamp(decimals, 0, 12));
        }
        const auto &decoded = conventions->conventions.values.decodedType;
        if (decoded && decoded->size <= 4) return QString::number(value, 'g', 7);
    }
    return QString::number(value, 'g', 10);
}

QString cellReadoutText(const CellReadoutInput &in)
{
    const ViewConventions *v = in.conventions;
    QStringList parts;
    for (std::size_t d = 0; d < in.index.size(); ++d) {
        QString part = QStringLiteral("%1 %2").arg(in.dimensionNames.value(int(d))).arg(in.index[d]);
        if (v && d < v->axes.size() && v->axes[d].present())
            part += QStringLiteral(" (%1)").arg(coordinateTextAt(v->axes[d], in.index[d]));
        parts << part;
    }
    if (v) {
        QStringList aux;
        for (const AuxiliaryValues &a : v->auxiliary) {
            if (!a.coordinate.present()) continue;
            aux << QStringLiteral("%1 %2").arg(a.coordinate.name,
                                               coordinateText(a.coordinate, auxiliaryValueAt(a, in.index)));
        }
        if (!aux.isEmpty()) parts << aux.join(QStringLiteral(", "));
    }
    QString value = QStringLiteral("value %1").arg(valueText(in.shown, v));
    if (v) {
        const auto &c = v->conventions;
        if (!c.units.isEmpty() && !std::isnan(in.shown)) value += u' ' + c.units;
        if (in.stored && (c.values.packing.applies() || std::isnan(in.shown)) && c.values.decodes())
            value += QStringLiteral(" (stored %1)").arg(*in.stored, 0, 'g', 17);
        if (v->flags && in.stored) {
            const QString flag = cf::flagName(*v->flags, *in.stored);
            if (!flag.isEmpty()) value += QStringLiteral(" [%1]").arg(flag);
        }
    }
    parts << value;
    return parts.join(QStringLiteral("   "));
}

} // namespace zs
