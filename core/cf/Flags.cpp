#include "cf/Flags.h"

#include "cf/AttributeValues.h"

#include <cmath>
#include <cstdint>

namespace zs::cf {

std::optional<Flags> resolveFlags(const nlohmann::json &attrs, Decisions &applied, Decisions &refused)
{
    QString problem;
    const auto values = numbersAttribute(attrs, "flag_values", &problem);
    if (!problem.isEmpty()) refused.push_back({QStringLiteral("flag_values"), problem});
    problem.clear();
    const auto masks = numbersAttribute(attrs, "flag_masks", &problem);
    if (!problem.isEmpty()) refused.push_back({QStringLiteral("flag_masks"), problem});
    const QStringList meanings = wordsAttribute(attrs, "flag_meanings");
    if (!values && !masks) {
        if (!meanings.isEmpty())
            refused.push_back(
                {QStringLiteral("flags"), QStringLiteral("flag_meanings without flag_values or flag_masks")});
        return std::nullopt;
    }
    Flags f;
    f.values = values.value_or(std::vector<double>{});
    f.masks = masks.value_or(std::vector<double>{});
    const std::size_t n = std::max(f.values.size(), f.masks.size());
    if (meanings.isEmpty() || std::size_t(meanings.size()) != n ||
        (!f.values.empty() && !f.masks.empty() && f.values.size() != f.masks.size())) {
        refused.push_back({QStringLiteral("flags"),
                           QStringLiteral("%1 flag_values, %2 flag_masks and %3 flag_meanings do not match")
                               .arg(f.values.size())
                               .arg(f.masks.size())
                               .arg(meanings.size())});
        return std::nullopt;
    }
    f.meanings = meanings;
    applied.push_back({QStringLiteral("flags"), QStringLiteral("%1 named values").arg(n)});
    return f;
}

QString flagName(const Flags &flags, double storedValue)
{
    if (flags.masks.empty()) {
        for (std::size_t i = 0; i < flags.values.size(); ++i)
            if (flags.values[i] == storedValue) return flags.meanings[int(i)];
        return {};
    }
    if (!std::isfinite(storedValue)) return {};
    const auto bits = std::uint64_t(std::int64_t(storedValue));
    QStringList names;
    for (std::size_t i = 0; i < flags.masks.size(); ++i) {
        const auto mask = std::uint64_t(std::int64_t(flags.masks[i]));
        const std::uint64_t want = flags.values.empty() ? mask : std::uint64_t(std::int64_t(flags.values[i]));
        if ((bits & mask) == want && want != 0) names << flags.meanings[int(i)];
    }
    return names.join(u' ');
}

} // namespace zs::cf
