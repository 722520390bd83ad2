#include "store/zip/ZipStore.h"

#include "store/zip/ZipArchive.h"
#include "store/zip/ZipEntryData.h"
#include "util/FutureChain.h"

#include <QHash>
#include <QMutex>
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

    // Where stored entries' data starts after their local headers, once a range read has seen them.
    mutable QMutex offsetsMutex;
    QHash<QString, std::uint64_t> dataOffsets;
    std::optional<std::uint64_t> dataOffset(const QString &name) const
    {
        QMutexLocker lock(&offsetsMutex);
        const auto it = dataOffsets.constFind(name);
        return it == dataOffsets.cend() ? std::nullopt : std::optional<std::uint64_t>(*it);
    }
    void rememberDataOffset(const QString &name, std::uint64_t offset)
    {
        QMutexLocker lock(&offsetsMutex);
        dataOffsets.insert(name, offset);
    }
};

ZipStore::ZipStore(std::shared_ptr<Store> source, QString archiveKey, QString root)
    : m_state(std::make_shared<State>())
{
    m_state->source = std::move(source);
    m_state->key = std::move(archiveKey);
    m_state->where = m_state->source->locate(m_state->key);
    if (!root.isEmpty()) m_state->where += u'/' + root;
    m_state->archive = QtConcurrent::run(zipPool(),
                                         [source = m_state->source, key = m_state->key,
                                          root = std::move(root), where = m_state->where]() -> ArchiveResult {
                                             ZS_TRY(ZipArchive a, loadZipArchive(*source, key, root, where));
                                             return std::shared_ptr<const ZipArchive>(
                                                 std::make_shared<ZipArchive>(std::move(a)));
                                         });
}

ZipStore::~ZipStore() = default;

QString ZipStore::location() const
{
    return m_state->where;
}

QString ZipStore::credentialSource() const
{
    return m_state->source->credentialSource();
}

QString ZipStore::locate(const QString &key) const
{
    return key.isEmpty() ? m_state->where : m_state->where + u'/' + key;
}

std::optional<LimiterStats> ZipStore::limiterStats() const
{
    return m_state->source->limiterStats();
}

// Over HTTP the exchanges are range reads of the archive; on disk there are none finer than calls.
bool ZipStore::observeExchanges(const ExchangeObserver &observer)
{
    return m_state->source->observeExchanges(observer);
}

std::optional<TransferStats> ZipStore::transferStats() const
{
    return m_state->source->transferStats();
}

Status ZipStore::waitUntilOpen() const
{
    const ArchiveResult a = await(m_state->archive);
    if (!a) return a.error();
    return Ok{};
}

QFuture<GetResult> ZipStore::get(const QString &key)
{
    auto st = m_state;
    return continueIn<GetResult>(
        zipPool(), st->archive, [st, key](const ArchiveResult &archive) -> QFuture<GetResult> {
            if (!archive) return QtFuture::makeReadyFuture(GetResult(archive.error()));
            const ZipEntry *found = (*archive)->index.find(key);
            if (!found) return QtFuture::makeReadyFuture(GetResult(MaybeBytes{}));
            const ZipEntry entry = *found;
            const QString where = st->entryWhere(entry);
            if (auto readable = zipEntryReadable(entry, where); !readable)
                return QtFuture::makeReadyFuture(GetResult(readable.error()));
            const ByteRange request = zipEntryRequest(entry);
            auto fromBytes = [st, entry, where](const QByteArray &fetched) -> GetResult {
                ZS_TRY(QByteArray data,
                       zipEntryFromFetched(
                           fetched, entry, where, [st, where](ByteRange r) -> Result<QByteArray> {
                               ZS_TRY(MaybeBytes more, await(st->source->getRange(st->key, r)));
                               if (!more) return makeError(QStringLiteral("the zip archive is gone"), where);
                               return *more;
                           }));
                return MaybeBytes{std::move(data)};
            };
            if (const auto whole = (*archive)->whole) // already in the pool: cut and decode here
                return QtFuture::makeReadyFuture(
                    fromBytes(whole->mid(qsizetype(request.offset), qsizetype(request.length))));
            // Errors of the archive read name the entry (its where holds the archive's location).
            return continueIn<GetResult>(zipPool(), st->source->getRange(st->key, request),
                                         [where, fromBytes](const GetResult &r) -> GetResult {
                                             if (!r) return Error{r.error().what, where};
                                             if (!*r)
                                                 return makeError(QStringLiteral("the zip archive is gone"),
                                                                  where);
                                             return fromBytes(**r);
                                         });
        });
}

// Deflated entries are inflated from their start, and the range is cut from the result. A
// stored entry's range is one range request of the archive once its local header has said
// where the data starts (read with the first range, then remembered): what a sharded array in
// a zip needs, its shard index by a suffix read and each inner chunk by its own range.
QFuture<GetResult> ZipStore::getRange(const QString &key, ByteRange range)
{
    auto st = m_state;
    const QString keyWhere = locate(key);
    auto cutFromEntry = [this, key, keyWhere, range] {
        return continueIn<GetResult>(zipPool(), get(key), [keyWhere, range](const GetResult &r) -> GetResult {
            if (!r || !*r) return r;
            ZS_TRY(QByteArray part, sliceRange(**r, range, keyWhere));
            return MaybeBytes{std::move(part)};
        });
    };
    // Ranges come after the metadata was read, so the directory is there; if not, take the simple way.
    const ArchiveResult archive = st->archive.isFinished() ? st->archive.result() : ArchiveResult();
    const ZipEntry *found = archive ? (*archive)->index.find(key) : nullptr;
    if (!found || found->method != 0 || (*archive)->whole) return cutFromEntry();
    const ZipEntry entry = *found;
    const QString where = st->entryWhere(entry);
    if (auto readable = zipEntryReadable(entry, where); !readable)
        return QtFuture::makeReadyFuture(GetResult(readable.error()));
    const auto part = resolveRange(range, entry.compressedSize, where);
    if (!part) return QtFuture::makeReadyFuture(GetResult(part.error()));
    if (part->length == 0) return QtFuture::makeReadyFuture(GetResult(MaybeBytes{QByteArray()}));
    auto fetchData = [st, entry, part = *part](std::uint64_t dataOffset) {
        return st->source->getRange(
            st->key, ByteRange::fromStart(entry.headerOffset + dataOffset + part.offset, part.length));
    };
    if (const auto known = st->dataOffset(entry.name)) return fetchData(*known);
    const ByteRange header = ByteRange::fromStart(
        entry.headerOffset, std::min(kZipLocalHeaderBytes + entry.nameBytes + kZipLocalExtraAllowance,
                                     entry.limit - entry.headerOffset));
    return continueIn<GetResult>(
        zipPool(), st->source->getRange(st->key, header),
        [st, entry, where, fetchData](const GetResult &r) -> QFuture<GetResult> {
            if (!r) return QtFuture::makeReadyFuture(GetResult(Error{r.error().what, where}));
            if (!*r)
                return QtFuture::makeReadyFuture(
                    GetResult(makeError(QStringLiteral("the zip archive is gone"), where)));
            const auto dataOffset = zipDataOffset(**r, entry, where);
            if (!dataOffset) return QtFuture::makeReadyFuture(GetResult(dataOffset.error()));
            st->rememberDataOffset(entry.name, *dataOffset);
            return fetchData(*dataOffset);
        });
}

QFuture<ListResult> ZipStore::list(const QString &prefix)
{
    return continueIn<ListResult>(zipPool(), m_state->archive,
                                  [prefix](const ArchiveResult &archive) -> ListResult {
                                      if (!archive) return archive.error();
                                      return (*archive)->index.list(prefix);
                                  });
}

QFuture<StoredSizeResult> ZipStore::storedSize(const QString &prefix)
{
    return continueIn<StoredSizeResult>(
        zipPool(), m_state->archive, [prefix](const ArchiveResult &archive) -> StoredSizeResult {
            if (!archive) return archive.error();
            return std::optional<StoredSize>((*archive)->index.storedSize(prefix));
        });
}

} // namespace zs
