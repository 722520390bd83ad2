#pragma once
// Maps chunk grid coordinates to store keys (relative to the array's own path).
//   v3 "default": "c" + sep + indices joined by sep ("/" by default); 0-d -> "c"
//   v2 (and v3 "v2"): indices joined by sep ("." by default); 0-d -> "0"

#include <QString>
#include <cstdint>
#include <vector>

namespace zs {

struct ChunkKeyEncoding
{
    bool cPrefix = false;
    QChar separator = u'.';

    QString key(const std::vector<std::uint64_t> &coords) const
    {
        QString out;
        if (cPrefix)
            out = QStringLiteral("c");
        else if (coords.empty())
            return QStringLiteral("0");
        for (std::size_t i = 0; i < coords.size(); ++i) {
            if (i > 0 || cPrefix) out += separator;
            out += QString::number(coords[i]);
        }
        return out;
    }
    QString describe() const
    {
        return QStringLiteral("%1 (separator \"%2\")").arg(cPrefix ? "default" : "v2", separator);
    }
};

} // namespace zs
