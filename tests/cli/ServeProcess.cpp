#include "ServeProcess.h"

#include "AnnouncedUrl.h"

namespace zstest {

ServeProcess::~ServeProcess()
{
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) m_process.kill();
    m_process.waitForFinished(1000);
}

bool ServeProcess::start(const QString &dir, const QString &requiredHeader)
{
    QStringList args{QStringLiteral("serve"), dir, QStringLiteral("--autoindex")};
    if (!requiredHeader.isEmpty()) args << QStringLiteral("--require-header") << requiredHeader;
    m_process.start(QStringLiteral(ZS_CLI), args);
    static const QRegularExpression serving(QStringLiteral("at (http://127\\.0\\.0\\.1:\\d+)/"));
    QByteArray out;
    m_url = waitForAnnouncedUrl(m_process, serving, 15000, &out);
    if (!m_url.isEmpty()) return true;
    m_problem = QStringLiteral("zarrscope-cli serve did not start: %1 %2")
                    .arg(QString::fromUtf8(out), QString::fromUtf8(m_process.readAllStandardError()));
    return false;
}

} // namespace zstest
