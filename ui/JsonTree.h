#pragma once
// Fills a QTreeWidget from a JSON value: objects and arrays become expandable items.

#include <nlohmann/json_fwd.hpp>

class QTreeWidget;
class QTreeWidgetItem;

namespace zs {

void fillJsonTree(QTreeWidget *tree, const nlohmann::json &value);

} // namespace zs
