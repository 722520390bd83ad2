#include "cf/TimeEncoding.h"

#include "cf/AttributeValues.h"

#include <QStringList>

namespace zs::cf {

std::optional<TimeEncoding> resolveTimeEncoding(const nlohmann::json &attrs)
{
    const auto units = textAttribute(attrs, "units");
    if (!units) return std::nullopt;
    TimeEncoding t;
    t.units = *units;
    t.calendar = textAttribute(attrs, "calendar").value_or(QString());
    // xarray's test is the substring, before any parsing: a `units` it cannot parse then fails there.
    if (units->contains(QLatin1String("since"))) {
        t.kind = TimeEncoding::Kind::DateTime;
        return t;
    }
    static const QStringList deltaUnits = {QStringLiteral("days"),         QStringLiteral("hours"),
                                           QStringLiteral("minutes"),      QStringLiteral("seconds"),
                                           QStringLiteral("milliseconds"), QStringLiteral("microseconds"),
                                           QStringLiteral("nanoseconds")};
    if (deltaUnits.contains(units->trimmed())) {
        t.kind = TimeEncoding::Kind::TimeDelta;
        return t;
    }
    return std::nullopt;
}

} // namespace zs::cf
