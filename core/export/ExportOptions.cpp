#include "export/ExportOptions.h"

#include <QStringList>

namespace zs {

std::optional<ExportCodec> parseExportCodec(const QString &name)
{
    if (name == u"blosc-lz4") return ExportCodec::BloscLz4;
    if (name == u"blosc-zstd") return ExportCodec::BloscZstd;
    if (name == u"zstd") return ExportCodec::Zstd;
    if (name == u"gzip") return ExportCodec::Gzip;
    if (name == u"none") return ExportCodec::None;
    if (name == u"source") return ExportCodec::Source;
    return std::nullopt;
}

std::optional<Shape> parseSizeList(const QString &text)
{
    Shape out;
    for (const QString &part : text.split(u',')) {
        bool ok = false;
        const qulonglong v = part.trimmed().toULongLong(&ok);
        if (!ok || v == 0) return std::nullopt;
        out.push_back(v);
    }
    return out;
}

QString exportCodecName(ExportCodec codec)
{
    switch (codec) {
    case ExportCodec::Source:
        return QStringLiteral("source");
    case ExportCodec::BloscLz4:
        return QStringLiteral("blosc-lz4");
    case ExportCodec::BloscZstd:
        return QStringLiteral("blosc-zstd");
    case ExportCodec::Zstd:
        return QStringLiteral("zstd");
    case ExportCodec::Gzip:
        return QStringLiteral("gzip");
    case ExportCodec::None:
        return QStringLiteral("none");
    }
    return {};
}

} // namespace zs
