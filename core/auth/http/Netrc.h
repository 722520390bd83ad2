#pragma once
// ~/.netrc, read as curl reads it (7.84+): tokens separated by spaces, tabs and newlines;
// `machine NAME`, `default`, `login NAME`, `password SECRET`; `macdef NAME` skipped up to the next
// empty line; a token starting with '#' ends the line as a comment; a value may be "quoted", with
// \" \\ \n \r \t escapes, which is the only way to have a space in it. Other words are ignored, as
// curl ignores `account`.

#include "util/Result.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <optional>

namespace zs {

struct NetrcEntry
{
    QString machine; // empty for `default`
    bool isDefault = false;
    QString login;
    QString password; // secret
};

struct Netrc
{
    QList<NetrcEntry> entries; // in file order

    // The first entry for `host` (compared case-insensitively) whose login is `login` when one is
    // given (the URL named a user), else the default entry when it matches, else nothing.
    std::optional<NetrcEntry> find(const QString &host, const QString &login = {}) const;
};

// `where` (the file) names the place of syntax errors, with the line: an unterminated quote, or
// `machine`, `login` or `password` at the end of the file without their value.
Result<Netrc> parseNetrc(const QByteArray &text, const QString &where);
// A missing file is an empty Netrc: most people have none. An unreadable one is an error.
Result<Netrc> readNetrc(const QString &path);
// $NETRC when set (as curl 8.16 reads it), else $HOME/.netrc; empty when neither is set.
QString netrcPath(const QProcessEnvironment &env);

} // namespace zs
