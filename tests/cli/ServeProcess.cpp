#include "ServeProcess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

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
    m_process.start(QStringLiteral(ZS_CLI), {QStringLiteral("serve"), dir, QStringLiteral("--autoindex"),
                                             QStringLiteral("--require-header"), requiredHeader});
    static const QRegularExpression serving(QStringLiteral("at (http://127\\.0\\.0\\.1:\\d+)/"));
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 15000 && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
        const auto m = serving.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_url = m.captured(1);
            return true;
        }
    }
    m_problem = QStringLiteral("zarrscope-cli serve did not start: %1 %2")
                    .arg(QString::fromUtf8(out), QString::fromUtf8(m_process.readAllStandardError()));
    return false;
}

} // namespace zstest
