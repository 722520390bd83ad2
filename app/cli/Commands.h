#pragma once
// The zarrscope-cli commands. Each returns the process exit status:
// 0 done, 1 usage error, 2 data, format or I/O error ("error: <what> (<where>)" on stderr).

#include "CliArgs.h"
#include "util/Result.h"

namespace ExitCode {
constexpr int Ok = 0;
constexpr int Usage = 1;
constexpr int DataError = 2;
} // namespace ExitCode

int runLs(const CliArgs &args);
int runInfo(const CliArgs &args);
int runGet(const CliArgs &args);
int runBench(const CliArgs &args);

int reportError(const zs::Error &error);
int reportUsage(const QString &message);
void printOut(const QString &text);
