#include "AnnouncedUrl.h"

#include <QElapsedTimer>

namespace zstest {

QString waitForAnnouncedUrl(QProcess &process, const QRegularExpression &pattern, int timeoutMs,
                            QByteArray *printed)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(200);
        *printed += process.readAllStandardOutput();
        const auto m = pattern.match(QString::fromUtf8(*printed));
        if (m.hasMatch()) return m.captured(1);
    }
    return {};
}

} // namespace zstest
