#include "auth/Redaction.h"

#include <QRegularExpression>
#include <algorithm>

namespace zs {

namespace {

const QString kMask = QStringLiteral("***");

// The query's items as the URL spells them, secret ones left out. Working on the encoded text
// keeps every other item's encoding (and order) exactly as given.
QString filteredQuery(const QString &encodedQuery)
{
    QStringList kept;
    for (const QString &item : encodedQuery.split(u'&')) {
        const QString encodedName = item.section(u'=', 0, 0);
        // '+' is a space in form encoding; no secret name has one, so either reading is fine.
        const QString name = QUrl::fromPercentEncoding(encodedName.toUtf8());
        if (!isSecretQueryItem(name)) kept << item;
    }
    return kept.join(u'&');
}

} // namespace

bool isSecretQueryItem(const QString &name)
{
    static const QStringList secret{QStringLiteral("x-amz-signature"),
                                    QStringLiteral("x-amz-credential"),
                                    QStringLiteral("x-amz-security-token"),
                                    QStringLiteral("x-goog-signature"),
                                    QStringLiteral("x-goog-credential"),
                                    QStringLiteral("googleaccessid"),
                                    QStringLiteral("sig"),
                                    QStringLiteral("access_token"),
                                    QStringLiteral("token"),
                                    QStringLiteral("key"),
                                    QStringLiteral("signature"),
                                    QStringLiteral("password"),
                                    QStringLiteral("secret")};
    return secret.contains(name.trimmed().toLower());
}

QString displayUrl(const QUrl &url)
{
    // An invalid QUrl prints only part of what it was given; go through the typed-text route,
    // which cuts by hand what QUrl could not parse.
    if (!url.isValid()) return url.isEmpty() ? QString() : displayLocation(url.toString());
    QUrl shown = url;
    shown.setUserInfo(QString());
    if (shown.hasQuery()) {
        const QString query = filteredQuery(shown.query(QUrl::FullyEncoded));
        if (query.isEmpty())
            shown.setQuery(QString());
        else
            shown.setQuery(query);
    }
    // FullyDecoded could turn an encoded '&' inside a value into a separator; the default
    // (PrettyDecoded) decodes only what stays unambiguous.
    return shown.toString();
}

QString displayLocation(const QString &location)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    if (!scheme.match(location).hasMatch()) return location; // a local path, shown as typed
    const QUrl url(location);
    if (url.isValid()) return displayUrl(url);
    // QUrl gave up, e.g. on a password with a raw '/', '?' or '#': cut everything between "://"
    // and the last '@', where userinfo would end, then try again. An '@' later in the text only
    // makes the cut too generous, which is the right way to be wrong here.
    const qsizetype authorityStart = location.indexOf(QStringLiteral("://")) + 3;
    const qsizetype at = location.lastIndexOf(u'@');
    QString cut = location;
    if (at >= authorityStart) cut.remove(authorityStart, at + 1 - authorityStart);
    const QUrl repaired(cut);
    if (repaired.isValid()) return displayUrl(repaired);
    // Still not a URL: show no query at all rather than risk a signature in it.
    const qsizetype cutQuery = cut.indexOf(u'?');
    return cutQuery < 0 ? cut : cut.left(cutQuery);
}

QString redactSecrets(QString text, const QStringList &secrets)
{
    QStringList forms;
    for (const QString &secret : secrets) {
        if (secret.isEmpty()) continue;
        forms << secret << QString::fromLatin1(QUrl::toPercentEncoding(secret));
    }
    // Longest first, so a secret that contains another is masked whole, not in pieces.
    std::sort(forms.begin(), forms.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &form : std::as_const(forms))
        text.replace(form, kMask);
    return text;
}

} // namespace zs
