#include "cf/TimeDecoding.h"

#include "cf/CfTime.h"
#include "cf/CfTimeFormat.h"
#include "cf/StoredElement.h"

#include <QtEndian>
#include <cmath>
#include <cstring>
#include <limits>

namespace zs::cf {

namespace {

// NumPy's NaT: the int64 minimum.
constexpr qint64 kNotATime = std::numeric_limits<qint64>::min();

Result<TimeCoder> coderFor(const TimeEncoding &time)
{
    return TimeCoder::create(time.units, time.calendar);
}

// One value decoded: integers exactly, floats as cftime does; NaN (masked) is no date.
std::optional<Result<DateTime>> decodeElement(const TimeCoder &coder, const NdArray &values, std::uint64_t i)
{
    const char *element = values.data.constData() + i * values.dtype.size;
    if (values.dtype.kind == DataType::Kind::Int && values.dtype.size == 8 &&
        values.dtype.order != ByteOrder::Big) {
        qint64 v = 0;
        std::memcpy(&v, element, 8);
        return coder.decode(v);
    }
    const std::optional<double> v = elementAsDouble(element, values.dtype);
    if (!v)
        return Result<DateTime>(makeError(QStringLiteral("time values of %1 cannot be read as numbers")
                                              .arg(values.dtype.numpyTypeString())));
    if (std::isnan(*v)) return std::nullopt;
    return coder.decode(*v);
}

bool datetime64Calendar(Calendar c)
{
    return c == Calendar::Standard || c == Calendar::ProlepticGregorian;
}

// datetime64 in the coarsest unit every value fits exactly; nullopt when one is not a
// proleptic Gregorian date NumPy can hold (xarray keeps cftime objects then).
std::optional<NdArray> asDatetime64(const std::vector<std::optional<DateTime>> &dates, Calendar calendar,
                                    const std::vector<std::uint64_t> &shape)
{
    QList<DateTime> present;
    for (const auto &d : dates)
        if (d) present << *d;
    const Datetime64Unit unit = coarsestDatetime64Unit(present);
    auto dtype = parseNumpyTypeString(QStringLiteral("<M8[%1]").arg(datetime64Code(unit)));
    if (!dtype) return std::nullopt;
    NdArray out;
    out.shape = shape;
    out.dtype = *dtype;
    out.data.resize(qsizetype(dates.size()) * 8);
    for (std::size_t i = 0; i < dates.size(); ++i) {
        qint64 count = kNotATime;
        if (dates[i]) {
            const auto c = toDatetime64(*dates[i], calendar, unit);
            if (!c) return std::nullopt;
            count = *c;
        }
        std::memcpy(out.data.data() + i * 8, &count, 8);
    }
    return out;
}

// ISO 8601 text as NumPy's fixed-width unicode (UCS-4, little-endian), "NaT" for no date.
NdArray asIsoText(const std::vector<std::optional<DateTime>> &dates, const std::vector<std::uint64_t> &shape)
{
    QList<DateTime> present;
    for (const auto &d : dates)
        if (d) present << *d;
    const IsoPrecision precision = isoPrecisionFor(present);
    QStringList texts;
    qsizetype width = 3;
    for (const auto &d : dates) {
        texts << (d ? formatIso(*d, precision) : QStringLiteral("NaT"));
        width = std::max(width, texts.back().size());
    }
    NdArray out;
    out.shape = shape;
    out.dtype = *parseNumpyTypeString(QStringLiteral("<U%1").arg(width));
    out.data = QByteArray(qsizetype(dates.size()) * width * 4, '\0');
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QList<uint> ucs4 = texts[i].toUcs4();
        for (qsizetype k = 0; k < ucs4.size(); ++k) {
            const quint32 cp = qToLittleEndian(quint32(ucs4[k]));
            std::memcpy(out.data.data() + (i * width + k) * 4, &cp, 4);
        }
    }
    return out;
}

} // namespace

// The coder for a time variable that decodes, else why it does not.
static Result<TimeCoder> decodingCoder(const TimeEncoding &time)
{
    if (time.kind == TimeEncoding::Kind::TimeDelta)
        return makeError(
            QStringLiteral("duration units \"%1\": durations are shown as stored").arg(time.units));
    return coderFor(time);
}

std::optional<Decision> timeRefusal(const TimeEncoding &time)
{
    const auto coder = decodingCoder(time);
    if (!coder) return Decision{QStringLiteral("time"), coder.error().what};
    return std::nullopt;
}

std::optional<NdArray> decodeTimeValues(const NdArray &values, const TimeEncoding &time, QString *note)
{
    const auto say = [note](const QString &why) {
        if (note) *note = QStringLiteral("time values are written as stored: %1").arg(why);
        return std::nullopt;
    };
    const auto decoding = decodingCoder(time); // the units are read once per call
    if (!decoding) return say(decoding.error().what);
    const TimeCoder &coder = *decoding;
    std::vector<std::optional<DateTime>> dates;
    const std::uint64_t n = values.elementCount();
    dates.reserve(std::size_t(n));
    for (std::uint64_t i = 0; i < n; ++i) {
        auto decoded = decodeElement(coder, values, i);
        if (!decoded) {
            dates.emplace_back();
            continue;
        }
        if (!*decoded) return say(QStringLiteral("element %1: %2").arg(i).arg(decoded->error().what));
        dates.emplace_back(**decoded);
    }
    // As xarray: datetime64 where NumPy can hold the dates, else the calendar's dates (as text here).
    if (datetime64Calendar(coder.calendar()))
        if (auto out = asDatetime64(dates, coder.calendar(), values.shape)) return out;
    return asIsoText(dates, values.shape);
}

nlohmann::ordered_json timeValueJson(double value, const TimeEncoding &time)
{
    if (!std::isfinite(value)) return nullptr;
    if (time.kind == TimeEncoding::Kind::TimeDelta) return value;
    const auto coder = coderFor(time);
    if (!coder) return value;
    const auto date = coder->decode(value);
    if (!date) return value;
    return formatIso(*date, isoPrecisionFor(*date)).toStdString();
}

} // namespace zs::cf
