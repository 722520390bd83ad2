#pragma once
// s3rver (npm, installed in tests/js by `npm ci`) in a child process, through
// tests/net/s3rver_start.mjs: one bucket holding local directories uploaded under prefixes.
// For tests that need a real S3 endpoint on loopback.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace zstest {

class S3rverProcess
{
public:
    ~S3rverProcess();

    // Starts s3rver with `bucket`, its data in `dataDir`; `uploads` are pairs of a local
    // directory and the key prefix it goes under ("" for the bucket's top). False with
    // problem() set when node, s3rver or the start fails.
    bool start(const QString &dataDir, const QString &bucket, const QStringList &uploads);
    // Before start(): the bucket turns private once the uploads are in (S3RVER_PRIVATE in
    // s3rver_start.mjs): unsigned requests get 403 AccessDenied and Signature V4 is verified for
    // S3RVER/S3RVER; a non-empty `sessionToken` is the only x-amz-security-token accepted.
    void setPrivate(const QString &sessionToken = {});
    // Before start(): one more S3RVER_* setting of s3rver_start.mjs
    // (S3RVER_EXPIRED_TOKENS, S3RVER_REGION, S3RVER_REGION_STATUS,
    // S3RVER_REQUESTER_PAYS, S3RVER_LOG).
    void setGateOption(const QString &name, const QString &value);
    QString endpoint() const { return m_endpoint; } // http://127.0.0.1:PORT
    QString problem() const { return m_problem; }

private:
    QProcess m_process;
    QString m_endpoint;
    QString m_problem;
};

} // namespace zstest
