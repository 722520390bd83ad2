#include "auth/aws/S3Authorizer.h"

#include "auth/aws/AwsCredentialProcess.h"
#include "net/ResponseCheck.h"

#include <QDateTime>
#include <QtConcurrent>

namespace zs {

namespace {

constexpr int kProcessTimeoutMs = 60000;

QString bucketRegionOf(const Refusal &refusal)
{
    const QString header = QString::fromLatin1(refusal.bucketRegion).trimmed();
    // Else S3's <Region> in an AuthorizationHeaderMalformed or PermanentRedirect answer.
    return header.isEmpty() ? xmlErrorField(refusal.body, "Region", 64) : header;
}

bool isExpiry(const QString &code)
{
    return code == u"ExpiredToken" || code == u"TokenRefreshRequired" || code == u"RequestExpired";
}

} // namespace

S3Authorizer::S3Authorizer(const QUrl &endpoint, AwsChainInput input, AwsChainResult chain,
                           bool requesterPays)
    : m_origin(endpoint), m_input(std::move(input)), m_requesterPays(requesterPays), m_chain(std::move(chain))
{
}

QFuture<Status> S3Authorizer::ready()
{
    QMutexLocker lock(&m_mutex);
    if (m_chain.credentialProcess.isEmpty()) return QtFuture::makeReadyFuture(Status(Ok{}));
    const bool fresh =
        m_chain.credentials && !needsRefresh(*m_chain.credentials, QDateTime::currentDateTimeUtc());
    if (fresh) return QtFuture::makeReadyFuture(Status(Ok{}));
    // One run at a time serves every request waiting; a failed run is tried again by the next ask.
    if (m_process.isValid() && !m_process.isFinished()) return m_process;
    return m_process = runProcess();
}

QFuture<Status> S3Authorizer::runProcess()
{
    const QString command = m_chain.credentialProcess, profile = m_chain.profile;
    // The process may take seconds (an SSO login helper): never on the network thread.
    return QtConcurrent::run([self = shared_from_this(), command, profile]() -> Status {
        Result<AwsCredentials> got = runCredentialProcess(command, kProcessTimeoutMs);
        if (!got) return got.error().at(QStringLiteral("credential_process of profile %1").arg(profile));
        QMutexLocker lock(&self->m_mutex);
        self->m_chain.credentials = std::move(*got);
        return Ok{};
    });
}

Status S3Authorizer::authorize(OutgoingRequest &request)
{
    QMutexLocker lock(&m_mutex);
    if (!m_chain.credentials) {
        if (m_requesterPays)
            request.headers.append(std::pair<QByteArray, QByteArray>("x-amz-request-payer", "requester"));
        return Ok{}; // anonymous (no credentials found, or --anonymous)
    }
    SigV4Request sign;
    sign.method = request.method;
    sign.url = request.url;
    // Only what S3 must see unchanged is signed: Range and x-amz-*. Accept-Encoding and
    // User-Agent stay outside, so nothing between here and the wire can break the signature.
    for (const auto &[name, value] : std::as_const(request.headers))
        if (name.compare("Range", Qt::CaseInsensitive) == 0)
            sign.headers.append(std::pair<QByteArray, QByteArray>(name, value));
    if (m_requesterPays)
        sign.headers.append(std::pair<QByteArray, QByteArray>("x-amz-request-payer", "requester"));
    ZS_TRY(SigV4Signed signedHeaders,
           signSigV4(sign, *m_chain.credentials,
                     SigV4Scope{m_chain.region, QStringLiteral("s3"), QDateTime::currentDateTimeUtc()}));
    if (m_requesterPays)
        request.headers.append(std::pair<QByteArray, QByteArray>("x-amz-request-payer", "requester"));
    request.headers.append(signedHeaders.headers);
    return Ok{};
}

bool S3Authorizer::reread()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_rereadAtMs < 2000) return true; // another request of the burst read them just now
    if (!m_chain.credentialProcess.isEmpty()) {
        m_chain.credentials.reset(); // ready() runs the process again
        m_rereadAtMs = now;
        return true;
    }
    Result<AwsChainResult> again = resolveAwsCredentials(m_input);
    if (!again || !again->credentials) return false;
    const QString region = m_chain.region;
    m_chain = std::move(*again);
    if (m_regionFollowed) m_chain.region = region;
    m_rereadAtMs = now;
    return true;
}

RefusalAdvice S3Authorizer::adviseOn(const Refusal &refusal)
{
    QMutexLocker lock(&m_mutex);
    const QString code = xmlErrorCode(refusal.body);
    const QString region = bucketRegionOf(refusal);
    // Signed for the wrong region: S3 names the bucket's (a 301, or 400 AuthorizationHeaderMalformed).
    if (m_chain.credentials && !region.isEmpty() && region != m_chain.region &&
        (refusal.status == 301 || refusal.status == 400 || code == u"AuthorizationHeaderMalformed")) {
        m_chain.region = region; // remembered for every later request of this store
        m_regionFollowed = true;
        return RefusalAdvice::RetryInAnotherRegion;
    }
    if (m_chain.credentials && isExpiry(code) && reread()) return RefusalAdvice::RetryWithNewCredentials;
    return RefusalAdvice::GiveUp;
}

QString S3Authorizer::explain(const Refusal &refusal) const
{
    QMutexLocker lock(&m_mutex);
    const QString code = xmlErrorCode(refusal.body);
    if (code == u"SignatureDoesNotMatch")
        return QStringLiteral("access denied: the signature does not match (check the secret key)");
    if (code == u"InvalidAccessKeyId")
        return QStringLiteral("access denied: the access key id is not known here (check the key id)");
    if (isExpiry(code))
        return QStringLiteral("access denied: the session credentials have expired (%1)").arg(m_chain.source);
    if (code == u"InvalidToken")
        return QStringLiteral("access denied: the session token is not valid (check AWS_SESSION_TOKEN)");
    if (code == u"RequestTimeTooSkewed")
        return QStringLiteral("access denied: this computer's clock is too far from the server's");
    const QString region = bucketRegionOf(refusal);
    if (!region.isEmpty() && region != m_chain.region)
        return QStringLiteral("the bucket is in region %1, not %2 (give --s3-region %1)")
            .arg(region, m_chain.region);
    if (code == u"AccessDenied" || code == u"AllAccessDisabled" || refusal.status == 403)
        return m_chain.credentials
                   ? QStringLiteral("access denied: %1 may not read this").arg(m_chain.source)
                   : QStringLiteral("access denied: this bucket needs credentials (%1; see --s3-profile)")
                         .arg(m_chain.source);
    return code.isEmpty() ? QStringLiteral("HTTP %1").arg(refusal.status)
                          : QStringLiteral("HTTP %1 %2").arg(refusal.status).arg(code);
}

QString S3Authorizer::describe() const
{
    QMutexLocker lock(&m_mutex);
    return QStringLiteral("%1, region %2").arg(m_chain.source, m_chain.region);
}

QString S3Authorizer::region() const
{
    QMutexLocker lock(&m_mutex);
    return m_chain.region;
}

} // namespace zs
