#pragma once
// credential_process (the AWS CLI's "Sourcing credentials with an external process"): a command
// in the profile that prints {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken",
// "Expiration"} on stdout. Its stdout holds secrets: no error ever quotes it.

#include "auth/aws/SigV4.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

namespace zs {

// Splits a command line as the CLI does (Python's shlex.split in POSIX mode): whitespace
// separates words, '...' is literal, "..." keeps spaces and lets \ escape " and \, a \ outside
// quotes escapes the next character. No variables, globs or comments: no shell runs.
Result<QStringList> splitAwsCommandLine(const QString &command);

// Runs `command` and parses its answer. Blocks until it exits or `timeoutMs` passes (then kills
// it): call it off the GUI thread. Errors: the command cannot start, times out, exits non-zero
// (with the first line of its stderr), prints no JSON object, a Version other than 1, no keys,
// or an Expiration that is not ISO 8601.
Result<AwsCredentials> runCredentialProcess(const QString &command, int timeoutMs);

// Parses the JSON answer alone (for tests and for callers that ran the command themselves).
Result<AwsCredentials> parseCredentialProcessOutput(const QByteArray &json, const QString &where);

} // namespace zs
