#include "S3rverProcess.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace zstest {

S3rverProcess::~S3rverProcess()
{
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) m_process.kill();
    m_process.waitForFinished(1000);
}

void S3rverProcess::setPrivate(const QString &sessionToken)
{
    QProcessEnvironment env = m_process.processEnvironment(); // gate options set before are kept
    if (env.isEmpty()) env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("S3RVER_PRIVATE"), QStringLiteral("1"));
    if (!sessionToken.isEmpty()) env.insert(QStringLiteral("S3RVER_SESSION_TOKEN"), sessionToken);
    m_process.setProcessEnvironment(env);
}

void S3rverProcess::setGateOption(const QString &name, const QString &value)
{
    QProcessEnvironment env = m_process.processEnvironment();
    if (env.isEmpty()) env = QProcessEnvironment::systemEnvironment();
    env.insert(name, value);
    m_process.setProcessEnvironment(env);
}

bool S3rverProcess::start(const QString &dataDir, const QString &bucket, const QStringList &uploads)
{
    const QString node = QStringLiteral(ZS_NODE);
    const QString js = QStringLiteral(ZS_SOURCE_DIR "/tests/js");
    if (node.isEmpty() || !QFileInfo(node).isExecutable()) {
        m_problem = QStringLiteral("node is required (ZS_NODE not found)");
        return false;
    }
    if (!QFileInfo::exists(js + QStringLiteral("/node_modules/s3rver/package.json"))) {
        m_problem = QStringLiteral("s3rver is not installed: run `npm ci` in %1").arg(js);
        return false;
    }
    // --openssl-legacy-provider: s3rver 3.7 encrypts continuation tokens with DES (see the script).
    m_process.start(node,
                    QStringList{QStringLiteral("--openssl-legacy-provider"),
                                QStringLiteral(ZS_SOURCE_DIR "/tests/net/s3rver_start.mjs"), dataDir, bucket}
                        << uploads);
    // The script prints "READY http://127.0.0.1:PORT <objects>" once the uploads are in.
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000 && !out.contains('\n') && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
    }
    const QList<QByteArray> words = out.trimmed().split(' ');
    if (words.size() != 3 || words[0] != "READY") {
        m_problem = QStringLiteral("s3rver did not start: %1 %2")
                        .arg(QString::fromUtf8(out), QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }
    m_endpoint = QString::fromLatin1(words[1]);
    return true;
}

} // namespace zstest
