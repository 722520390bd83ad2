#include "io/NpyWriter.h"

#include "array/VarLengthValues.h"
#include "dtype/Utf8.h"

#include <QSaveFile>
#include <cstring>
#include <optional>

namespace zs {

QByteArray npyHeader(const NdArray &array)
{
    return npyHeader(array.dtype, array.shape);
}

QByteArray npyHeader(const DataType &dtype, const std::vector<std::uint64_t> &dims)
{
    QByteArray shape = "(";
    for (std::size_t i = 0; i < dims.size(); ++i) {
        shape += QByteArray::number(qulonglong(dims[i]));
        if (dims.size() == 1 || i + 1 < dims.size()) shape += ",";
        if (i + 1 < dims.size()) shape += " ";
    }
    shape += ")";
    QByteArray dict = "{'descr': '" + dtype.numpyTypeString().toLatin1() +
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

// Each element padded with zeros to the fixed width, written in blocks of about 1 MiB.
static bool writeFixedWidth(QSaveFile &file, const NdArray &array, const VarLengthValues &values)
{
    const DataType fixed = values.fixedType();
    const bool unicode = fixed.kind == DataType::Kind::Unicode;
    QByteArray block;
    const std::uint64_t n = array.elementCount();
    for (std::uint64_t i = 0; i < n; ++i) {
        const QByteArray v = values.value(i);
        const qsizetype at = block.size();
        block.append(qsizetype(fixed.size), '\0');
        if (unicode)
            utf8::toUtf32le(v, block.data() + at);
        else
            std::memcpy(block.data() + at, v.constData(), std::size_t(v.size()));
        if (block.size() >= (1 << 20) || i + 1 == n) {
            if (file.write(block) != block.size()) return false;
            block.clear();
        }
    }
    return true;
}

Status writeNpy(const NdArray &array, const QString &path, std::uint64_t maxBytes)
{
    std::optional<VarLengthValues> values;
    if (array.dtype.isVariableLength()) {
        values.emplace(array);
        const std::uint64_t width = values->fixedType().size, n = array.elementCount();
        if (n != 0 && (width > maxBytes / n))
            return makeError(QStringLiteral("%1 elements as %2 would need more than the %3-byte limit")
                                 .arg(n)
                                 .arg(values->fixedType().numpyTypeString())
                                 .arg(maxBytes),
                             path);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    const QByteArray header = values ? npyHeader(values->fixedType(), array.shape) : npyHeader(array);
    const bool written =
        file.write(header) == header.size() &&
        (values ? writeFixedWidth(file, array, *values) : file.write(array.data) == array.data.size());
    if (!written) return makeError(QStringLiteral("write failed: %1").arg(file.errorString()), path);
    if (!file.commit()) return makeError(QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    return Ok{};
}

} // namespace zs
