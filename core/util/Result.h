#pragma once
// Errors as values across the core API: every fallible call returns Result<T>.
// An Error names what went wrong and where (a key, path or JSON field), which is
// exactly what the CLI prints as "error: <what> (<where>)".

#include <QMetaType>
#include <QString>
#include <utility>
#include <variant>

namespace zs {

struct Error
{
    QString what;
    QString where;

    QString toString() const { return where.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, where); }
    // Adds context: inner code knows what (and which field), outer code knows which file or key.
    Error at(const QString &place) const
    {
        if (where.isEmpty()) return Error{what, place};
        if (where.contains(place)) return *this;
        return Error{what, place + QStringLiteral(": ") + where};
    }
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result() : m_value(Error{QStringLiteral("no result"), {}}) {}
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_value); }
    const T &value() const & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

struct Ok
{
};
using Status = Result<Ok>;

inline Error makeError(QString what, QString where = {})
{
    return Error{std::move(what), std::move(where)};
}

} // namespace zs

// Early-return helpers: ZS_TRY(var, expr) binds the value or returns the error.
#define ZS_CONCAT_INNER(a, b) a##b
#define ZS_CONCAT(a, b) ZS_CONCAT_INNER(a, b)
#define ZS_TRY(var, expr)                                                                                    \
    auto ZS_CONCAT(zs_tmp_, __LINE__) = (expr);                                                              \
    if (!ZS_CONCAT(zs_tmp_, __LINE__)) return ZS_CONCAT(zs_tmp_, __LINE__).error();                          \
    var = std::move(ZS_CONCAT(zs_tmp_, __LINE__)).value()
#define ZS_CHECK(expr)                                                                                       \
    do {                                                                                                     \
        auto zs_status_ = (expr);                                                                            \
        if (!zs_status_) return zs_status_.error();                                                          \
    } while (0)

// Errors cross threads and signals whole: what and where stay apart end to end.
Q_DECLARE_METATYPE(zs::Error)
