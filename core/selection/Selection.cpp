#include "selection/Selection.h"

#include <QStringList>

namespace zs {

Shape Selection::resultShape() const
{
    Shape out;
    for (const auto &d : dims)
        if (!d.dropped) out.push_back(d.count);
    return out;
}

std::uint64_t Selection::elementCount() const
{
    std::uint64_t n = 1;
    for (const auto &d : dims)
        n *= d.count;
    return n;
}

Selection Selection::all(const Shape &shape)
{
    Selection s;
    for (auto n : shape)
        s.dims.push_back(DimSelection{0, 1, n, false});
    return s;
}

namespace {

Error selError(const QString &what, const QString &text)
{
    return makeError(what, QStringLiteral("selection \"%1\"").arg(text));
}

std::optional<std::int64_t> parseInt(const QString &s)
{
    bool ok = false;
    const qlonglong v = s.trimmed().toLongLong(&ok);
    return ok ? std::optional<std::int64_t>(v) : std::nullopt;
}

// NumPy's slice clamping for a positive step.
std::uint64_t clampBound(std::int64_t v, std::uint64_t n)
{
    if (v < 0) {
        const std::uint64_t back = std::uint64_t(-(v + 1)) + 1;
        return back >= n ? 0 : n - back;
    }
    return std::min<std::uint64_t>(std::uint64_t(v), n);
}

Result<DimSelection> resolve(const QString &item, std::uint64_t n, std::size_t axis, const QString &text)
{
    const QStringList parts = item.split(u':');
    if (parts.size() == 1) {
        const auto v = parseInt(item);
        if (!v) return selError(QStringLiteral("cannot parse index \"%1\"").arg(item.trimmed()), text);
        // Unsigned arithmetic: extents reach 2^64-1, so n + v can overflow int64 (found by fuzz_selection).
        const std::uint64_t back = *v < 0 ? std::uint64_t(-(*v + 1)) + 1 : 0;
        if (*v < 0 ? back > n : std::uint64_t(*v) >= n)
            return selError(
                QStringLiteral("index %1 is out of bounds for axis %2 with size %3").arg(*v).arg(axis).arg(n),
                text);
        return DimSelection{*v < 0 ? n - back : std::uint64_t(*v), 1, 1, true};
    }
    if (parts.size() > 3)
        return selError(QStringLiteral("cannot parse slice \"%1\"").arg(item.trimmed()), text);
    std::optional<std::int64_t> bounds[3];
    for (int k = 0; k < parts.size(); ++k) {
        if (parts[k].trimmed().isEmpty()) continue;
        bounds[k] = parseInt(parts[k]);
        if (!bounds[k])
            return selError(QStringLiteral("cannot parse slice \"%1\"").arg(item.trimmed()), text);
    }
    const std::int64_t step = bounds[2].value_or(1);
    if (step == 0) return selError(QStringLiteral("slice step cannot be zero"), text);
    if (step < 0) return selError(QStringLiteral("negative slice steps are not supported"), text);
    const std::uint64_t start = bounds[0] ? clampBound(*bounds[0], n) : 0;
    const std::uint64_t stop = bounds[1] ? clampBound(*bounds[1], n) : n;
    // (stop - start - 1) / step + 1, not (stop - start + step - 1) / step: that sum wraps for huge steps.
    const std::uint64_t count = stop > start ? (stop - start - 1) / std::uint64_t(step) + 1 : 0;
    return DimSelection{start, std::uint64_t(step), count, false};
}

} // namespace

Result<Selection> parseSelection(const QString &text, const Shape &shape)
{
    QStringList items;
    if (!text.trimmed().isEmpty()) items = text.split(u',');
    // A trailing comma ("5,") is allowed, as in NumPy.
    if (items.size() > 1 && items.last().trimmed().isEmpty()) items.removeLast();
    const qsizetype ellipses =
        std::count_if(items.begin(), items.end(), [](const QString &s) { return s.trimmed() == u"..."; });
    if (ellipses > 1) return selError(QStringLiteral("an index can only have a single ellipsis"), text);
    const std::size_t explicitDims = std::size_t(items.size() - ellipses);
    if (explicitDims > shape.size())
        return selError(QStringLiteral("too many indices: array is %1-dimensional, but %2 were indexed")
                            .arg(shape.size())
                            .arg(explicitDims),
                        text);
    Selection sel;
    std::size_t axis = 0;
    for (const QString &item : items) {
        if (item.trimmed() == u"...") {
            for (std::size_t k = 0; k < shape.size() - explicitDims; ++k, ++axis)
                sel.dims.push_back(DimSelection{0, 1, shape[axis], false});
            continue;
        }
        if (item.trimmed().isEmpty()) return selError(QStringLiteral("empty index"), text);
        ZS_TRY(DimSelection d, resolve(item, shape[axis], axis, text));
        sel.dims.push_back(d);
        ++axis;
    }
    for (; axis < shape.size(); ++axis)
        sel.dims.push_back(DimSelection{0, 1, shape[axis], false});
    return sel;
}

} // namespace zs
