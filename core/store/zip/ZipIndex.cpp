#include "store/zip/ZipIndex.h"

#include <QSet>

namespace zs {

namespace {

QString parentOf(const QString &name)
{
    const qsizetype slash = name.lastIndexOf(u'/');
    return slash < 0 ? QString() : name.left(slash);
}

QString leafOf(const QString &name)
{
    return name.mid(name.lastIndexOf(u'/') + 1);
}

bool isMetadataName(const QString &leaf)
{
    return leaf == u".zarray" || leaf == u".zgroup" || leaf == u".zattrs" || leaf == u".zmetadata" ||
           leaf == u"zarr.json";
}

} // namespace

Result<ZipIndex> ZipIndex::build(std::vector<ZipEntry> entries, const QString &requestedRoot,
                                 const QString &where)
{
    ZipIndex index;
    index.m_entries = std::move(entries);
    QHash<QString, QSet<QString>> keys, folders;
    keys.insert(QString(), {});
    folders.insert(QString(), {});
    for (std::size_t i = 0; i < index.m_entries.size(); ++i) {
        const ZipEntry &e = index.m_entries[i];
        if (!e.isDirectory) index.m_byName.insert(e.name, i);
        // Every folder on the way is listed, whether or not the archive has an entry for it.
        QString child = e.name;
        QString parent = parentOf(child);
        (e.isDirectory ? folders : keys)[parent].insert(leafOf(child));
        if (e.isDirectory) {
            keys[child];
            folders[child];
        }
        while (!parent.isEmpty()) {
            child = parent;
            parent = parentOf(child);
            folders[parent].insert(leafOf(child));
            keys[child];
            folders[child];
        }
    }
    for (auto it = folders.cbegin(); it != folders.cend(); ++it) {
        Listing l;
        l.keys = QStringList(keys.value(it.key()).cbegin(), keys.value(it.key()).cend());
        l.prefixes = QStringList(it.value().cbegin(), it.value().cend());
        l.keys.sort();
        l.prefixes.sort();
        index.m_folders.insert(it.key(), std::move(l));
    }

    QString root = requestedRoot;
    const Listing top = index.m_folders.value(QString());
    if (root.isEmpty() && top.keys.isEmpty() && top.prefixes.size() == 1)
        root = top.prefixes.first(); // zipped from the parent folder: open at the store inside
    if (!root.isEmpty() && !index.m_folders.contains(root)) {
        // "x.zip/group" in an archive of "data.zarr/...": the group is in the single folder.
        if (!requestedRoot.isEmpty() && top.keys.isEmpty() && top.prefixes.size() == 1 &&
            index.m_folders.contains(top.prefixes.first() + u'/' + root))
            root = top.prefixes.first() + u'/' + root;
        else
            return makeError(QStringLiteral("no folder \"%1\" in the zip archive").arg(root), where);
    }
    index.m_root = root;
    return index;
}

QString ZipIndex::archiveName(const QString &key) const
{
    if (m_root.isEmpty()) return key;
    return key.isEmpty() ? m_root : m_root + u'/' + key;
}

const ZipEntry *ZipIndex::find(const QString &key) const
{
    const auto it = m_byName.constFind(archiveName(key));
    return it == m_byName.cend() ? nullptr : &m_entries[*it];
}

Listing ZipIndex::list(const QString &prefix) const
{
    return m_folders.value(archiveName(prefix));
}

StoredSize ZipIndex::storedSize(const QString &prefix) const
{
    const QString folder = archiveName(prefix);
    StoredSize size;
    for (const ZipEntry &e : m_entries) {
        if (e.isDirectory || isMetadataName(leafOf(e.name))) continue;
        if (!folder.isEmpty() && !e.name.startsWith(folder + u'/')) continue;
        size.bytes += e.compressedSize;
        ++size.objects;
    }
    return size;
}

} // namespace zs
