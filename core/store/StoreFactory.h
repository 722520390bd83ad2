#pragma once
// Opens a store from what the user typed: a local path or a file:// URL
// (http(s)://, s3:// and gs:// arrive with the network engine).

#include "store/Store.h"

#include <memory>

namespace zs {

Result<std::shared_ptr<Store>> openStore(const QString &location);

} // namespace zs
