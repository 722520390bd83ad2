#pragma once
// The OME-Zarr stores tst_ome_stores and tst_ome_view read, written at test time by
// tests/ome/make_ome_fixtures.py (zarr-python 2.13 and, through Node, @fideus-labs/ngff-zarr),
// and the expected.json that says what each holds.

#include "FixtureScript.h"

namespace zstest {

inline std::optional<nlohmann::json> writeOmeFixtures(const QString &dir, QString *error)
{
    return runFixtureScript(QStringLiteral("tests/ome/make_ome_fixtures.py"), dir,
                            QStringLiteral("python3-zarr python3-numpy nodejs npm"), 180000, error);
}

} // namespace zstest
