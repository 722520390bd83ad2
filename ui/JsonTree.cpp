#include "JsonTree.h"
#include "metadata/JsonNonFinite.h"

#include <QTreeWidget>
#include <nlohmann/json.hpp>

namespace zs {

namespace {

QString scalarText(const nlohmann::json &v)
{
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    return QString::fromStdString(zs::dumpJson(v));
}

void addChildren(QTreeWidgetItem *parent, const nlohmann::json &value, int depth)
{
    auto add = [&](const QString &key, const nlohmann::json &child) {
        auto *item = new QTreeWidgetItem(parent);
        item->setText(0, key);
        if (child.is_structured() && depth < 32) {
            item->setText(1, child.is_object() ? QStringLiteral("{%1}").arg(child.size())
                                               : QStringLiteral("[%1]").arg(child.size()));
            addChildren(item, child, depth + 1);
        } else {
            item->setText(1, scalarText(child));
            item->setToolTip(1, item->text(1));
        }
    };
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            add(QString::fromStdString(it.key()), it.value());
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            add(QString::number(i), value[i]);
    }
}

} // namespace

void fillJsonTree(QTreeWidget *tree, const nlohmann::json &value)
{
    tree->clear();
    addChildren(tree->invisibleRootItem(), value, 0);
    tree->expandToDepth(1);
}

} // namespace zs
