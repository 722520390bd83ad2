#pragma once
// A timing run saved for later: JSON holds everything (settings, passes with their chunk
// completion times, every request, and the derived summary and sweep); CSV holds the summary
// table and, in a second file, one line per request, for spreadsheets.

#include "timing/TimingRun.h"
#include "util/Result.h"

#include <QStringList>
#include <nlohmann/json_fwd.hpp>

namespace zs {

nlohmann::ordered_json timingToJson(const TimingRun &run);
// Reads what timingToJson wrote (summary and sweep are derived again, not read back).
Result<TimingRun> timingFromJson(const nlohmann::json &doc);

QString summaryCsv(const TimingRun &run);
QString requestsCsv(const TimingRun &run);
// RFC 4180 fields: quotes around fields holding commas, quotes or line breaks.
std::vector<QStringList> parseCsv(const QString &text);

// `file`.json; `file`.csv and the requests beside it as <base>-requests.csv.
Status writeTimingJson(const TimingRun &run, const QString &file);
Status writeTimingCsv(const TimingRun &run, const QString &file);
QString requestsCsvPath(const QString &summaryCsvPath);

} // namespace zs
