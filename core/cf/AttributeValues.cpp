#include "cf/AttributeValues.h"

#include <QLocale>
#include <QRegularExpression>

namespace zs::cf {

std::optional<std::vector<double>> numbersAttribute(const nlohmann::json &attrs, const char *name,
                                                    QString *problem)
{
    if (!attrs.is_object() || !attrs.contains(name) || attrs[name].is_null()) return std::nullopt;
    const nlohmann::json &v = attrs[name];
    std::vector<double> out;
    // A boolean is not a value here, whatever the writer meant by it.
    auto take = [&](const nlohmann::json &item) {
        if (!item.is_number() || item.is_boolean()) return false;
        out.push_back(item.get<double>());
        return true;
    };
    bool ok = true;
    if (v.is_array()) {
        for (const auto &item : v)
            ok = ok && take(item);
    } else {
        ok = take(v);
    }
    if (!ok) {
        if (problem)
            *problem = QStringLiteral("%1 is %2, not a number or a list of numbers")
                           .arg(QString::fromLatin1(name), QString::fromStdString(v.dump()));
        return std::nullopt;
    }
    return out;
}

std::optional<QString> textAttribute(const nlohmann::json &attrs, const char *name)
{
    if (!attrs.is_object() || !attrs.contains(name) || !attrs[name].is_string()) return std::nullopt;
    return QString::fromStdString(attrs[name].get<std::string>());
}

QStringList wordsAttribute(const nlohmann::json &attrs, const char *name)
{
    const auto text = textAttribute(attrs, name);
    if (!text) return {};
    return text->split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

QString numbersText(const std::vector<double> &values)
{
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'g', QLocale::FloatingPointShortest);
    if (values.size() == 1) return parts.first();
    return u'[' + parts.join(QStringLiteral(", ")) + u']';
}

} // namespace zs::cf
