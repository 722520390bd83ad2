#include "store/MemoryStore.h"

#include <QFuture>
#include <QSet>

namespace zs {

void MemoryStore::set(const QString &key, const QByteArray &value)
{
    QMutexLocker lock(&m_mutex);
    m_objects.insert(key, value);
}

void MemoryStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_objects.remove(key);
}

QFuture<GetResult> MemoryStore::get(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_objects.constFind(key);
    return QtFuture::makeReadyFuture(it == m_objects.cend() ? GetResult(MaybeBytes{})
                                                            : GetResult(MaybeBytes{*it}));
}

QFuture<GetResult> MemoryStore::getRange(const QString &key, ByteRange range)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_objects.constFind(key);
    if (it == m_objects.cend()) return QtFuture::makeReadyFuture(GetResult(MaybeBytes{}));
    auto part = sliceRange(*it, range, key);
    return QtFuture::makeReadyFuture(part ? GetResult(MaybeBytes{*part}) : GetResult(part.error()));
}

QFuture<ListResult> MemoryStore::list(const QString &prefix)
{
    QMutexLocker lock(&m_mutex);
    const QString start = prefix.isEmpty() ? QString() : prefix + u'/';
    Listing out;
    QSet<QString> dirs;
    for (auto it = m_objects.lowerBound(start); it != m_objects.cend() && it.key().startsWith(start); ++it) {
        const QString rest = it.key().mid(start.size());
        const qsizetype slash = rest.indexOf(u'/');
        if (slash < 0)
            out.keys << rest;
        else if (!dirs.contains(rest.left(slash)))
            dirs.insert(rest.left(slash)), out.prefixes << rest.left(slash);
    }
    return QtFuture::makeReadyFuture(ListResult(out));
}

} // namespace zs
