#include "store/http/HtmlIndex.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace zs {

namespace {

// nginx autoindex writes each entry on its own line: the link, the date and time, then the size;
// in exact bytes by default (autoindex_exact_size on), as "12K" otherwise, "-" for directories.
// Only an exact number counts: a rounded size would make a wrong total.
std::optional<std::uint64_t> sizeAfterLink(const QString &page, qsizetype linkEnd)
{
    static const QRegularExpression exact(
        QStringLiteral("^\\s+\\d{1,2}-[A-Za-z]{3}-\\d{4}\\s+\\d{1,2}:\\d{2}\\s+(\\d+)\\s*$"));
    const qsizetype lineEnd = page.indexOf(u'\n', linkEnd);
    const qsizetype close = page.indexOf(QLatin1String("</a>"), linkEnd, Qt::CaseInsensitive);
    if (close < 0 || (lineEnd >= 0 && close > lineEnd)) return std::nullopt;
    const qsizetype from = close + 4;
    const QString tail = page.mid(from, lineEnd < 0 ? -1 : lineEnd - from);
    const QRegularExpressionMatch m = exact.match(tail);
    bool ok = false;
    const std::uint64_t size = m.hasMatch() ? m.captured(1).toULongLong(&ok) : 0;
    if (!ok) return std::nullopt;
    return size;
}

} // namespace

Listing parseHtmlIndex(const QByteArray &html, const QString &directoryPath)
{
    static const QRegularExpression href(QStringLiteral("<a\\s[^>]*href\\s*=\\s*[\"']([^\"'#?]+)[\"']"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString dir = directoryPath;
    if (!dir.endsWith(u'/')) dir += u'/';
    Listing out;
    out.mayOmitDotFiles = true;
    QSet<QString> seen;
    const QString page = QString::fromUtf8(html);
    auto it = href.globalMatch(page);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString link = QUrl::fromPercentEncoding(match.captured(1).toUtf8());
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
        if (isDir) continue;
        if (const auto size = sizeAfterLink(page, match.capturedEnd(0))) out.sizes.insert(name, *size);
    }
    return out;
}

} // namespace zs
