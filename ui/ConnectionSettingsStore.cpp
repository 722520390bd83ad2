#include "ConnectionSettingsStore.h"

#include <QSettings>
#include <QUrl>
#include <memory>
#include <qt6keychain/keychain.h>

namespace zs {

namespace {

// QSettings reads '/' in a key as a subgroup and '\\' oddly: the location goes in percent-encoded.
QString groupOf(const QString &location)
{
    return QStringLiteral("connections/") + QString::fromLatin1(QUrl::toPercentEncoding(location));
}

QString keychainProblem(QKeychain::Error error, const QString &detail, const char *doing)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return ConnectionSettingsStore::tr("no keychain available: the header values are kept for this "
                                           "session only");
    return ConnectionSettingsStore::tr("the keychain could not %1 the header values (%2): they are kept "
                                       "for this session only")
        .arg(QLatin1String(doing), detail);
}

// Counts a batch of jobs down; the first problem is the one reported.
struct Batch
{
    int remaining = 0;
    QString problem;
    void note(const QString &p)
    {
        if (problem.isEmpty()) problem = p;
    }
};

} // namespace

// Jobs have no parent: the keychain backend (libsecret) calls back into a job when its D-Bus call
// ends, so a job deleted with a closing window would be used after it is freed. Each job deletes
// itself once finished (autoDelete); its connection to this object goes when this object does.
ConnectionSettingsStore::ConnectionSettingsStore(QObject *parent) : QObject(parent) {}

QString ConnectionSettingsStore::keychainKey(const QString &location, const QString &headerName)
{
    return location + QStringLiteral(" header ") + headerName;
}

ConnectionSettings ConnectionSettingsStore::readPlain(const QString &location) const
{
    QSettings settings;
    settings.beginGroup(groupOf(location));
    ConnectionSettings s;
    s.location = location;
    s.s3Profile = settings.value(QStringLiteral("s3Profile")).toString();
    s.s3Region = settings.value(QStringLiteral("s3Region")).toString();
    s.s3Endpoint = settings.value(QStringLiteral("s3Endpoint")).toString();
    s.anonymous = settings.value(QStringLiteral("anonymous"), false).toBool();
    s.s3RequesterPays = settings.value(QStringLiteral("s3RequesterPays"), false).toBool();
    s.gcsEndpoint = settings.value(QStringLiteral("gcsEndpoint")).toString();
    s.gcsKeyFile = settings.value(QStringLiteral("gcsKeyFile")).toString();
    const QHash<QString, QString> values = m_values.value(location);
    for (const QString &name : settings.value(QStringLiteral("headerNames")).toStringList())
        s.headers.append({name, values.value(name)});
    return s;
}

void ConnectionSettingsStore::writePlain(const ConnectionSettings &s) const
{
    QSettings settings;
    settings.remove(groupOf(s.location));
    if (s.isDefault()) return; // nothing kept for a store opened as it is
    settings.beginGroup(groupOf(s.location));
    settings.setValue(QStringLiteral("s3Profile"), s.s3Profile);
    settings.setValue(QStringLiteral("s3Region"), s.s3Region);
    settings.setValue(QStringLiteral("s3Endpoint"), s.s3Endpoint);
    settings.setValue(QStringLiteral("anonymous"), s.anonymous);
    settings.setValue(QStringLiteral("s3RequesterPays"), s.s3RequesterPays);
    settings.setValue(QStringLiteral("gcsEndpoint"), s.gcsEndpoint);
    settings.setValue(QStringLiteral("gcsKeyFile"), s.gcsKeyFile);
    QStringList names; // the names only: what a header is called is not the secret
    for (const HeaderSetting &h : s.headers)
        names << h.name;
    settings.setValue(QStringLiteral("headerNames"), names);
}

ConnectionSettings ConnectionSettingsStore::known(const QString &location) const
{
    return readPlain(location);
}

bool ConnectionSettingsStore::isComplete(const QString &location) const
{
    const QHash<QString, QString> values = m_values.value(location);
    for (const HeaderSetting &h : readPlain(location).headers)
        if (!values.contains(h.name)) return false;
    return true;
}

void ConnectionSettingsStore::load(const QString &location, QObject *context, const Loaded &done)
{
    const ConnectionSettings plain = readPlain(location);
    auto batch = std::make_shared<Batch>();
    QPointer<QObject> guard(context);
    auto finish = [this, location, batch, guard, done] {
        if (--batch->remaining > 0) return;
        if (guard) done(readPlain(location), batch->problem);
    };
    batch->remaining = 1; // held until every job started, so none finishes the batch early
    for (const HeaderSetting &h : plain.headers) {
        if (m_values.value(location).contains(h.name)) continue; // read or typed this session
        auto *job = new QKeychain::ReadPasswordJob(QLatin1String(kService));
        job->setInsecureFallback(false);
        job->setKey(keychainKey(location, h.name));
        ++batch->remaining;
        connect(job, &QKeychain::Job::finished, this, [this, job, location, name = h.name, batch, finish] {
            if (job->error() == QKeychain::NoError)
                m_values[location][name] = job->textData();
            else if (job->error() != QKeychain::EntryNotFound)
                batch->note(keychainProblem(job->error(), job->errorString(), "read"));
            finish();
        });
        job->start();
    }
    finish();
}

void ConnectionSettingsStore::save(const ConnectionSettings &s, QObject *context, const Saved &done)
{
    const ConnectionSettings before = readPlain(s.location);
    writePlain(s);
    QHash<QString, QString> &values = m_values[s.location];
    values.clear();
    for (const HeaderSetting &h : s.headers)
        values.insert(h.name, h.value);

    auto batch = std::make_shared<Batch>();
    QPointer<QObject> guard(context);
    auto finish = [batch, guard, done] {
        if (--batch->remaining > 0) return;
        if (guard) done(batch->problem);
    };
    batch->remaining = 1;
    auto track = [this, batch, finish](QKeychain::Job *job, const char *doing) {
        job->setInsecureFallback(false);
        ++batch->remaining;
        connect(job, &QKeychain::Job::finished, this, [job, batch, finish, doing] {
            const bool fine =
                job->error() == QKeychain::NoError || (qobject_cast<QKeychain::DeletePasswordJob *>(job) &&
                                                       job->error() == QKeychain::EntryNotFound);
            if (!fine) batch->note(keychainProblem(job->error(), job->errorString(), doing));
            finish();
        });
        job->start();
    };
    for (const HeaderSetting &h : s.headers) {
        auto *job = new QKeychain::WritePasswordJob(QLatin1String(kService));
        job->setKey(keychainKey(s.location, h.name));
        job->setTextData(h.value);
        track(job, "store");
    }
    for (const HeaderSetting &old : before.headers) {
        const bool kept = std::any_of(s.headers.begin(), s.headers.end(),
                                      [&](const HeaderSetting &h) { return h.name == old.name; });
        if (kept) continue;
        auto *job = new QKeychain::DeletePasswordJob(QLatin1String(kService));
        job->setKey(keychainKey(s.location, old.name));
        track(job, "remove");
    }
    finish();
}

} // namespace zs
