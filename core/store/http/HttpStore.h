#pragma once
// A Zarr store behind plain HTTP(S), S3 or Google Cloud Storage (anonymous reads).
// Every read goes through one FetchScheduler, which holds the global in-flight limit.
// Listing is tried as S3 ListObjectsV2, then as an HTML directory index. A pending listing holds
// the store (shared ownership: create it with make_shared, as openStore does).

#include "net/FetchScheduler.h"
#include "store/Store.h"

#include <QMutex>
#include <QUrl>
#include <memory>

namespace zs {

class HttpStore final : public Store, public std::enable_shared_from_this<HttpStore>
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
    QString credentialSource() const override;
    std::optional<TransferStats> transferStats() const override { return m_scheduler->stats(); }
    std::optional<LimiterStats> limiterStats() const override;
    bool observeExchanges(const ExchangeObserver &observer) override;
    // Summed from the listings when they state sizes (S3, nginx autoindex); unknown otherwise.
    QFuture<StoredSizeResult> storedSize(const QString &prefix) override;

    FetchScheduler *scheduler() const { return m_scheduler; }
    QUrl urlFor(const QString &key) const;
    const QUrl &bucketUrl() const { return m_bucketUrl; }
    const QString &bucketPrefix() const { return m_bucketPrefix; }

    // How this store lists, learnt from its first listing that answered (HttpListing).
    enum class ListMode
    {
        Unknown,
        S3,
        Html,
        Azure,
        None
    };
    ListMode listMode() const;
    // Only the first choice counts: concurrent first listings may both have tried.
    void chooseListMode(ListMode mode);
    Error cannotListError() const;

private:
    QUrl m_base;
    QUrl m_bucketUrl;
    QString m_bucketPrefix;
    FetchScheduler *m_scheduler;
    mutable QMutex m_modeMutex; // guards only the one-time choice of listing mode
    ListMode m_listMode = ListMode::Unknown;
};

} // namespace zs
