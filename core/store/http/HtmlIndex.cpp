#include "store/http/HtmlIndex.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace zs {

Listing parseHtmlIndex(const QByteArray &html, const QString &directoryPath)
{
    static const QRegularExpression href(QStringLiteral("<a\\s[^>]*href\\s*=\\s*[\"']([^\"'#?]+)[\"']"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString dir = directoryPath;
    if (!dir.endsWith(u'/')) dir += u'/';
    Listing out;
    out.mayOmitDotFiles = true;
    QSet<QString> seen;
    auto it = href.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        QString link = QUrl::fromPercentEncoding(it.next().captured(1).toUtf8());
        if (link.contains(QLatin1String("://"))) continue;
        if (link.startsWith(u'/')) { // absolute path: keep it only if it is inside this directory
            if (!link.startsWith(dir)) continue;
            link = link.mid(dir.size());
        }
        if (link.startsWith(QLatin1String("./"))) link = link.mid(2);
        const bool isDir = link.endsWith(u'/');
        const QString name = isDir ? link.chopped(1) : link;
        if (name.isEmpty() || name == u"." || name == u".." || name.contains(u'/') || seen.contains(name))
            continue;
        seen.insert(name);
        (isDir ? out.prefixes : out.keys) << name;
    }
    return out;
}

} // namespace zs
