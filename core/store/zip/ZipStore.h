#pragma once
// A zip archive as a store (zarr-python's ZipStore writes them): keys are the archive's
// entries, under a root folder inside it. The archive is read through another store's range
// reads of one key, so one code path serves a file on disk (LocalStore) and a URL (HttpStore,
// through its scheduler). The directory is read once, in the background, when the store is
// made; list() answers from it, and each get() costs one range request of the archive (none
// when a server that ignores Range sent the whole archive then: entries are cut from that copy).

#include "store/Store.h"

#include <memory>

namespace zs {

class ZipStore final : public Store
{
public:
    // `source` holds the archive as the object `archiveKey`. `root` is the folder inside the
    // archive to open at; empty opens at the top, or in the single folder everything is in.
    ZipStore(std::shared_ptr<Store> source, QString archiveKey, QString root = {});
    ~ZipStore() override;

    QFuture<GetResult> get(const QString &key) override;
    QFuture<GetResult> getRange(const QString &key, ByteRange range) override;
    QFuture<ListResult> list(const QString &prefix) override;
    bool canList() const override { return true; }
    QString location() const override;
    QString credentialSource() const override;
    QString locate(const QString &key) const override;
    std::optional<TransferStats> transferStats() const override;
    std::optional<LimiterStats> limiterStats() const override;
    bool observeExchanges(const ExchangeObserver &observer) override;
    QFuture<StoredSizeResult> storedSize(const QString &prefix) override;

    // Waits for the directory: ok, or why the archive cannot be read. Blocking.
    Status waitUntilOpen() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace zs
