#pragma once
// The Metadata tab's Conventions section: what the CF/xarray conventions layer made of an array
// (its description, each dimension's coordinate, what it applied and what it refused, and why),
// so a user can see why the Data tab shows what it shows and trust it, or not.

#include "cf/Conventions.h"

class QStandardItemModel;

namespace zs {

// Top-level items, in this order (each always there, "none" when empty): "Variable",
// "Dimensions", "Applied", "Refused"; children are "what" | "why" rows. A QStandardItemModel (not a
// QTreeWidget, whose built-in model gives every column of a row the same children) so the model
// holds to the contract QAbstractItemModelTester checks.
void fillConventionsModel(QStandardItemModel *model, const cf::Conventions &conventions);

} // namespace zs
