#pragma once
// Signs a store's S3 requests with Signature V4 (issue 17): the credentials the AWS chain chose
// (AwsCredentialChain), re-run credential_process before its answer expires, re-read expired
// session credentials once, follow a bucket's region once S3 names it, and requester pays.

#include "auth/RequestAuthorizer.h"
#include "auth/StoreOrigin.h"
#include "auth/aws/AwsCredentialChain.h"

#include <QMutex>
#include <memory>

namespace zs {

class S3Authorizer final : public RequestAuthorizer, public std::enable_shared_from_this<S3Authorizer>
{
public:
    // `endpoint`: the bucket's endpoint (virtual-hosted or path style), the only host signed for.
    // `chain`: what resolveAwsCredentials decided for `input` (kept to re-read expired keys).
    // Create with make_shared: a credential_process run holds the authorizer.
    S3Authorizer(const QUrl &endpoint, AwsChainInput input, AwsChainResult chain, bool requesterPays);

    QFuture<Status> ready() override;
    Status authorize(OutgoingRequest &request) override;
    RefusalAdvice adviseOn(const Refusal &refusal) override;
    QString explain(const Refusal &refusal) const override;
    QString describe() const override;
    bool mayAuthorize(const QUrl &url) const override { return m_origin.admits(url); }

    QString region() const;

private:
    QFuture<Status> runProcess(); // mutex held
    bool reread();                // mutex held: true when the source gave credentials again

    const StoreOrigin m_origin;
    const AwsChainInput m_input;
    const bool m_requesterPays;
    mutable QMutex m_mutex;
    AwsChainResult m_chain;
    QFuture<Status> m_process; // the credential_process run under way or last finished
    bool m_regionFollowed = false;
    qint64 m_rereadAtMs = 0; // when expired credentials were last read again (one re-read serves a burst)
};

} // namespace zs
