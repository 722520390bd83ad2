#pragma once
// A directory on disk. Reads run on the process's file I/O pool so a slow disk or network
// file system never blocks the caller's thread, at most `concurrency` at once (the store's
// limiter, as for HTTP). A pending read holds what it uses (the root, the limiter), never the
// store itself, so dropping the store while reads run is safe.

#include "store/RequestLimiter.h"
#include "store/Store.h"

#include <memory>

namespace zs {

class LocalStore final : public Store
{
public:
    explicit LocalStore(const QString &root, int concurrency = 64);

    QFuture<GetResult> get(const QString &key) override;
    QFuture<GetResult> getRange(const QString &key, ByteRange range) override;
    QFuture<ListResult> list(const QString &prefix) override;
    bool canList() const override { return true; }
    QString location() const override { return m_root; }
    QString locate(const QString &key) const override;
    QFuture<StoredSizeResult> storedSize(const QString &prefix) override;
    std::optional<LimiterStats> limiterStats() const override { return m_limiter->stats(); }

    // Synchronous forms, used by the async ones and by tests.
    GetResult readKey(const QString &key, std::optional<ByteRange> range) const;
    ListResult listDir(const QString &prefix) const;

private:
    Result<QString> filePath(const QString &key) const;

    template <typename R, typename F> QFuture<R> limited(F read);

    QString m_root;
    std::shared_ptr<RequestLimiter> m_limiter;
};

} // namespace zs
