#include "io/NpyWriter.h"

#include <QSaveFile>

namespace zs {

QByteArray npyHeader(const NdArray &array)
{
    QByteArray shape = "(";
    for (std::size_t i = 0; i < array.shape.size(); ++i) {
        shape += QByteArray::number(qulonglong(array.shape[i]));
        if (array.shape.size() == 1 || i + 1 < array.shape.size())
            shape += ",";
        if (i + 1 < array.shape.size())
            shape += " ";
    }
    shape += ")";
    QByteArray dict = "{'descr': '" + array.dtype.numpyTypeString().toLatin1() +
                      "', 'fortran_order': False, 'shape': " + shape + ", }";
    // Magic (6) + version (2) + length (2) + dict + padding + '\n' is a multiple of 64.
    const qsizetype unpadded = 10 + dict.size() + 1;
    dict += QByteArray((64 - unpadded % 64) % 64, ' ');
    dict += '\n';
    QByteArray header("\x93NUMPY\x01\x00", 8);
    const quint16 len = quint16(dict.size());
    header += char(len & 0xff);
    header += char(len >> 8);
    return header + dict;
}

Status writeNpy(const NdArray &array, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    const QByteArray header = npyHeader(array);
    if (file.write(header) != header.size() || file.write(array.data) != array.data.size())
        return makeError(QStringLiteral("write failed: %1").arg(file.errorString()), path);
    if (!file.commit())
        return makeError(QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    return Ok{};
}

} // namespace zs
