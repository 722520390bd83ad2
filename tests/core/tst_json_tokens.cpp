// The NaN / Infinity / -Infinity tokens Python's json module writes: read as floats wherever they
// stand outside strings, left alone inside strings, and written back as the same tokens. Cases
// are checked against Python's own json module (Debian's python3), the writer of these files.

#include "metadata/Json.h"
#include "metadata/JsonNonFinite.h"

#include <QProcess>
#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

using nlohmann::json;

class TestJsonTokens : public QObject
{
    Q_OBJECT

    // Python's reading of `text`, re-dumped with its defaults (which write the tokens back).
    static QByteArray pythonRoundTrip(const QByteArray &text)
    {
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON),
                {QStringLiteral("-c"),
                 QStringLiteral(
                     "import json,sys; sys.stdout.buffer.write(json.dumps(json.loads(sys.stdin.read()), "
                     "sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode())")});
        p.write(text);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return p.exitCode() == 0 ? p.readAllStandardOutput()
                                 : QByteArray("python refused: ") + p.readAllStandardError();
    }

private Q_SLOTS:
    void sameAsPython_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("attrs") << QByteArray(
            R"({"valid_max": NaN, "valid_min": -Infinity, "top": Infinity})");
        QTest::addRow("list") << QByteArray("[NaN,-Infinity,1.5,Infinity, -2]");
        QTest::addRow("strings-untouched")
            << QByteArray("{\"a\": \"NaN\", \"b\": \"x\\\"NaN\", \"c\": [\"-Infinity\"], \"NaN\": 1}");
        QTest::addRow("escaped-backslash") << QByteArray("{\"p\": \"C:\\\\\", \"v\": NaN}");
        QTest::addRow("nested") << QByteArray(
            R"({"metadata": {"t/.zattrs": {"m": [NaN, {"x": Infinity}]}}})");
        QTest::addRow("none") << QByteArray(R"({"shape": [1, 2], "dtype": "<f4"})");
        QTest::addRow("unicode") << QByteArray("{\"name\": \"\xc3\xa9t\xc3\xa9\", \"v\": NaN}");
    }

    void sameAsPython()
    {
        QFETCH(QByteArray, text);
        auto doc = zs::parseJsonDocument(text, QStringLiteral("case"));
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
        // Written back compactly with sorted keys, it is exactly what Python writes for it.
        QCOMPARE(QByteArray::fromStdString(zs::dumpJson(*doc)), pythonRoundTrip(text));
    }

    void valuesAreFloats()
    {
        auto doc =
            zs::parseJsonDocument(R"({"a": NaN, "b": [-Infinity], "c": "NaN"})", QStringLiteral("case"));
        QVERIFY(doc);
        QVERIFY((*doc)["a"].is_number_float() && std::isnan((*doc)["a"].get<double>()));
        QCOMPARE((*doc)["b"][0].get<double>(), -INFINITY);
        QVERIFY((*doc)["c"].is_string());
    }

    // Other bare words stay invalid, with where the parser stopped.
    void otherWordsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("nan-lowercase") << QByteArray(R"({"a": nan})");
        QTest::addRow("inf") << QByteArray(R"({"a": Inf})");
        QTest::addRow("truncated-token") << QByteArray(R"({"a": NaN)");
        QTest::addRow("double-minus") << QByteArray(R"({"a": --Infinity})");
    }

    void otherWordsAreRefused()
    {
        QFETCH(QByteArray, text);
        auto doc = zs::parseJsonDocument(text, QStringLiteral("x/.zattrs"));
        QVERIFY(!doc);
        QVERIFY2(doc.error().what.startsWith(QStringLiteral("invalid JSON at line 1")),
                 qPrintable(doc.error().toString()));
        QCOMPARE(doc.error().where, QStringLiteral("x/.zattrs"));
    }

    // A number no double holds is an error, not an exception escaping the parser (fuzz_metadata).
    void hugeNumberIsAnError()
    {
        auto doc = zs::parseJsonDocument(R"({"shuffle": 3E3333, "v": NaN})", QStringLiteral("x/.zarray"));
        QVERIFY(!doc);
        QVERIFY2(doc.error().what.startsWith(QStringLiteral("invalid JSON")),
                 qPrintable(doc.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestJsonTokens)
#include "tst_json_tokens.moc"
