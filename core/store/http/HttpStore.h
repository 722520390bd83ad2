#pragma once
// A Zarr store behind plain HTTP(S), S3 or Google Cloud Storage (anonymous reads).
// Every read goes through one FetchScheduler, which holds the global in-flight limit.
// Listing is tried as S3 ListObjectsV2, then as an HTML directory index.

#include "net/FetchScheduler.h"
#include "store/Store.h"

#include <QMutex>
#include <QUrl>

namespace zs {

class HttpStore final : public Store
{
public:
    // `base` is the store root (no trailing slash needed). `bucketUrl`, when set, is where
    // S3 listing requests go (the bucket endpoint); `prefix` the store's path inside the bucket.
    HttpStore(QUrl base, FetchOptions options, QUrl bucketUrl = {}, QString bucketPrefix = {});
    ~HttpStore() override;

    QFuture<GetResult> get(const QString &key) override;
    QFuture<GetResult> getRange(const QString &key, ByteRange range) override;
    QFuture<RangeReadResult> getRangeOrWhole(const QString &key, ByteRange range) override;
    QFuture<ListResult> list(const QString &prefix) override;
    bool canList() const override { return true; }
    QString location() const override { return m_base.toString(); }
    QString locate(const QString &key) const override { return urlFor(key).toString(); }
    std::optional<TransferStats> transferStats() const override { return m_scheduler->stats(); }
    std::optional<LimiterStats> limiterStats() const override;

    FetchScheduler *scheduler() const { return m_scheduler; }
    QUrl urlFor(const QString &key) const;

private:
    enum class ListMode
    {
        Unknown,
        S3,
        Html,
        None
    };
    ListResult listBlocking(const QString &prefix);
    ListResult listS3(const QString &prefix);
    ListResult listHtml(const QString &prefix);
    Result<QByteArray> fetchListingPage(const QUrl &url, const QString &whenMissing);

    QUrl m_base;
    QUrl m_bucketUrl;
    QString m_bucketPrefix;
    FetchScheduler *m_scheduler;
    QMutex m_listMutex;
    ListMode m_listMode = ListMode::Unknown;
};

} // namespace zs
