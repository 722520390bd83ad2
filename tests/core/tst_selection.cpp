// parseSelection against NumPy itself: for every row, Debian's python3 + numpy indexes
// np.arange(prod(shape)).reshape(shape) with the same text at test time, and the core's
// resolved selection must give the same result shape and the same elements in the same
// order (or fail where NumPy fails). Negative steps are valid NumPy that the core
// refuses by design (issue: positive steps); those rows expect that specific error.

#include "selection/Selection.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// QVERIFY2 evaluates its message even when the check passes: never call error() on a good Result there.
template <typename T> QByteArray why(const zs::Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toLocal8Bit();
}

struct Case
{
    const char *shape; // "10" / "4,5,6" / "" for 0-d
    const char *select;
    const char *phrase; // for rows where the core must fail: a phrase its error contains; nullptr otherwise
};

// Rows where NumPy succeeds are compared with NumPy; rows where NumPy fails must fail in
// the core too (phrase checked when given); "refused" rows are valid NumPy the core rejects.
const Case kCases[] = {
    // integers
    {"10", "3", nullptr},
    {"10", "0", nullptr},
    {"10", "9", nullptr},
    {"10", "-1", nullptr},
    {"10", "-10", nullptr},
    {"10", " 3 ", nullptr},
    {"10", "+3", nullptr},
    {"10", "3,", nullptr},
    {"10", "10", "out of bounds"},
    {"10", "-11", "out of bounds"},
    {"10", "9223372036854775807", "out of bounds"},
    {"10", "-9223372036854775808", "out of bounds"},
    // slices
    {"10", "", nullptr},
    {"10", ":", nullptr},
    {"10", "::", nullptr},
    {"10", "2:5", nullptr},
    {"10", "::3", nullptr},
    {"10", "1::3", nullptr},
    {"10", "-3:", nullptr},
    {"10", ":-3", nullptr},
    {"10", "-100:100", nullptr},
    {"10", "100:", nullptr},
    {"10", ":100", nullptr},
    {"10", "5:2", nullptr},
    {"10", "5:2:1", nullptr},
    {"10", "0:10:4", nullptr},
    {"10", "-4:-1:2", nullptr},
    {"10", "3:3", nullptr},
    {"10", "-1:-5", nullptr},
    {"10", "1:9:100", nullptr},
    {"10", "-10:-9", nullptr},
    {"10", "-11:2", nullptr},
    {"10", "0:9223372036854775807:9223372036854775807", nullptr},
    {"10", "-9223372036854775808:3", nullptr},
    {"10", " 1 : 8 : 3 ", nullptr},
    {"10", "::0", "step cannot be zero"},
    {"10", "1:5:0", "step cannot be zero"},
    // ellipsis
    {"10", "...", nullptr},
    {"10", "...,2", nullptr},
    {"10", "2,...", nullptr},
    {"10", "...,...", "single ellipsis"},
    // parse errors
    {"10", "a", "cannot parse"},
    {"10", "1.5", "cannot parse"},
    {"10", "1:2:3:4", "cannot parse"},
    {"10", "1:x", "cannot parse"},
    {"10", ",", nullptr /* NumPy: syntax error */},
    // too many indices
    {"10", "1,2", "too many indices"},
    {"10", "...,1,2", "too many indices"},
    // several dimensions
    {"4,5,6", "", nullptr},
    {"4,5,6", "1", nullptr},
    {"4,5,6", "1,2", nullptr},
    {"4,5,6", "1,2,3", nullptr},
    {"4,5,6", "-1,-2,-3", nullptr},
    {"4,5,6", "...,1", nullptr},
    {"4,5,6", "1,...,2", nullptr},
    {"4,5,6", "1:3,...,::2", nullptr},
    {"4,5,6", ":,:,:", nullptr},
    {"4,5,6", "...,::2,1", nullptr},
    {"4,5,6", ":,4", nullptr},
    {"4,5,6", "::-1", "negative slice steps"},
    {"4,5,6", "1,...,...", "single ellipsis"},
    {"4,5,6", "...,1,2,3", nullptr},
    {"4,5,6", "1,2,3,...", nullptr},
    {"4,5,6", "-3:,1:-1:2,5", nullptr},
    {"4,5,6", "0,0,0,0", "too many indices"},
    {"4,5,6", "1,,2", nullptr /* syntax error */},
    {"4,5,6", "4", "out of bounds"},
    {"4,5,6", "0,5", "out of bounds"},
    {"4,5,6", "0,0,6", "out of bounds"},
    {"4,5,6", "0,-6", "out of bounds"},
    {"4,5,6", "1:2,3:1,:", nullptr},
    // negative steps: valid NumPy, refused by the core
    {"10", "::-1", "negative slice steps"},
    {"10", "5:1:-1", "negative slice steps"},
    {"10", "::-3", "negative slice steps"},
    // 0-d and empty arrays
    {"", "", nullptr},
    {"", "...", nullptr},
    {"", "0", "too many indices"},
    {"", ":", "too many indices"},
    {"0,3", "", nullptr},
    {"0,3", ":", nullptr},
    {"0,3", "1:5", nullptr},
    {"0,3", "...,1", nullptr},
    {"0,3", "0", "out of bounds"},
    {"0,3", "-1", "out of bounds"},
    // a long dimension: bounds beyond 32 bits
    {"6000000000", "5999999999", nullptr},
    {"6000000000", "-6000000000", nullptr},
    {"6000000000", "5999999990::4", nullptr},
    {"6000000000", "-3:", nullptr},
};

QString rowName(const Case &c)
{
    return QStringLiteral("(%1)[%2]").arg(QLatin1String(c.shape), QLatin1String(c.select));
}

zs::Shape parseShape(const char *text)
{
    zs::Shape s;
    for (const QString &p : QString::fromLatin1(text).split(u',', Qt::SkipEmptyParts))
        s.push_back(p.toULongLong());
    return s;
}

// NumPy's answer for one case: ok + shape + elements (flat indices into the array), or an error.
struct NumpyResult
{
    bool ok = false;
    QString error;
    QList<qulonglong> shape;
    QList<qulonglong> values;
    qulonglong count = 0;
};

// Linear indices of the selected elements in C order (at most `limit`).
QList<qulonglong> enumerate(const zs::Selection &sel, const zs::Shape &shape, std::size_t limit)
{
    QList<qulonglong> out;
    const std::size_t rank = sel.dims.size();
    std::vector<std::uint64_t> stride(rank, 1);
    for (std::size_t d = rank; d-- > 1;)
        stride[d - 1] = stride[d] * shape[d];
    if (sel.elementCount() == 0) return out;
    std::vector<std::uint64_t> k(rank, 0);
    while (std::size_t(out.size()) < limit) {
        std::uint64_t linear = 0;
        for (std::size_t d = 0; d < rank; ++d)
            linear += (sel.dims[d].start + k[d] * sel.dims[d].step) * stride[d];
        out << linear;
        std::size_t d = rank;
        while (d-- > 0) {
            if (++k[d] < sel.dims[d].count) break;
            k[d] = 0;
        }
        if (d == std::size_t(-1)) break;
    }
    return out;
}

} // namespace

class TstSelection : public QObject
{
    Q_OBJECT

private:
    QHash<QString, NumpyResult> m_numpy;
    static constexpr int kMaxValues = 64;

private Q_SLOTS:
    void initTestCase()
    {
        const QString python = QStringLiteral(ZS_DEBIAN_PYTHON);
        QVERIFY2(QFileInfo(python).isExecutable(), "Debian's /usr/bin/python3 with numpy is required");
        // Small arrays: index np.arange(n).reshape(shape) itself. The one huge 1-d shape: index a
        // Python range, which follows the same rules for integers and slices without the memory.
        const char *script = R"PY(
import json, sys
import numpy as np
cases = json.load(sys.stdin)
out = []
for shape, sel in cases:
    try:
        shape = tuple(shape)
        key = eval("np.s_[" + sel + "]", {"np": np}) if sel.strip() else ()
        n = int(np.prod(shape, dtype=object))
        if n <= 10**6:
            r = np.asarray(np.arange(n, dtype=np.uint64).reshape(shape)[key])
            res = {"shape": list(r.shape), "count": int(r.size), "values": [int(v) for v in r.reshape(-1)[:64]]}
        else:
            assert len(shape) == 1 and not isinstance(key, tuple), "huge shapes: 1-d, one index"
            r = range(shape[0])[key]
            if isinstance(r, int):
                res = {"shape": [], "count": 1, "values": [r]}
            else:
                res = {"shape": [len(r)], "count": len(r), "values": list(r[:64])}
        res["ok"] = True
        out.append(res)
    except AssertionError:
        raise
    except Exception as e:  # IndexError, SyntaxError, TypeError, NameError, ValueError...
        out.append({"ok": False, "error": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout)
)PY";
        QJsonArray cases;
        for (const Case &c : kCases) {
            QJsonArray shape;
            for (auto d : parseShape(c.shape))
                shape << qint64(d);
            cases << QJsonArray{shape, QString::fromLatin1(c.select)};
        }
        QProcess py;
        py.start(python, {QStringLiteral("-c"), QString::fromLatin1(script)});
        QVERIFY(py.waitForStarted(10000));
        py.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
        py.closeWriteChannel();
        QVERIFY2(py.waitForFinished(60000), "numpy timed out");
        QVERIFY2(py.exitCode() == 0, qPrintable(QString::fromLocal8Bit(py.readAllStandardError())));
        const QJsonArray results = QJsonDocument::fromJson(py.readAllStandardOutput()).array();
        QCOMPARE(results.size(), qsizetype(std::size(kCases)));
        for (qsizetype i = 0; i < results.size(); ++i) {
            const QJsonObject o = results[i].toObject();
            NumpyResult r;
            r.ok = o[u"ok"].toBool();
            r.error = o[u"error"].toString();
            for (const QJsonValue &v : o[u"shape"].toArray())
                r.shape << qulonglong(v.toDouble());
            for (const QJsonValue &v : o[u"values"].toArray())
                r.values << qulonglong(v.toInteger());
            r.count = qulonglong(o[u"count"].toInteger());
            m_numpy.insert(rowName(kCases[i]), r);
        }
    }

    void againstNumpy_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("phrase");
        for (const Case &c : kCases)
            QTest::addRow("%s", qPrintable(rowName(c)))
                << QString::fromLatin1(c.shape) << QString::fromLatin1(c.select)
                << (c.phrase ? QString::fromLatin1(c.phrase) : QString());
    }

    void againstNumpy()
    {
        QFETCH(QString, shape);
        QFETCH(QString, select);
        QFETCH(QString, phrase);
        const zs::Shape dims = parseShape(shape.toLatin1().constData());
        const NumpyResult np = m_numpy.value(QStringLiteral("(%1)[%2]").arg(shape, select));
        const bool refusedByDesign = phrase.contains(u"negative slice steps");
        if (refusedByDesign)
            QVERIFY2(np.ok, "a negative-step row NumPy does not accept");
        else if (!phrase.isEmpty())
            QVERIFY2(!np.ok, "row expects an error that NumPy does not raise");

        auto sel = zs::parseSelection(select, dims);
        if (!np.ok || refusedByDesign) {
            QVERIFY2(!sel,
                     qPrintable(QStringLiteral("NumPy fails (%1) but the core accepts it").arg(np.error)));
            const QString message = sel.error().toString();
            if (!phrase.isEmpty())
                QVERIFY2(message.contains(phrase),
                         qPrintable(QStringLiteral("error \"%1\" does not say \"%2\"").arg(message, phrase)));
            QVERIFY2(message.contains(select.isEmpty() ? QStringLiteral("selection") : select),
                     qPrintable(QStringLiteral("error \"%1\" does not quote the selection").arg(message)));
            return;
        }
        QVERIFY2(sel, why(sel).constData());
        QCOMPARE(sel->dims.size(), dims.size());
        QList<qulonglong> gotShape;
        for (auto d : sel->resultShape())
            gotShape << d;
        QCOMPARE(gotShape, np.shape);
        QCOMPARE(qulonglong(sel->elementCount()), np.count);
        for (const auto &d : sel->dims) {
            QVERIFY(d.step >= 1);
            if (d.dropped) QCOMPARE(d.count, std::uint64_t(1));
        }
        for (std::size_t i = 0; i < dims.size(); ++i)
            if (sel->dims[i].count > 0)
                QVERIFY2(sel->dims[i].last() < dims[i], "selection reaches past the end of its axis");
        QCOMPARE(enumerate(*sel, dims, kMaxValues), np.values);
    }

    // Extents of 2^63 and more (NumPy cannot make them, so the expectations are worked out here):
    // negative indices and huge steps once overflowed (found by fuzz_selection).
    void hugeExtents_data()
    {
        QTest::addColumn<quint64>("extent");
        QTest::addColumn<QString>("select");
        QTest::addColumn<quint64>("start");
        QTest::addColumn<quint64>("step");
        QTest::addColumn<quint64>("count");
        const quint64 top = ~quint64(0), half = quint64(1) << 63;
        QTest::addRow("-2 of 2^63") << half << QStringLiteral("-2") << half - 2 << quint64(1) << quint64(1);
        QTest::addRow("-1 of 2^64-1") << top << QStringLiteral("-1") << top - 1 << quint64(1) << quint64(1);
        QTest::addRow("-(2^63) of 2^64-1")
            << top << QStringLiteral("-9223372036854775808") << top - half << quint64(1) << quint64(1);
        QTest::addRow("huge step") << top << QStringLiteral("::9223372036854775807") << quint64(0)
                                   << quint64(9223372036854775807ULL) << quint64(3);
        QTest::addRow("huge step from 1") << top << QStringLiteral("1::9223372036854775807") << quint64(1)
                                          << quint64(9223372036854775807ULL) << quint64(2);
        QTest::addRow("last two") << half << QStringLiteral("-2:") << half - 2 << quint64(1) << quint64(2);
    }
    void hugeExtents()
    {
        QFETCH(quint64, extent);
        QFETCH(QString, select);
        QFETCH(quint64, start);
        QFETCH(quint64, step);
        QFETCH(quint64, count);
        auto sel = zs::parseSelection(select, {extent});
        QVERIFY2(sel, qPrintable(sel ? QString() : sel.error().toString()));
        QCOMPARE(quint64(sel->dims[0].start), start);
        QCOMPARE(quint64(sel->dims[0].step), step);
        QCOMPARE(quint64(sel->dims[0].count), count);
        QVERIFY(sel->dims[0].last() < extent);
        QVERIFY(!zs::parseSelection(QStringLiteral("-9223372036854775808"), {quint64(5)}));
    }

    void selectAll()
    {
        const zs::Shape shape{3, 0, 7};
        const zs::Selection s = zs::Selection::all(shape);
        QCOMPARE(s.dims.size(), std::size_t(3));
        QCOMPARE(s.resultShape(), shape);
        QCOMPARE(s.elementCount(), std::uint64_t(0));
        const zs::Selection scalar = zs::Selection::all({});
        QCOMPARE(scalar.elementCount(), std::uint64_t(1));
        QVERIFY(scalar.resultShape().empty());
    }
};

QTEST_GUILESS_MAIN(TstSelection)
#include "tst_selection.moc"
