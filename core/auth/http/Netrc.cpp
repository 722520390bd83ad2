#include "auth/http/Netrc.h"

#include <QFile>

namespace zs {

namespace {

struct Token
{
    QString text;
    int line = 0;
};

bool isSeparator(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Splits the file into tokens, dropping comments and macdef bodies (which need line structure, so
// the tokenizer handles them rather than the parser).
Result<QList<Token>> tokenize(const QByteArray &text, const QString &where)
{
    QList<Token> tokens;
    int line = 1;
    bool inMacro = false; // inside a macdef body: skip lines up to an empty one
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (inMacro) {
            // The body starts on the line after `macdef NAME`; it ends at the first empty line.
            const qsizetype eol = text.indexOf('\n', i);
            const qsizetype end = eol < 0 ? n : eol;
            if (text.mid(i, end - i).trimmed().isEmpty()) inMacro = false;
            i = end + 1;
            ++line;
            continue;
        }
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            ++i;
            continue;
        }
        if (isSeparator(c)) {
            ++i;
            continue;
        }
        if (c == '#') { // the rest of the line is a comment
            const qsizetype eol = text.indexOf('\n', i);
            i = eol < 0 ? n : eol;
            continue;
        }
        Token token{{}, line};
        QByteArray bytes;
        if (c == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                char q = text.at(i++);
                if (q == '"') {
                    closed = true;
                    break;
                }
                if (q == '\n') ++line;
                if (q == '\\' && i < n) {
                    q = text.at(i++);
                    q = q == 'n' ? '\n' : q == 'r' ? '\r' : q == 't' ? '\t' : q;
                }
                bytes += q;
            }
            if (!closed)
                return makeError(QStringLiteral("quoted value not closed"),
                                 QStringLiteral("%1 line %2").arg(where).arg(token.line));
        } else {
            while (i < n && !isSeparator(text.at(i)))
                bytes += text.at(i++);
        }
        token.text = QString::fromUtf8(bytes);
        tokens << token;
        if (c != '"' && token.text == u"macdef") {
            // The name is the next token on this line; skip the rest of the line and the body.
            const qsizetype eol = text.indexOf('\n', i);
            i = eol < 0 ? n : eol + 1;
            if (eol >= 0) ++line;
            inMacro = true;
        }
    }
    return tokens;
}

} // namespace

Result<Netrc> parseNetrc(const QByteArray &text, const QString &where)
{
    ZS_TRY(const QList<Token> tokens, tokenize(text, where));
    Netrc netrc;
    NetrcEntry *current = nullptr; // login and password before any machine belong to none
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        const QString &word = tokens[k].text;
        if (word == u"default") {
            netrc.entries << NetrcEntry{{}, true, {}, {}};
            current = &netrc.entries.last();
            continue;
        }
        const bool takesValue = word == u"machine" || word == u"login" || word == u"password" ||
                                word == u"account" || word == u"macdef";
        if (!takesValue) continue;
        if (word == u"macdef") {
            // Its name and body were dropped by the tokenizer; a macro also ends the entry.
            current = nullptr;
            continue;
        }
        if (k + 1 >= tokens.size())
            return makeError(QStringLiteral("\"%1\" without a value").arg(word),
                             QStringLiteral("%1 line %2").arg(where).arg(tokens[k].line));
        const QString &value = tokens[++k].text;
        if (word == u"machine") {
            netrc.entries << NetrcEntry{value, false, {}, {}};
            current = &netrc.entries.last();
        } else if (current && word == u"login")
            current->login = value;
        else if (current && word == u"password")
            current->password = value;
    }
    return netrc;
}

std::optional<NetrcEntry> Netrc::find(const QString &host, const QString &login) const
{
    // A machine entry anywhere wins over `default`, which curl expects last anyway.
    for (const NetrcEntry &entry : entries)
        if (!entry.isDefault && entry.machine.compare(host, Qt::CaseInsensitive) == 0 &&
            (login.isEmpty() || entry.login == login))
            return entry;
    for (const NetrcEntry &entry : entries)
        if (entry.isDefault && (login.isEmpty() || entry.login == login)) return entry;
    return std::nullopt;
}

Result<Netrc> readNetrc(const QString &path)
{
    QFile file(path);
    if (!file.exists()) return Netrc{};
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read the netrc file: %1").arg(file.errorString()), path);
    return parseNetrc(file.readAll(), path);
}

QString netrcPath(const QProcessEnvironment &env)
{
    QString explicitPath = env.value(QStringLiteral("NETRC"));
    if (!explicitPath.isEmpty()) return explicitPath;
    const QString home = env.value(QStringLiteral("HOME"));
    return home.isEmpty() ? QString() : home + QStringLiteral("/.netrc");
}

} // namespace zs
