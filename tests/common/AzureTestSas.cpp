#include "AzureTestSas.h"

#include <QMessageAuthenticationCode>
#include <QStringList>
#include <QUrl>

namespace zstest {

namespace {

const QString kVersion = QStringLiteral("2021-08-06");

QString isoSeconds(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ssZ"));
}

QString sign(const QString &stringToSign, const QByteArray &key)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(stringToSign.toUtf8(), key, QCryptographicHash::Sha256).toBase64());
}

QString enc(const QString &v)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(v));
}

} // namespace

QString azureAccountSas(const QString &account, const QByteArray &key, const QString &permissions,
                        const QDateTime &expiry)
{
    const QString se = isoSeconds(expiry);
    // account, sp, ss, srt, st, se, sip, spr, sv, ses, and a final newline.
    const QString toSign =
        QStringList{account, permissions, QStringLiteral("b"), QStringLiteral("co"), {}, se, {}, {}, kVersion,
                    {},      {}}
            .join(u'\n');
    return QStringLiteral("sv=%1&ss=b&srt=co&sp=%2&se=%3&sig=%4")
        .arg(kVersion, permissions, enc(se), enc(sign(toSign, key)));
}

QString azureContainerSas(const QString &account, const QByteArray &key, const QString &container,
                          const QString &permissions, const QDateTime &expiry)
{
    const QString se = isoSeconds(expiry);
    // sp, st, se, canonicalized resource, si, sip, spr, sv, sr, snapshot time, ses, rscc, rscd,
    // rsce, rscl, rsct.
    const QString resource = QStringLiteral("/blob/%1/%2").arg(account, container);
    const QString toSign = QStringList{permissions,         {}, se, resource, {}, {}, {}, kVersion,
                                       QStringLiteral("c"), {}, {}, {},       {}, {}, {}, {}}
                               .join(u'\n');
    return QStringLiteral("sv=%1&sr=c&sp=%2&se=%3&sig=%4")
        .arg(kVersion, permissions, enc(se), enc(sign(toSign, key)));
}

} // namespace zstest
