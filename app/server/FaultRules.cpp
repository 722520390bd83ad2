#include "FaultRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace zs::server {

namespace {

QString normalizeKey(QString key)
{
    while (key.startsWith(u'/'))
        key.remove(0, 1);
    return key;
}

// Our own glob rather than QRegularExpression::wildcardToRegularExpression: there '*' stops at
// '/', and "arr/*" must cover every chunk key below arr.
QRegularExpression globToRegex(const QString &glob)
{
    QString re = QStringLiteral("\\A");
    for (QChar c : glob) {
        if (c == u'*')
            re += QStringLiteral(".*");
        else if (c == u'?')
            re += u'.';
        else
            re += QRegularExpression::escape(QString(c));
    }
    re += QStringLiteral("\\z");
    return QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption);
}

const QList<QPair<QString, FaultRule::Kind>> &kindNames()
{
    static const QList<QPair<QString, FaultRule::Kind>> names = {
        {QStringLiteral("status"), FaultRule::Kind::Status},
        {QStringLiteral("cut"), FaultRule::Kind::CutMidBody},
        {QStringLiteral("short"), FaultRule::Kind::ShortBody},
        {QStringLiteral("stall"), FaultRule::Kind::Stall},
        {QStringLiteral("ignore-range"), FaultRule::Kind::IgnoreRange},
        {QStringLiteral("redirect"), FaultRule::Kind::Redirect},
        {QStringLiteral("long"), FaultRule::Kind::LongBody},
    };
    return names;
}

} // namespace

FaultRule FaultRule::withStatus(const QString &match, int status, int times, const QByteArray &retryAfter)
{
    FaultRule r;
    r.match = match;
    r.kind = Kind::Status;
    r.status = status;
    r.times = times;
    r.retryAfter = retryAfter;
    return r;
}

FaultRule FaultRule::of(const QString &match, Kind kind, int times)
{
    FaultRule r;
    r.match = match;
    r.kind = kind;
    r.times = times;
    return r;
}

FaultRule FaultRule::redirectTo(const QString &match, const QByteArray &location, int times, int status)
{
    FaultRule r;
    r.match = match;
    r.kind = Kind::Redirect;
    r.location = location;
    r.times = times;
    r.status = status;
    return r;
}

void FaultRules::add(const FaultRule &rule)
{
    QMutexLocker lock(&m_mutex);
    Entry e;
    e.rule = rule;
    e.rule.match = normalizeKey(rule.match);
    e.pattern = globToRegex(e.rule.match);
    m_entries.append(e);
}

void FaultRules::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
    m_fired = 0;
}

int FaultRules::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

int FaultRules::fired() const
{
    QMutexLocker lock(&m_mutex);
    return m_fired;
}

std::optional<FaultRule> FaultRules::take(const QString &rawKey)
{
    const QString key = normalizeKey(rawKey);
    QMutexLocker lock(&m_mutex);
    for (Entry &e : m_entries) {
        if (e.rule.match != key && !e.pattern.match(key).hasMatch()) continue;
        int &count = e.rule.perKey ? e.firedPerKey[key] : e.fired;
        if (e.rule.times >= 0 && count >= e.rule.times) continue;
        ++count;
        ++m_fired;
        return e.rule;
    }
    return std::nullopt;
}

QString FaultRules::parseJson(const QByteArray &json, QList<FaultRule> *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull()) return QStringLiteral("fault rules are not JSON: %1").arg(error.errorString());
    const QJsonArray rules = doc.isArray() ? doc.array() : doc.object().value(u"rules").toArray();
    for (const QJsonValue &v : rules) {
        const QJsonObject o = v.toObject();
        FaultRule r;
        r.match = o.value(u"match").toString();
        if (r.match.isEmpty()) return QStringLiteral("fault rule without \"match\"");
        const QString kind = o.value(u"kind").toString(QStringLiteral("status"));
        const auto it = std::find_if(kindNames().begin(), kindNames().end(),
                                     [&](const auto &p) { return p.first == kind; });
        if (it == kindNames().end()) return QStringLiteral("unknown fault kind \"%1\"").arg(kind);
        r.kind = it->second;
        r.status = o.value(u"status").toInt(r.kind == FaultRule::Kind::Redirect ? 302 : 503);
        const QJsonValue retry = o.value(u"retry_after");
        r.retryAfter = retry.isDouble() ? QByteArray::number(retry.toInt()) : retry.toString().toUtf8();
        r.location = o.value(u"location").toString().toUtf8();
        r.times = o.value(u"times").toInt(-1);
        r.perKey = o.value(u"per_key").toBool(false);
        r.stallMs = o.value(u"stall_ms").toInt(r.stallMs);
        if (r.kind == FaultRule::Kind::Redirect && r.location.isEmpty())
            return QStringLiteral("redirect rule without \"location\"");
        out->append(r);
    }
    return {};
}

} // namespace zs::server
