#pragma once
// A directory on disk. Reads run on a dedicated I/O thread pool so a slow disk or
// network file system never blocks the caller's thread.

#include "store/Store.h"

#include <QThreadPool>

namespace zs {

class LocalStore final : public Store
{
public:
    explicit LocalStore(QString root);

    QFuture<GetResult> get(const QString &key) override;
    QFuture<GetResult> getRange(const QString &key, ByteRange range) override;
    QFuture<ListResult> list(const QString &prefix) override;
    bool canList() const override { return true; }
    QString location() const override { return m_root; }
    QString locate(const QString &key) const override;
    QFuture<StoredSizeResult> storedSize(const QString &prefix) override;

    // Synchronous forms, used by the async ones and by tests.
    GetResult readKey(const QString &key, std::optional<ByteRange> range) const;
    ListResult listDir(const QString &prefix) const;

private:
    Result<QString> filePath(const QString &key) const;

    QString m_root;
    QThreadPool m_pool;
};

} // namespace zs
