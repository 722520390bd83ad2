#include "util/ShapeText.h"

#include <QStringList>

namespace zs {

QString shapeText(const std::vector<std::uint64_t> &shape)
{
    QStringList parts;
    for (auto d : shape)
        parts << QString::number(d);
    return u'(' + parts.join(QStringLiteral(", ")) + u')';
}

} // namespace zs
