#include "auth/azure/AzureSas.h"

#include <QRegularExpression>
#include <QSet>

namespace zs {

namespace {

QString partName(const QString &part)
{
    const qsizetype eq = part.indexOf(u'=');
    return QUrl::fromPercentEncoding((eq < 0 ? part : part.left(eq)).toUtf8()).toLower();
}

bool queryHasSig(const QString &query)
{
    for (const QString &part : query.split(u'&', Qt::SkipEmptyParts))
        if (partName(part) == u"sig" && part.size() > 4) return true;
    return false;
}

} // namespace

Result<QString> normalizeAzureSas(const QString &token, const QString &where)
{
    QString t = token.trimmed();
    if (t.startsWith(u'?')) t.remove(0, 1);
    if (t.isEmpty()) return makeError(QStringLiteral("the SAS token is empty"), where);
    if (!queryHasSig(t))
        return makeError(QStringLiteral("the SAS token has no signature (sig=): copy the whole token"),
                         where);
    return t;
}

bool hasAzureSas(const QUrl &url)
{
    return queryHasSig(url.query(QUrl::FullyEncoded));
}

std::pair<QUrl, QString> splitAzureSas(const QUrl &url)
{
    QUrl bare = url;
    bare.setQuery(QString());
    return {bare, url.query(QUrl::FullyEncoded)};
}

QUrl withAzureSas(const QUrl &url, const QString &sasToken)
{
    const QStringList sasParts = sasToken.split(u'&', Qt::SkipEmptyParts);
    QSet<QString> sasNames;
    for (const QString &p : sasParts)
        sasNames.insert(partName(p));
    QStringList parts;
    for (const QString &p : url.query(QUrl::FullyEncoded).split(u'&', Qt::SkipEmptyParts))
        if (!sasNames.contains(partName(p))) parts << p;
    parts << sasParts;
    QUrl out = url;
    // The joined query is already encoded: StrictMode-free setQuery keeps %2B and %3D as they are.
    out.setQuery(parts.join(u'&'), QUrl::TolerantMode);
    return out;
}

QString redactAzureSas(QString text)
{
    static const QRegularExpression sig(QStringLiteral("(^|[?&;\\s])(sig=)[^&;\\s\"']*"),
                                        QRegularExpression::CaseInsensitiveOption);
    text.replace(sig, QStringLiteral("\\1\\2REDACTED"));
    return text;
}

} // namespace zs
