#pragma once
// Fault injection for tests: rules that make the server misbehave for chosen keys, the way
// real object stores and proxies do (throttling, 5xx, dropped connections, stalls, servers that
// ignore Range). Each rule fires for the first `times` matching requests (or always), counted
// per rule or per key, so "every chunk fails once, then succeeds" is one rule.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QString>
#include <optional>

namespace zs::server {

struct FaultRule
{
    enum class Kind
    {
        Status,      // answer `status` (503, 500, 429, 403, 408 ...), with Retry-After if set
        CutMidBody,  // full headers, half the body, then a hard reset (RST)
        ShortBody,   // full headers, the first three quarters of the body, then a clean close (FIN)
        Stall,       // full headers, then nothing for stallMs, then close
        IgnoreRange, // 200 with the whole object even when a Range was asked for
        Redirect,    // `status` (302 unless 301/303/307/308 given) to `location`
        LongBody,    // the head declares three quarters of the body, then all of it is sent and the
                     // connection closed: the client reads a well-formed but short answer
    };

    QString match; // a key ("arr/c/0/0", leading '/' optional) or a glob: * any run (also '/'), ? one char
    Kind kind = Kind::Status;
    int status = 503;      // Status and Redirect
    QByteArray retryAfter; // Status: Retry-After value, e.g. "1" (seconds); empty = no header
    QByteArray location;   // Redirect target; "{path}" is replaced by the request path ("/arr/c/0/0")
    int times = -1;        // fire for the first `times` matching requests; -1 = always
    bool perKey = false;   // count `times` separately for each key rather than for the rule
    int stallMs = 60000;   // Stall: how long to hold the connection before closing it

    static FaultRule withStatus(const QString &match, int status, int times = -1,
                                const QByteArray &retryAfter = {});
    static FaultRule of(const QString &match, Kind kind, int times = -1);
    static FaultRule redirectTo(const QString &match, const QByteArray &location, int times = -1,
                                int status = 302);
};

// The rules of one server. Thread-safe: a test may change rules while the server runs.
class FaultRules
{
public:
    void add(const FaultRule &rule);
    void clear();
    int size() const;
    // The rule to apply to this key (path without leading '/'), consuming one of its firings;
    // first matching rule that still has firings left wins.
    std::optional<FaultRule> take(const QString &key);
    // How many times rules have fired since the last clear().
    int fired() const;

    // {"rules": [{"match": "a/*", "kind": "status", "status": 503, "retry_after": "1",
    //   "times": 2, "per_key": true}, ...]} or just the array. Kinds: status, cut, short,
    // stall, ignore-range, redirect, long. Returns an error message, empty when fine.
    static QString parseJson(const QByteArray &json, QList<FaultRule> *out);

private:
    struct Entry
    {
        FaultRule rule;
        QRegularExpression pattern;
        int fired = 0;
        QHash<QString, int> firedPerKey;
    };
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
    int m_fired = 0;
};

} // namespace zs::server
