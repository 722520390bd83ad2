#include "export/ExportOptions.h"

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
