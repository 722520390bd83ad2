#pragma once
// Objects held in memory: for tests, generated demo data and metadata written before export.

#include "store/Store.h"

#include <QMap>
#include <QMutex>

namespace zs {

class MemoryStore final : public Store
{
public:
    void set(const QString &key, const QByteArray &value);
    void remove(const QString &key);

    QFuture<GetResult> get(const QString &key) override;
    QFuture<GetResult> getRange(const QString &key, ByteRange range) override;
    QFuture<ListResult> list(const QString &prefix) override;
    bool canList() const override { return true; }
    QString location() const override { return QStringLiteral("memory://"); }

private:
    mutable QMutex m_mutex;
    QMap<QString, QByteArray> m_objects;
};

} // namespace zs
