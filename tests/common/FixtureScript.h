#pragma once
// Runs one of the tests' fixture writers (a Python script under tests/, given the output
// directory, run by Debian's /usr/bin/python3 with the real zarr-python, xarray, GDAL...) and
// reads the expected.json it leaves there. A missing writer is a failure, never a skip: the
// error names the script and what to install.

#include <QString>
#include <nlohmann/json.hpp>
#include <optional>

namespace zstest {

// `script` is relative to the source tree ("tests/cli/make_cf_fixtures.py"); `install` the
// packages that provide its writers ("python3-xarray python3-pandas").
std::optional<nlohmann::json> runFixtureScript(const QString &script, const QString &dir,
                                               const QString &install, int timeoutMs, QString *error);

} // namespace zstest
