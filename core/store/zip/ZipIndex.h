#pragma once
// An archive's entries as a store sees them: keys relative to a root folder inside the
// archive, and the one-level listings of every folder, built once from the central directory
// so list() never reads the archive again.

#include "store/Store.h"
#include "store/zip/ZipDirectory.h"

#include <QHash>

namespace zs {

class ZipIndex
{
public:
    // `root` is the folder inside the archive the store opens at: the one the user named, or
    // when empty the single top-level folder if everything sits in one (a zip of "data.zarr/").
    static Result<ZipIndex> build(std::vector<ZipEntry> entries, const QString &root, const QString &where);

    const QString &root() const { return m_root; }
    // The entry behind a store key, or nullptr.
    const ZipEntry *find(const QString &key) const;
    Listing list(const QString &prefix) const;
    StoredSize storedSize(const QString &prefix) const;
    std::size_t size() const { return m_entries.size(); }

private:
    QString archiveName(const QString &key) const;

    std::vector<ZipEntry> m_entries;
    QHash<QString, std::size_t> m_byName; // archive name -> index in m_entries (files only)
    QHash<QString, Listing> m_folders;    // archive folder ("" = top) -> its one-level listing
    QString m_root;
};

} // namespace zs
