// Zarr v2 conformance against the real zarr-python 2.13: make_v2_fixtures.py writes stores
// and, for each selection, what zarr-python itself reads (.npy). The core must read the same
// dtype, shape and bytes, with one chunk at a time and with 64 at once.

#include "NpyFile.h"

#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "selection/Selection.h"
#include "store/StoreFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace zs;

class TestConformanceV2 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonObject m_manifest;
    std::map<QString, std::shared_ptr<Store>> m_stores;

    QString fixture(const QString &rel) const { return m_dir.filePath(rel); }

    std::shared_ptr<Store> store(const QString &rel)
    {
        auto it = m_stores.find(rel);
        if (it != m_stores.end()) return it->second;
        auto s = openStore(fixture(rel));
        if (!s) return nullptr;
        m_stores[rel] = *s;
        return *s;
    }

    static nlohmann::json toNlohmann(const QJsonValue &v)
    {
        const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
        return nlohmann::json::parse(doc.toJson(QJsonDocument::Compact).toStdString());
    }

    static Shape toShape(const QJsonValue &v)
    {
        Shape s;
        for (const auto &d : v.toArray())
            s.push_back(std::uint64_t(d.toDouble()));
        return s;
    }

    // The chunks a selection touches, counted independently of the core's planner.
    static std::uint64_t touchedChunks(const Selection &sel, const Shape &chunks)
    {
        std::uint64_t n = 1;
        for (std::size_t d = 0; d < sel.dims.size(); ++d) {
            std::set<std::uint64_t> ids;
            for (std::uint64_t k = 0; k < sel.dims[d].count; ++k)
                ids.insert((sel.dims[d].start + k * sel.dims[d].step) / chunks[d]);
            n *= ids.size();
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
        const QString python = QStringLiteral(ZS_DEBIAN_PYTHON);
        QVERIFY2(!python.isEmpty() && QFileInfo(python).isExecutable(),
                 "Debian's /usr/bin/python3 (with python3-zarr) is required: run scripts' set-up first");
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(python,
                  {QStringLiteral(ZS_SOURCE_DIR "/tests/conformance/make_v2_fixtures.py"), m_dir.path()});
        QVERIFY2(gen.waitForFinished(120000), "fixture generator did not finish");
        const QByteArray log = gen.readAll();
        QVERIFY2(gen.exitStatus() == QProcess::NormalExit && gen.exitCode() == 0,
                 qPrintable(QStringLiteral("make_v2_fixtures.py failed (is python3-zarr installed?):\n") +
                            QString::fromUtf8(log)));
        QFile f(fixture(QStringLiteral("manifest.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError err;
        m_manifest = QJsonDocument::fromJson(f.readAll(), &err).object();
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        QVERIFY(m_manifest.value(QStringLiteral("reads")).toArray().size() > 100);
        qInfo("%s", log.trimmed().constData());
    }

    void read_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("expected");
        for (const auto &v : m_manifest.value(QStringLiteral("reads")).toArray()) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%s", qPrintable(o[QStringLiteral("id")].toString()))
                << o[QStringLiteral("store")].toString() << o[QStringLiteral("array")].toString()
                << o[QStringLiteral("select")].toString() << o[QStringLiteral("expected")].toString();
        }
    }

    void read()
    {
        QFETCH(QString, store);
        QFETCH(QString, array);
        QFETCH(QString, select);
        QFETCH(QString, expected);

        QString npyError;
        const auto want = zstest::readNpy(fixture(expected), &npyError);
        QVERIFY2(want, qPrintable(npyError));
        QVERIFY(!want->fortranOrder);

        auto s = this->store(store);
        QVERIFY2(s, "cannot open store");
        auto node = loadNode(*s, array);
        QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
        QVERIFY(node->isArray());
        const ArrayMetadata &meta = *node->array;
        auto sel = parseSelection(select, meta.shape);
        QVERIFY2(sel, qPrintable(sel ? QString() : sel.error().toString()));

        for (int concurrency : {1, 64}) {
            // The store's limiter decides how many reads run: 1 is a sequential read.
            auto limited = openStore(s->location(), StoreOptions::limitedTo(concurrency));
            QVERIFY(limited);
            ReadStats stats;
            auto got = readSelection(*limited, array, meta, *sel, ReadOptions{}, &stats);
            QVERIFY2(got, qPrintable(QStringLiteral("concurrency %1: %2")
                                         .arg(concurrency)
                                         .arg(got ? QString() : got.error().toString())));
            QCOMPARE(got->dtype.numpyTypeString(), want->descr);
            QCOMPARE(got->shape, want->shape);
            QCOMPARE(std::uint64_t(got->data.size()), got->elementCount() * got->dtype.size);
            if (got->data != want->data) {
                // Say where the first difference is, for debugging.
                qsizetype i = 0;
                while (i < got->data.size() && i < want->data.size() && got->data[i] == want->data[i])
                    ++i;
                QFAIL(qPrintable(
                    QStringLiteral(
                        "concurrency %1: bytes differ at offset %2 of %3 (element %4): got %5, want %6")
                        .arg(concurrency)
                        .arg(i)
                        .arg(want->data.size())
                        .arg(i / qsizetype(got->dtype.size))
                        .arg(QString::fromLatin1(
                                 got->data.mid(i - i % got->dtype.size, got->dtype.size).toHex()),
                             QString::fromLatin1(
                                 want->data.mid(i - i % got->dtype.size, got->dtype.size).toHex()))));
            }
            // Only the chunks the selection touches are read, each once.
            const std::uint64_t touched = touchedChunks(*sel, meta.chunks);
            QCOMPARE(stats.chunks, touched);
            QCOMPARE(stats.requests, touched);
            const auto running = (*limited)->limiterStats();
            QVERIFY(running);
            QVERIFY(running->maxRunning <= concurrency);
            QVERIFY(stats.missing <= touched);
            if (concurrency == 1 && touched > 0) QCOMPARE(running->maxRunning, 1);
        }
    }

    void listing_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<bool>("consolidated");
        QTest::addColumn<QJsonArray>("nodes");
        for (const auto &v : m_manifest.value(QStringLiteral("listings")).toArray()) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%s", qPrintable(o[QStringLiteral("store")].toString()))
                << o[QStringLiteral("store")].toString() << o[QStringLiteral("consolidated")].toBool()
                << o[QStringLiteral("nodes")].toArray();
        }
    }

    void listing()
    {
        QFETCH(QString, store);
        QFETCH(bool, consolidated);
        QFETCH(QJsonArray, nodes);
        auto s = openStore(fixture(store));
        QVERIFY(s);

        auto cons = loadConsolidated(**s);
        QVERIFY2(cons, qPrintable(cons ? QString() : cons.error().toString()));
        QCOMPARE(cons->has_value(), consolidated);

        auto got = listNodes(**s);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().toString()));
        QStringList gotPaths, wantPaths;
        for (const auto &n : *got)
            gotPaths << n.path;
        for (const auto &v : nodes)
            wantPaths << v.toObject()[QStringLiteral("path")].toString();
        QCOMPARE(gotPaths, wantPaths); // sorted by path, root ("") first, as zarr-python lists them

        for (qsizetype i = 0; i < nodes.size(); ++i) {
            const QJsonObject want = nodes[i].toObject();
            const NodeMetadata &n = (*got)[std::size_t(i)];
            const bool isArray = want[QStringLiteral("kind")].toString() == u"array";
            QCOMPARE(n.isArray(), isArray);
            QCOMPARE(n.zarrFormat, 2);
            QVERIFY2(n.attributes == toNlohmann(want[QStringLiteral("attrs")]),
                     qPrintable(
                         QStringLiteral("%1: attributes %2, zarr-python has %3")
                             .arg(n.path, QString::fromStdString(n.attributes.dump()),
                                  QString::fromStdString(toNlohmann(want[QStringLiteral("attrs")]).dump()))));
            if (isArray) {
                QVERIFY(n.array.has_value());
                QCOMPARE(n.array->shape, toShape(want[QStringLiteral("shape")]));
                QCOMPARE(n.array->chunks, toShape(want[QStringLiteral("chunks")]));
                QCOMPARE(n.array->dtype.numpyTypeString(), want[QStringLiteral("dtype")].toString());
            }
        }
    }

    void errors_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("contains");
        for (const auto &v : m_manifest.value(QStringLiteral("errors")).toArray()) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%s", qPrintable(o[QStringLiteral("id")].toString()))
                << o[QStringLiteral("store")].toString() << o[QStringLiteral("array")].toString()
                << o[QStringLiteral("select")].toString() << o[QStringLiteral("contains")].toString();
        }
    }

    // Broken or unsupported input fails with a message that says what, never a crash or garbage.
    void errors()
    {
        QFETCH(QString, store);
        QFETCH(QString, array);
        QFETCH(QString, select);
        QFETCH(QString, contains);
        auto s = openStore(fixture(store));
        QVERIFY(s);
        QString message;
        auto node = loadNode(**s, array);
        if (!node) {
            message = node.error().toString();
        } else {
            QVERIFY(node->isArray());
            auto sel = parseSelection(select, node->array->shape);
            QVERIFY(sel);
            for (int concurrency : {1, 64}) {
                auto limited = openStore(fixture(store), StoreOptions::limitedTo(concurrency));
                QVERIFY(limited);
                auto got = readSelection(*limited, array, *node->array, *sel);
                QVERIFY2(!got, "a broken array read without error");
                QVERIFY(message.isEmpty() || message == got.error().toString());
                message = got.error().toString();
            }
        }
        qInfo("%s", qPrintable(message));
        QVERIFY(!message.trimmed().isEmpty());
        QVERIFY2(message.contains(contains, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"").arg(message, contains)));
    }

    // The same array through a file:// URL and a plain path.
    void fileUrl()
    {
        const QString path = fixture(QStringLiteral("stores/layout.zarr"));
        auto a = openStore(path);
        auto b = openStore(QUrl::fromLocalFile(path).toString());
        QVERIFY(a && b);
        auto na = loadNode(**a, QStringLiteral("d3"));
        auto nb = loadNode(**b, QStringLiteral("d3"));
        QVERIFY(na && nb);
        const Selection all = Selection::all(na->array->shape);
        auto ra = readSelection(*a, QStringLiteral("d3"), *na->array, all);
        auto rb = readSelection(*b, QStringLiteral("d3"), *nb->array, all);
        QVERIFY(ra && rb);
        QCOMPARE(ra->data.size(), qsizetype(9 * 10 * 11 * 4));
        QCOMPARE(ra->data, rb->data);
    }
};

QTEST_GUILESS_MAIN(TestConformanceV2)
#include "tst_conformance_v2.moc"
