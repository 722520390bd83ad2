#include "CodecChainText.h"
#include "metadata/JsonNonFinite.h"

#include <QStringList>
#include <nlohmann/json.hpp>

namespace zs {

using nlohmann::json;

namespace {

QString str(const json &o, const char *field, const QString &fallback = {})
{
    return o.is_object() && o.contains(field) && o[field].is_string()
               ? QString::fromStdString(o[field].get<std::string>())
               : fallback;
}

// A number as written in the document: 100 stays 100, 0.5 stays 0.5.
QString number(const json &v)
{
    if (v.is_number_float()) return QString::number(v.get<double>(), 'g', 12);
    if (v.is_number()) return QString::fromStdString(v.dump());
    return QString::fromStdString(dumpJson(v));
}

QString field(const json &o, const char *name)
{
    return o.is_object() && o.contains(name) ? number(o[name]) : QStringLiteral("?");
}

// NumPy's "<i4" as the name people say, "int32"; names already spelled out pass through.
QString dtypeText(const QString &numpy)
{
    if (numpy.size() < 2) return numpy;
    const QString body =
        (numpy[0] == u'<' || numpy[0] == u'>' || numpy[0] == u'|' || numpy[0] == u'=') ? numpy.mid(1) : numpy;
    bool isNumber = false;
    const int size = body.mid(1).toInt(&isNumber);
    if (!isNumber) return numpy; // "int32", "datetime64[ns]", ...
    switch (body[0].toLatin1()) {
    case 'i':
        return QStringLiteral("int%1").arg(size * 8);
    case 'u':
        return QStringLiteral("uint%1").arg(size * 8);
    case 'f':
        return QStringLiteral("float%1").arg(size * 8);
    case 'c':
        return QStringLiteral("complex%1").arg(size * 8);
    case 'b':
        return QStringLiteral("bool");
    default:
        return numpy;
    }
}

// " as int16" when a filter stores another type than it is given.
QString storedAs(const json &config, const char *key = "astype")
{
    const QString dtype = str(config, "dtype"), astype = str(config, key);
    return astype.isEmpty() || astype == dtype ? QString() : QStringLiteral(" as %1").arg(dtypeText(astype));
}

QString shuffleText(const json &shuffle)
{
    // v3 spells it out; v2 (numcodecs) numbers it.
    if (shuffle.is_string()) {
        const std::string s = shuffle.get<std::string>();
        return s == "noshuffle" ? QStringLiteral("no shuffle") : QString::fromStdString(s);
    }
    switch (shuffle.is_number_integer() ? shuffle.get<int>() : 1) {
    case 0:
        return QStringLiteral("no shuffle");
    case 2:
        return QStringLiteral("bitshuffle");
    case -1:
        return QStringLiteral("auto shuffle");
    default:
        return QStringLiteral("shuffle");
    }
}

QString bloscText(const json &c)
{
    QString text = QStringLiteral("blosc %1, level %2, %3")
                       .arg(str(c, "cname", QStringLiteral("lz4")), field(c, "clevel"),
                            shuffleText(c.value("shuffle", json(1))));
    if (c.contains("blocksize") && c["blocksize"].is_number_integer() && c["blocksize"].get<long long>() > 0)
        text += QStringLiteral(", blocks of %1 bytes").arg(number(c["blocksize"]));
    return text;
}

QString joined(const json &numbers, const QString &separator)
{
    QStringList parts;
    for (const auto &d : numbers)
        parts << number(d);
    return parts.join(separator);
}

QString shapeText(const json &shape)
{
    return joined(shape, QStringLiteral("×"));
}

// What is left of a codec nobody taught us to describe: its parameters as "key value".
QString genericText(const QString &name, const json &config)
{
    QStringList parts{name};
    if (config.is_object()) {
        for (auto it = config.begin(); it != config.end(); ++it) {
            if (it.key() == "id" || it.key() == "name") continue;
            parts << QStringLiteral("%1 %2").arg(QString::fromStdString(it.key()), number(it.value()));
        }
    }
    return parts.join(u' ');
}

// Continuation lines of a nested chain, indented under their step.
QString indented(const QString &text)
{
    return QString(text).replace(u'\n', QStringLiteral("\n  "));
}

} // namespace

QString codecStepText(const QString &fullName, const json &config)
{
    const json c = config.is_object() ? config : json::object();
    // zarr-python 3 names numcodecs codecs "numcodecs.<id>" with the numcodecs parameters.
    QString name = fullName.startsWith(u"numcodecs.") ? fullName.mid(10) : fullName;
    if (name == u"blosc") return bloscText(c);
    if (name == u"zstd")
        return QStringLiteral("zstd level %1").arg(field(c, "level")) +
               (c.value("checksum", false) == true ? QStringLiteral(", checksum") : QString());
    if (name == u"gzip" || name == u"zlib" || name == u"bz2")
        return QStringLiteral("%1 level %2").arg(name, field(c, "level"));
    if (name == u"lz4") return QStringLiteral("lz4 acceleration %1").arg(field(c, "acceleration"));
    if (name == u"lzma")
        return c.value("preset", json()).is_number()
                   ? QStringLiteral("lzma preset %1").arg(field(c, "preset"))
                   : QStringLiteral("lzma");
    if (name == u"bytes") {
        const QString endian = str(c, "endian");
        return endian.isEmpty() ? QStringLiteral("bytes") : QStringLiteral("bytes %1-endian").arg(endian);
    }
    if (name == u"transpose") {
        const json order = c.value("order", json());
        return QStringLiteral("transpose order %1")
            .arg(order.is_array() ? QStringLiteral("[%1]").arg(joined(order, QStringLiteral(",")))
                                  : number(order));
    }
    if (name == u"sharding_indexed")
        return QStringLiteral("sharding %1 inner chunks, index at the %2")
            .arg(shapeText(c.value("chunk_shape", json::array())),
                 str(c, "index_location", QStringLiteral("end")));
    if (name == u"delta") return QStringLiteral("delta %1").arg(dtypeText(str(c, "dtype"))) + storedAs(c);
    if (name == u"fixedscaleoffset")
        return QStringLiteral("fixedscaleoffset scale %1 offset %2")
                   .arg(field(c, "scale"), field(c, "offset")) +
               storedAs(c);
    if (name == u"quantize")
        return QStringLiteral("quantize %1 digits").arg(field(c, "digits")) + storedAs(c);
    if (name == u"bitround") return QStringLiteral("bitround keepbits %1").arg(field(c, "keepbits"));
    if (name == u"categorize")
        return QStringLiteral("categorize %1 labels").arg(c.value("labels", json::array()).size()) +
               storedAs(c);
    if (name == u"astype")
        return QStringLiteral("astype %1 as %2")
            .arg(dtypeText(str(c, "decode_dtype")), dtypeText(str(c, "encode_dtype")));
    if (name == u"shuffle") return QStringLiteral("shuffle element size %1").arg(field(c, "elementsize"));
    if (name == u"vlen-array") return QStringLiteral("vlen-array %1").arg(dtypeText(str(c, "dtype")));
    for (const char *bare : {"crc32c", "packbits", "vlen-utf8", "vlen-bytes", "json2", "msgpack2", "pickle",
                             "crc32", "adler32", "fletcher32", "jenkins_lookup3"}) {
        if (name == QLatin1String(bare)) return name;
    }
    return genericText(name, c);
}

QString v3CodecsText(const json &codecs)
{
    if (!codecs.is_array() || codecs.empty()) return QStringLiteral("none");
    QStringList steps, nested;
    for (const auto &codec : codecs) {
        const QString name = str(codec, "name", QStringLiteral("?"));
        const json config = codec.value("configuration", json::object());
        steps << codecStepText(name, config);
        if (name == u"sharding_indexed") {
            nested << QStringLiteral("  inner chunks: ") +
                          indented(v3CodecsText(config.value("codecs", json())));
            nested << QStringLiteral("  index: ") +
                          indented(v3CodecsText(config.value("index_codecs", json())));
        }
    }
    nested.prepend(steps.join(QStringLiteral(" → ")));
    return nested.join(u'\n');
}

QString v2CodecsText(const json &filters, const json &compressor)
{
    QStringList lines;
    if (filters.is_array() && !filters.empty()) {
        QStringList steps;
        for (const auto &f : filters)
            steps << codecStepText(str(f, "id", QStringLiteral("?")), f);
        lines << QStringLiteral("filters: ") + steps.join(QStringLiteral(" → "));
    }
    lines << QStringLiteral("compressor: ") +
                 (compressor.is_object()
                      ? codecStepText(str(compressor, "id", QStringLiteral("?")), compressor)
                      : QStringLiteral("none"));
    return lines.join(u'\n');
}

QString codecChainText(const json &doc, int zarrFormat)
{
    if (!doc.is_object()) return QStringLiteral("none");
    if (zarrFormat == 2) return v2CodecsText(doc.value("filters", json()), doc.value("compressor", json()));
    return v3CodecsText(doc.value("codecs", json()));
}

QString codecChainJson(const json &doc, int zarrFormat)
{
    if (!doc.is_object()) return {};
    if (zarrFormat == 2) {
        nlohmann::ordered_json part; // filters first, as they run first
        part["filters"] = doc.value("filters", json());
        part["compressor"] = doc.value("compressor", json());
        return QString::fromStdString(dumpJson(part, 2));
    }
    return QString::fromStdString(dumpJson(doc.value("codecs", json::array()), 2));
}

} // namespace zs
