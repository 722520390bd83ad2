#include "FixtureScript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace zstest {

std::optional<nlohmann::json> runFixtureScript(const QString &script, const QString &dir,
                                               const QString &install, int timeoutMs, QString *error)
{
    QProcess gen;
    gen.setProcessChannelMode(QProcess::MergedChannels);
    gen.start(QStringLiteral(ZS_DEBIAN_PYTHON), {QStringLiteral(ZS_SOURCE_DIR "/") + script, dir});
    const bool finished = gen.waitForFinished(timeoutMs);
    if (!finished || gen.exitStatus() != QProcess::NormalExit || gen.exitCode() != 0) {
        *error = QStringLiteral("%1 failed (apt install %2):\n").arg(QFileInfo(script).fileName(), install) +
                 QString::fromUtf8(gen.readAll());
        return std::nullopt;
    }
    QFile f(QDir(dir).filePath(QStringLiteral("expected.json")));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 left no expected.json in %2").arg(script, dir);
        return std::nullopt;
    }
    return nlohmann::json::parse(f.readAll().toStdString());
}

} // namespace zstest
