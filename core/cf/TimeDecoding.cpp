#include "cf/TimeDecoding.h"

#include <cmath>

namespace zs::cf {

std::optional<Decision> timeRefusal(const TimeEncoding &time)
{
    // Plug-in point: nullopt once CfTime decodes this units/calendar; its own refusal when it cannot.
    const QString kind =
        time.kind == TimeEncoding::Kind::DateTime ? QStringLiteral("datetime") : QStringLiteral("timedelta");
    return Decision{
        QStringLiteral("time"),
        QStringLiteral("%1 units \"%2\" recognised; time decoding is not yet applied").arg(kind, time.units)};
}

std::optional<NdArray> decodeTimeValues(const NdArray &values, const TimeEncoding &time, QString *note)
{
    Q_UNUSED(values);
    // Plug-in point: CfTime decodes `time.units`/`time.calendar` here.
    if (note)
        *note =
            QStringLiteral("time decoding is not yet applied: values are written as stored (units \"%1\"%2)")
                .arg(time.units, time.calendar.isEmpty()
                                     ? QString()
                                     : QStringLiteral(", calendar \"%1\"").arg(time.calendar));
    return std::nullopt;
}

nlohmann::ordered_json timeValueJson(double value, const TimeEncoding &time)
{
    Q_UNUSED(time);
    // Plug-in point: an ISO 8601 string from CfTime here.
    if (!std::isfinite(value)) return nullptr;
    return value;
}

} // namespace zs::cf
