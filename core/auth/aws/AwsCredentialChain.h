#pragma once
// Which AWS credentials, region and endpoint a store uses, decided as the AWS CLI decides (its
// "Configuration and credentials precedence"): --anonymous; the profile from --profile or
// AWS_PROFILE; the environment's keys (unless --profile was given: an explicit profile beats
// them, AWS_PROFILE does not; botocore #486); the credentials file; the config file;
// credential_process; else anonymous. Everything comes in through AwsChainInput, so the decision
// is a pure function of it (tests need no real environment or home).

#include "auth/aws/SigV4.h"
#include "util/Result.h"

#include <QHash>
#include <QString>
#include <optional>

namespace zs {

struct AwsChainInput
{
    QString profileFlag;                 // --profile
    bool anonymous = false;              // --anonymous
    QString regionFlag;                  // --region
    QString endpointFlag;                // --endpoint-url
    QHash<QString, QString> environment; // e.g. from QProcessEnvironment::systemEnvironment()
    QString homeDir;                     // where ~/.aws lives
};

struct AwsChainResult
{
    std::optional<AwsCredentials> credentials; // none: anonymous, or credential_process still to run
    // Where they came from, for `info` and the Connection settings: "signed with profile research
    // from ~/.aws/credentials", "signed with keys from AWS_ACCESS_KEY_ID", "signed with
    // credential_process of profile x", "anonymous (no credentials found)", "anonymous (--anonymous)".
    QString source;
    QString profile;      // the profile in use ("default" when none was named)
    QString region;       // never empty: us-east-1 when nothing says otherwise
    QString regionSource; // "--region", "AWS_REGION", "AWS_DEFAULT_REGION", "profile x in ~/.aws/config",
                          // "default"
    QString endpointUrl;  // --endpoint-url, AWS_ENDPOINT_URL or the profile's endpoint_url; empty: AWS
    QString credentialProcess; // the command when credential_process is the source (run it with
                               // runCredentialProcess, off the GUI thread)
    bool anonymous() const { return !credentials && credentialProcess.isEmpty(); }
};

// Errors name the file and the profile, never a value: a profile named but found in neither file,
// a key id without its secret (or the reverse), an unreadable file.
Result<AwsChainResult> resolveAwsCredentials(const AwsChainInput &input);

} // namespace zs
