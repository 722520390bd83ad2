#include "NpyFile.h"

#include <QFile>
#include <QRegularExpression>

namespace zstest {

std::optional<NpyFile> parseNpy(const QByteArray &bytes, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error) *error = why;
        return std::nullopt;
    };
    if (bytes.size() < 10 || !bytes.startsWith("\x93NUMPY")) return fail(QStringLiteral("not an .npy file"));
    const int major = quint8(bytes[6]);
    qsizetype headerLen, offset;
    if (major == 1) {
        headerLen = quint8(bytes[8]) | (quint8(bytes[9]) << 8);
        offset = 10;
    } else {
        if (bytes.size() < 12) return fail(QStringLiteral("truncated header"));
        headerLen = quint8(bytes[8]) | (quint8(bytes[9]) << 8) | (quint8(bytes[10]) << 16) |
                    (qsizetype(quint8(bytes[11])) << 24);
        offset = 12;
    }
    if (offset + headerLen > bytes.size()) return fail(QStringLiteral("truncated header"));
    const QString header = QString::fromLatin1(bytes.mid(offset, headerLen));
    NpyFile f;
    static const QRegularExpression descrRe(QStringLiteral("'descr':\\s*'([^']*)'"));
    static const QRegularExpression fortranRe(QStringLiteral("'fortran_order':\\s*(True|False)"));
    static const QRegularExpression shapeRe(QStringLiteral("'shape':\\s*\\(([^)]*)\\)"));
    const auto d = descrRe.match(header), fo = fortranRe.match(header), sh = shapeRe.match(header);
    if (!d.hasMatch() || !fo.hasMatch() || !sh.hasMatch())
        return fail(QStringLiteral("cannot parse header: %1").arg(header));
    f.descr = d.captured(1);
    f.fortranOrder = fo.captured(1) == u"True";
    for (const QString &part : sh.captured(1).split(u',', Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty()) continue;
        f.shape.push_back(part.trimmed().remove(u'L').toULongLong());
    }
    f.data = bytes.mid(offset + headerLen);
    return f;
}

std::optional<NpyFile> readNpy(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return std::nullopt;
    }
    return parseNpy(file.readAll(), error);
}

} // namespace zstest
