#include "DirectoryIndex.h"

#include <QDir>
#include <QUrl>

namespace zs::server {

QByteArray directoryIndexHtml(const QString &dirPath, const QString &urlPath)
{
    const QString title = QStringLiteral("Index of %1").arg(urlPath.toHtmlEscaped());
    QString html = QStringLiteral("<html>\r\n<head><title>%1</title></head>\r\n<body>\r\n<h1>%1</h1><hr><pre>"
                                  "<a href=\"../\">../</a>\r\n")
                       .arg(title);
    const QDir dir(dirPath);
    // Directories first, then files, each sorted by name: what nginx shows.
    const auto entries = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                                           QDir::DirsFirst | QDir::Name);
    for (const QFileInfo &e : entries) {
        const QString name = e.fileName() + (e.isDir() ? QStringLiteral("/") : QString());
        const QString href = QString::fromUtf8(QUrl::toPercentEncoding(e.fileName())) +
                             (e.isDir() ? QStringLiteral("/") : QString());
        html += QStringLiteral("<a href=\"%1\">%2</a>\r\n").arg(href, name.toHtmlEscaped());
    }
    html += QStringLiteral("</pre><hr></body>\r\n</html>\r\n");
    return html.toUtf8();
}

} // namespace zs::server
