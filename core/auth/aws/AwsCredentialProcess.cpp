#include "auth/aws/AwsCredentialProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace zs {

Result<QStringList> splitAwsCommandLine(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote; // the open quote, or null
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command[i];
        if (quote == u'\'') {
            if (c == u'\'')
                quote = QChar();
            else
                word += c;
        } else if (quote == u'"') {
            if (c == u'"')
                quote = QChar();
            else if (c == u'\\' && i + 1 < command.size() &&
                     (command[i + 1] == u'"' || command[i + 1] == u'\\'))
                word += command[++i];
            else
                word += c;
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\') {
            if (i + 1 >= command.size())
                return makeError(QStringLiteral("credential_process ends in an escape"),
                                 QStringLiteral("credential_process"));
            word += command[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord) words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return makeError(QStringLiteral("credential_process has an unclosed quote"),
                         QStringLiteral("credential_process"));
    if (inWord) words << word;
    if (words.isEmpty())
        return makeError(QStringLiteral("credential_process is empty"), QStringLiteral("credential_process"));
    return words;
}

static std::optional<QDateTime> parseIsoTime(const QString &text)
{
    for (Qt::DateFormat format : {Qt::ISODateWithMs, Qt::ISODate}) {
        const QDateTime t = QDateTime::fromString(text, format);
        if (t.isValid()) return t.toUTC();
    }
    return std::nullopt;
}

Result<AwsCredentials> parseCredentialProcessOutput(const QByteArray &json, const QString &where)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    // The parse error's text is safe, but its offset would point into secrets: leave both out.
    if (!doc.isObject()) return makeError(QStringLiteral("credential_process printed no JSON object"), where);
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(QStringLiteral("Version"));
    if (version.toInt(-1) != 1)
        return makeError(QStringLiteral("credential_process answered Version %1, expected 1")
                             .arg(version.isUndefined() ? QStringLiteral("(none)")
                                  : version.isDouble()  ? QString::number(version.toDouble())
                                                        : QStringLiteral("(not a number)")),
                         where);
    AwsCredentials out;
    out.accessKeyId = o.value(QStringLiteral("AccessKeyId")).toString();
    out.secretAccessKey = o.value(QStringLiteral("SecretAccessKey")).toString();
    out.sessionToken = o.value(QStringLiteral("SessionToken")).toString();
    if (out.accessKeyId.isEmpty() || out.secretAccessKey.isEmpty())
        return makeError(QStringLiteral("credential_process gave no AccessKeyId or SecretAccessKey"), where);
    const QJsonValue expiration = o.value(QStringLiteral("Expiration"));
    if (!expiration.isUndefined() && !expiration.isNull()) {
        out.expiration = parseIsoTime(expiration.toString());
        if (!out.expiration)
            return makeError(QStringLiteral("credential_process gave an Expiration that is not ISO 8601"),
                             where);
    }
    return out;
}

Result<AwsCredentials> runCredentialProcess(const QString &command, int timeoutMs)
{
    ZS_TRY(const QStringList words, splitAwsCommandLine(command));
    // Name the program only: arguments may carry a role or token name the user did not mean to show.
    const QString where = QStringLiteral("credential_process %1").arg(words.first());
    QProcess process;
    process.setProgram(words.first());
    process.setArguments(words.mid(1));
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(timeoutMs))
        return makeError(QStringLiteral("credential_process could not start: %1").arg(process.errorString()),
                         where);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return makeError(QStringLiteral("credential_process timed out after %1 ms").arg(timeoutMs), where);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString firstLine =
            QString::fromUtf8(process.readAllStandardError()).trimmed().section(u'\n', 0, 0).left(200);
        const QString how = process.exitStatus() != QProcess::NormalExit
                                ? QStringLiteral("crashed")
                                : QStringLiteral("exited with %1").arg(process.exitCode());
        return makeError(firstLine.isEmpty()
                             ? QStringLiteral("credential_process %1").arg(how)
                             : QStringLiteral("credential_process %1: %2").arg(how, firstLine),
                         where);
    }
    return parseCredentialProcessOutput(process.readAllStandardOutput(), where);
}

} // namespace zs
