#include "PrivateCliSupport.h"

#include "FixtureScript.h"
#include "NpyFile.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace zstest {

namespace {

const QString kScript = QStringLiteral("tests/cli/make_private_fixtures.py");

QString problemOf(const QString &what, const QStringList &args, const CliRun &run)
{
    return what + u'\n' + describeRun(args, run);
}

// A run that must succeed and leak nothing: the problem, or empty.
QString checkRun(const PrivateTarget &target, const QStringList &args, const CliRun &run)
{
    if (run.crashed || run.code != 0) return problemOf(QStringLiteral("the command failed"), args, run);
    if (const QString secret = leakedSecret(run, target.secrets); !secret.isEmpty())
        return problemOf(QStringLiteral("a secret appears in the output: %1").arg(secret), args, run);
    return {};
}

QString sameNpy(const QString &got, const QString &want)
{
    QString error;
    const auto a = readNpy(got, &error);
    if (!a) return QStringLiteral("cannot read %1: %2").arg(got, error);
    const auto b = readNpy(want, &error);
    if (!b) return QStringLiteral("cannot read %1: %2").arg(want, error);
    if (a->descr != b->descr || a->shape != b->shape || a->data != b->data)
        return QStringLiteral("%1 (%2) differs from zarr-python's %3 (%4)")
            .arg(got, a->descr, want, b->descr);
    return {};
}

} // namespace

std::optional<PrivateFixture> writePrivateFixture(const QString &dir, QString *error)
{
    const auto expected = runFixtureScript(kScript, dir, QStringLiteral("python3-zarr"), 60000, error);
    if (!expected) return std::nullopt;
    PrivateFixture f{dir, QDir(dir).filePath(QStringLiteral("private.zarr")), {}};
    for (const auto &node : (*expected)["nodes"])
        f.nodes << QString::fromStdString(node.get<std::string>());
    return f;
}

QProcessEnvironment environmentWithoutCredentials(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys())
        if (name.startsWith(u"AWS_") || name.startsWith(u"AZURE_") || name.startsWith(u"GOOGLE_") ||
            name == u"NETRC")
            env.remove(name);
    env.insert(QStringLiteral("HOME"), home);
    return env;
}

bool writeTextFile(const QString &path, const QByteArray &text)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) return false;
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

CliRun runOn(const PrivateTarget &target, const QString &command, const QStringList &args)
{
    return runCliIn(QStringLiteral(ZS_CLI), QStringList{command, target.store} + args + target.options,
                    target.env);
}

QString leakedSecret(const CliRun &run, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        const QByteArray s = secret.toUtf8();
        if (!s.isEmpty() && (run.out.contains(s) || run.err.contains(s))) return secret;
    }
    return {};
}

QString readsEverything(const PrivateTarget &target, const PrivateFixture &fixture,
                        const QString &credentialWords, const QString &work)
{
    const auto run = [&](const QString &command, const QStringList &args, CliRun *r) {
        *r = runOn(target, command, args);
        return checkRun(target, QStringList{command, target.store} + args + target.options, *r);
    };
    CliRun r;
    if (QString p = run(QStringLiteral("ls"), {QStringLiteral("--json")}, &r); !p.isEmpty()) return p;
    QStringList paths;
    for (const auto &node : json::parse(r.out.toStdString(), nullptr, false))
        if (node.is_object()) paths << QString::fromStdString(node.value("path", std::string()));
    if (paths != fixture.nodes)
        return QStringLiteral("ls lists %1, not %2").arg(paths.join(u','), fixture.nodes.join(u','));

    if (QString p = run(QStringLiteral("info"), {QStringLiteral("a"), QStringLiteral("--json")}, &r);
        !p.isEmpty())
        return p;
    const json info = json::parse(r.out.toStdString(), nullptr, false);
    const QString credentials = QString::fromStdString(info.value("credentials", std::string()));
    if (!credentials.contains(credentialWords))
        return QStringLiteral("info says credentials \"%1\", not \"%2\"").arg(credentials, credentialWords);
    if (info.value("shape", json()) != json({12, 10})) return QStringLiteral("info: wrong shape");

    const QString npy = QDir(work).filePath(QStringLiteral("a.npy"));
    QFile::remove(npy);
    if (QString p = run(QStringLiteral("get"), {QStringLiteral("a"), QStringLiteral("-o"), npy}, &r);
        !p.isEmpty())
        return p;
    if (QString p = sameNpy(npy, QDir(fixture.dir).filePath(QStringLiteral("a.npy"))); !p.isEmpty()) return p;

    if (QString p = run(
            QStringLiteral("bench"),
            {QStringLiteral("a"), QStringLiteral("--mode"), QStringLiteral("both"), QStringLiteral("--json")},
            &r);
        !p.isEmpty())
        return p;
    const json bench = json::parse(r.out.toStdString(), nullptr, false);
    if (!bench.contains("sequential_s") || !bench.contains("concurrent_s"))
        return QStringLiteral("bench --json lacks a mode: %1").arg(QString::fromUtf8(r.out));

    const QString exported = QDir(work).filePath(QStringLiteral("export.zarr"));
    QDir(exported).removeRecursively();
    if (QString p = run(QStringLiteral("export"), {QStringLiteral("a"), QStringLiteral("-o"), exported}, &r);
        !p.isEmpty())
        return p;
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral(ZS_DEBIAN_PYTHON), {QStringLiteral(ZS_SOURCE_DIR "/") + kScript,
                                                   QStringLiteral("--check-export"), exported, fixture.dir});
    if (!check.waitForFinished(60000) || check.exitStatus() != QProcess::NormalExit || check.exitCode() != 0)
        return QStringLiteral("zarr-python does not read the export as written: ") +
               QString::fromUtf8(check.readAll());
    return {};
}

QString failsClearly(const PrivateTarget &target, const QString &words, QString *line)
{
    const QStringList args{QStringLiteral("a"), QStringLiteral("-o"), QStringLiteral("/dev/null")};
    const CliRun r = runOn(target, QStringLiteral("get"), args);
    const QStringList shown = QStringList{QStringLiteral("get"), target.store} + args + target.options;
    const QString err = QString::fromUtf8(r.err);
    if (line) *line = err.trimmed();
    if (r.crashed || r.code != 2) return problemOf(QStringLiteral("want exit 2"), shown, r);
    if (!err.startsWith(u"error: ") || err.count(u'\n') != 1)
        return problemOf(QStringLiteral("want one \"error: \" line"), shown, r);
    if (!err.contains(words))
        return problemOf(QStringLiteral("the error does not say \"%1\"").arg(words), shown, r);
    if (const QString secret = leakedSecret(r, target.secrets); !secret.isEmpty())
        return problemOf(QStringLiteral("a secret appears in the output: %1").arg(secret), shown, r);
    return {};
}

} // namespace zstest
