#include "HexColor.h"

namespace zs::omeview {

std::optional<QColor> colorFromHex(const QString &text)
{
    const QString digits = text.startsWith(QLatin1Char('#')) ? text.mid(1) : text;
    if (digits.size() != 6) return std::nullopt;
    bool ok = false;
    const uint rgb = digits.toUInt(&ok, 16);
    // toUInt accepts a sign and "0x": six characters that are all hex digits is the rule.
    for (QChar ch : digits) {
        if (!ch.isDigit() && !QStringLiteral("abcdefABCDEF").contains(ch)) return std::nullopt;
    }
    if (!ok) return std::nullopt;
    return QColor::fromRgb(QRgb(rgb));
}

QString hexText(const QColor &color)
{
    return color.name(QColor::HexRgb).toUpper();
}

} // namespace zs::omeview
