#include "AzuriteProcess.h"

#include "AnnouncedUrl.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace zstest {

AzuriteProcess::~AzuriteProcess()
{
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) m_process.kill();
    m_process.waitForFinished(1000);
}

bool AzuriteProcess::start()
{
    const QString node = QStringLiteral(ZS_NODE);
    const QString js = QStringLiteral(ZS_SOURCE_DIR "/tests/js");
    const QString main = js + QStringLiteral("/node_modules/azurite/dist/src/blob/main.js");
    if (node.isEmpty() || !QFileInfo(node).isExecutable()) {
        m_problem = QStringLiteral("node is required (ZS_NODE not found): apt install nodejs");
        return false;
    }
    if (!QFileInfo::exists(main)) {
        m_problem = QStringLiteral("azurite is not installed: run `npm ci` in %1").arg(js);
        return false;
    }
    // Port 0: the system picks a free port and Azurite prints it. In memory with a small extent
    // limit, so nothing lands on disk and parallel tests do not reserve half the RAM each.
    // No --skipApiVersionCheck: the x-ms-version we send must be one Azurite knows.
    m_process.start(node,
                    {main, QStringLiteral("--blobHost"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--blobPort"), QStringLiteral("0"),
                     QStringLiteral("--inMemoryPersistence"), QStringLiteral("--extentMemoryLimit"),
                     QStringLiteral("64"), QStringLiteral("--silent"), QStringLiteral("--disableTelemetry")});
    static const QRegularExpression listening(
        QStringLiteral("successfully listens on (http://127\\.0\\.0\\.1:\\d+)"));
    QByteArray out;
    m_endpoint = waitForAnnouncedUrl(m_process, listening, 30000, &out);
    if (!m_endpoint.isEmpty()) return true;
    m_problem = QStringLiteral("azurite did not start: %1 %2")
                    .arg(QString::fromUtf8(out), QString::fromUtf8(m_process.readAllStandardError()));
    return false;
}

} // namespace zstest
