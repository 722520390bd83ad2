#include "store/zip/ZipStore.h"

#include "store/zip/ZipArchive.h"
#include "store/zip/ZipEntryData.h"

#include <QThreadPool>
#include <QtConcurrent>

namespace zs {

namespace {

using ArchiveResult = Result<std::shared_ptr<const ZipArchive>>;

// Opening waits on the network and inflating takes CPU: neither belongs on the network thread
// (where HTTP replies finish) or the caller's. One pool for every zip store in the process.
QThreadPool *zipPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // never deleted: stores may outlive static destruction order
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

} // namespace

struct ZipStore::State
{
    std::shared_ptr<Store> source;
    QString key;
    QString where; // the archive's location, for messages
    QFuture<ArchiveResult> archive;

    QString entryWhere(const ZipEntry &e) const { return where + QStringLiteral(": ") + e.name; }

    // A future of the opened archive to attach one continuation to. Qt 6.4 keeps a single
    // continuation per future (another replaces it), so callers never share `archive` itself.
    QFuture<ArchiveResult> opened() const
    {
        if (archive.isFinished())
            return QtFuture::makeReadyFuture(archive.result());
        return QtConcurrent::run(zipPool(), [f = archive] { return await(f); });
    }
};

ZipStore::ZipStore(std::shared_ptr<Store> source, QString archiveKey, QString root) : m_state(std::make_shared<State>())
{
    m_state->source = std::move(source);
    m_state->key = std::move(archiveKey);
    m_state->where = m_state->source->locate(m_state->key);
    if (!root.isEmpty())
        m_state->where += u'/' + root;
    m_state->archive = QtConcurrent::run(zipPool(), [source = m_state->source, key = m_state->key, root,
                                                     where = m_state->where]() -> ArchiveResult {
        ZS_TRY(ZipArchive a, loadZipArchive(*source, key, root, where));
        return std::shared_ptr<const ZipArchive>(std::make_shared<ZipArchive>(std::move(a)));
    });
}

ZipStore::~ZipStore() = default;

QString ZipStore::location() const
{
    return m_state->where;
}

QString ZipStore::locate(const QString &key) const
{
    return key.isEmpty() ? m_state->where : m_state->where + u'/' + key;
}

std::optional<TransferStats> ZipStore::transferStats() const
{
    return m_state->source->transferStats();
}

Status ZipStore::waitUntilOpen() const
{
    const ArchiveResult a = await(m_state->archive);
    if (!a)
        return a.error();
    return Ok{};
}

QFuture<GetResult> ZipStore::get(const QString &key)
{
    auto st = m_state;
    return st->opened()
        .then([st, key](const ArchiveResult &archive) -> QFuture<GetResult> {
            if (!archive)
                return QtFuture::makeReadyFuture(GetResult(archive.error()));
            const ZipEntry *found = (*archive)->index.find(key);
            if (!found)
                return QtFuture::makeReadyFuture(GetResult(MaybeBytes{}));
            const ZipEntry entry = *found;
            const QString where = st->entryWhere(entry);
            if (auto readable = zipEntryReadable(entry, where); !readable)
                return QtFuture::makeReadyFuture(GetResult(readable.error()));
            const ByteRange request = zipEntryRequest(entry);
            auto fromBytes = [st, entry, where](const QByteArray &fetched) -> GetResult {
                ZS_TRY(QByteArray data, zipEntryFromFetched(fetched, entry, where, [st](ByteRange r) -> Result<QByteArray> {
                           ZS_TRY(MaybeBytes more, await(st->source->getRange(st->key, r)));
                           if (!more)
                               return makeError(QStringLiteral("the zip archive is gone"), st->where);
                           return *more;
                       }));
                return MaybeBytes{std::move(data)};
            };
            if (const auto whole = (*archive)->whole) {
                return QtConcurrent::run(zipPool(), [whole, request, fromBytes] {
                    return fromBytes(whole->mid(qsizetype(request.offset), qsizetype(request.length)));
                });
            }
            return st->source->getRange(st->key, request).then(zipPool(), [st, fromBytes](const GetResult &r) -> GetResult {
                if (!r)
                    return r.error();
                if (!*r)
                    return makeError(QStringLiteral("the zip archive is gone"), st->where);
                return fromBytes(**r);
            });
        })
        .unwrap();
}

QFuture<GetResult> ZipStore::getRange(const QString &key, ByteRange range)
{
    // Deflated entries must be inflated from their start anyway; ranges are cut from the entry.
    return get(key).then([key, where = locate(key), range](const GetResult &r) -> GetResult {
        if (!r || !*r)
            return r;
        ZS_TRY(QByteArray part, sliceRange(**r, range, where));
        return MaybeBytes{std::move(part)};
    });
}

QFuture<ListResult> ZipStore::list(const QString &prefix)
{
    return m_state->opened().then([prefix](const ArchiveResult &archive) -> ListResult {
        if (!archive)
            return archive.error();
        return (*archive)->index.list(prefix);
    });
}

QFuture<StoredSizeResult> ZipStore::storedSize(const QString &prefix)
{
    return m_state->opened().then([prefix](const ArchiveResult &archive) -> StoredSizeResult {
        if (!archive)
            return archive.error();
        return std::optional<StoredSize>((*archive)->index.storedSize(prefix));
    });
}

} // namespace zs
