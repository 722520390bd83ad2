// Zarr v3 conformance. initTestCase writes the fixtures with our own v3 generator
// (make_v3_fixtures.py, numpy + numcodecs under Debian's python3); then
//  - readWithCore:   the core reads every manifest entry (whole arrays and selections)
//                    and must return exactly the expected .npy (shape, dtype, bytes);
//  - zarritaAgrees:  zarrita, an independent v3 reader, reads the same stores and must
//                    return the same arrays, so the generator itself is checked;
//  - listNodes:      the walked store and the consolidated store list the expected nodes.

#include "NpyFile.h"
#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "selection/Selection.h"
#include "store/StoreFactory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

namespace {

// QVERIFY2 evaluates its message even when the check passes: never call error() on a good Result there.
template <typename T> QByteArray why(const zs::Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toLocal8Bit();
}

QString describeShape(const std::vector<std::uint64_t> &shape)
{
    QStringList parts;
    for (auto d : shape)
        parts << QString::number(d);
    return u'(' + parts.join(u", ") + u')';
}

QJsonValue toQJson(const nlohmann::json &j)
{
    const QByteArray text = QByteArray::fromStdString(nlohmann::json::array({j}).dump());
    return QJsonDocument::fromJson(text).array().at(0);
}

// Element-wise equality where any NaN equals any NaN (zarrita writes canonical NaNs;
// our generator may use NaN payloads). Returns the index of the first mismatch, or -1.
qint64 firstFloatMismatch(const QByteArray &a, const QByteArray &b, int width)
{
    const qint64 n = a.size() / width;
    for (qint64 i = 0; i < n; ++i) {
        const char *x = a.constData() + i * width;
        const char *y = b.constData() + i * width;
        if (std::memcmp(x, y, width) == 0) continue;
        bool equal = false;
        if (width == 8) {
            double u, v;
            std::memcpy(&u, x, 8);
            std::memcpy(&v, y, 8);
            equal = (std::isnan(u) && std::isnan(v)) || u == v;
        } else if (width == 4) {
            float u, v;
            std::memcpy(&u, x, 4);
            std::memcpy(&v, y, 4);
            equal = (std::isnan(u) && std::isnan(v)) || u == v;
        }
        if (!equal) return i;
    }
    return -1;
}

qint64 firstByteMismatch(const QByteArray &a, const QByteArray &b)
{
    const qint64 n = std::min(a.size(), b.size());
    for (qint64 i = 0; i < n; ++i)
        if (a[i] != b[i]) return i;
    return a.size() == b.size() ? -1 : n;
}

struct ZarritaRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString binPath;
};

} // namespace

class TstConformanceV3 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonArray m_entries;
    QJsonArray m_hierarchies;
    QHash<QString, ZarritaRun> m_zarrita; // by entry name

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
        const QString python = QStringLiteral(ZS_DEBIAN_PYTHON);
        QVERIFY2(
            QFileInfo(python).isExecutable(),
            "Debian's /usr/bin/python3 (with numpy and numcodecs) is required: run scripts/setup-deps.sh");

        QProcess gen;
        gen.setProcessChannelMode(QProcess::SeparateChannels);
        gen.start(python, {QStringLiteral(ZS_V3_GENERATOR), m_dir.path()});
        QVERIFY2(gen.waitForStarted(10000), qPrintable(QStringLiteral("cannot start %1").arg(python)));
        QVERIFY2(gen.waitForFinished(120000), "v3 fixture generator timed out");
        QVERIFY2(gen.exitStatus() == QProcess::NormalExit && gen.exitCode() == 0,
                 qPrintable(QStringLiteral("v3 fixture generator failed (exit %1):\n%2")
                                .arg(gen.exitCode())
                                .arg(QString::fromLocal8Bit(gen.readAllStandardError()))));

        QFile manifest(path(QStringLiteral("manifest.json")));
        QVERIFY2(manifest.open(QIODevice::ReadOnly), "generator wrote no manifest.json");
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(manifest.readAll(), &perr);
        QVERIFY2(doc.isObject(), qPrintable(perr.errorString()));
        m_entries = doc.object().value(QStringLiteral("entries")).toArray();
        m_hierarchies = doc.object().value(QStringLiteral("hierarchies")).toArray();
        QVERIFY2(m_entries.size() >= 60, "the manifest lists too few arrays");
        QCOMPARE(m_hierarchies.size(), 2);

        runZarrita();
    }

    // ------------------------------------------------------------ core reads

    void readWithCore_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QJsonValue>("dimensionNames");
        for (const QJsonValue v : m_entries) {
            const QJsonObject e = v.toObject();
            QTest::addRow("%s", qPrintable(e[u"name"].toString()))
                << e[u"store"].toString() << e[u"array"].toString() << e[u"select"].toString()
                << e[u"expected"].toString() << e[u"dimension_names"];
        }
    }

    void readWithCore()
    {
        QFETCH(QString, store);
        QFETCH(QString, array);
        QFETCH(QString, select);
        QFETCH(QString, expected);
        QFETCH(QJsonValue, dimensionNames);

        auto opened = zs::openStore(path(store));
        QVERIFY2(opened, why(opened).constData());
        std::shared_ptr<zs::Store> st = *opened;
        auto node = zs::loadNode(*st, array);
        QVERIFY2(node, why(node).constData());
        QVERIFY2(node->isArray(), "node is not an array");
        QCOMPARE(node->zarrFormat, 3);
        const zs::ArrayMetadata &meta = *node->array;

        if (dimensionNames.isArray()) {
            QStringList want;
            for (const QJsonValue n : dimensionNames.toArray())
                want << (n.isNull() ? QString() : n.toString());
            QCOMPARE(meta.dimensionNames, want);
        } else {
            QVERIFY(meta.dimensionNames.isEmpty());
        }

        QString err;
        const auto npy = zstest::readNpy(path(expected), &err);
        QVERIFY2(npy, qPrintable(err));

        auto sel = zs::parseSelection(select, meta.shape);
        QVERIFY2(sel, why(sel).constData());
        // Sequential and concurrent reads must agree with the expectation.
        for (int concurrency : {1, 64}) {
            auto limited = zs::openStore(path(store), zs::StoreOptions::limitedTo(concurrency));
            QVERIFY2(limited, why(limited).constData());
            auto result = zs::readSelection(*limited, array, meta, *sel);
            QVERIFY2(result, why(result).constData());
            QCOMPARE(describeShape(result->shape), describeShape(npy->shape));
            QCOMPARE(result->dtype.numpyTypeString(), npy->descr);
            const qint64 at = firstByteMismatch(result->data, npy->data);
            QVERIFY2(at < 0, qPrintable(QStringLiteral(
                                            "concurrency %1: bytes differ at offset %2 (element %3) of %4; "
                                            "got %5, expected %6")
                                            .arg(concurrency)
                                            .arg(at)
                                            .arg(at / qint64(result->dtype.size))
                                            .arg(npy->data.size())
                                            .arg(QString::fromLatin1(result->data.mid(at, 16).toHex()))
                                            .arg(QString::fromLatin1(npy->data.mid(at, 16).toHex()))));
        }
    }

    // ------------------------------------------------------------ zarrita cross-check of the generator

    void zarritaAgrees_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        for (const QJsonValue v : m_entries) {
            const QJsonObject e = v.toObject();
            if (e[u"zarrita"].toBool())
                QTest::addRow("%s", qPrintable(e[u"name"].toString()))
                    << e[u"name"].toString() << e[u"expected"].toString();
        }
    }

    void zarritaAgrees()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QVERIFY2(m_zarrita.contains(name), "zarrita did not run for this entry");
        const ZarritaRun &run = m_zarrita[name];
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("zarrita failed (exit %1): %2")
                                                   .arg(run.exitCode)
                                                   .arg(QString::fromLocal8Bit(run.err))));
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QString err;
        const auto npy = zstest::readNpy(path(expected), &err);
        QVERIFY2(npy, qPrintable(err));
        std::vector<std::uint64_t> shape;
        for (const QJsonValue d : info[u"shape"].toArray())
            shape.push_back(std::uint64_t(d.toDouble()));
        QCOMPARE(describeShape(shape), describeShape(npy->shape));

        QFile bin(run.binPath);
        QVERIFY(bin.open(QIODevice::ReadOnly));
        const QByteArray got = bin.readAll();
        QCOMPARE(got.size(), npy->data.size());
        const QChar kind = npy->descr.at(1);
        const int width = npy->descr.mid(2).toInt();
        qint64 at;
        if (kind == u'f')
            at = firstFloatMismatch(got, npy->data, width);
        else
            at = firstByteMismatch(got, npy->data);
        QVERIFY2(at < 0, qPrintable(QStringLiteral("zarrita and the generator's expectation differ at %1 %2")
                                        .arg(kind == u'f' ? "element" : "byte")
                                        .arg(at)));
    }

    // Every codec the generator writes is read back by zarrita in at least one array,
    // so no codec encoder of ours goes unchecked by an independent reader.
    void zarritaCoversEveryCodec()
    {
        QSet<QString> checked, written;
        std::function<void(const QJsonArray &, QSet<QString> &)> collect = [&](const QJsonArray &codecs,
                                                                               QSet<QString> &into) {
            for (const QJsonValue c : codecs) {
                const QJsonObject o = c.toObject();
                into.insert(o[u"name"].toString());
                if (o[u"name"].toString() == u"sharding_indexed") {
                    collect(o[u"configuration"].toObject()[u"codecs"].toArray(), into);
                    collect(o[u"configuration"].toObject()[u"index_codecs"].toArray(), into);
                }
                if (o[u"name"].toString() == u"blosc")
                    into.insert(QStringLiteral("blosc-") +
                                o[u"configuration"].toObject()[u"shuffle"].toString());
            }
        };
        int zarritaCount = 0;
        for (const QJsonValue v : m_entries) {
            const QJsonObject e = v.toObject();
            QFile f(
                path(e[u"store"].toString() + u'/' + e[u"array"].toString() + QStringLiteral("/zarr.json")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonArray codecs = QJsonDocument::fromJson(f.readAll()).object()[u"codecs"].toArray();
            collect(codecs, written);
            if (e[u"zarrita"].toBool()) {
                collect(codecs, checked);
                ++zarritaCount;
            }
        }
        QVERIFY2(zarritaCount >= 45,
                 qPrintable(QStringLiteral("only %1 arrays are cross-checked").arg(zarritaCount)));
        const QSet<QString> unchecked = written - checked;
        QVERIFY2(unchecked.isEmpty(), qPrintable(QStringLiteral("codecs never read by zarrita: %1")
                                                     .arg(QStringList(unchecked.values()).join(u", "))));
        for (const char *name : {"bytes", "transpose", "blosc", "gzip", "zstd", "crc32c", "sharding_indexed",
                                 "blosc-noshuffle", "blosc-shuffle", "blosc-bitshuffle"})
            QVERIFY2(checked.contains(QLatin1String(name)), name);
    }

    // ------------------------------------------------------------ hierarchy

    void listNodes_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<bool>("consolidated");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QJsonObject>("nodes");
        for (const QJsonValue v : m_hierarchies) {
            const QJsonObject h = v.toObject();
            QStringList paths;
            for (const QJsonValue p : h[u"paths"].toArray())
                paths << p.toString();
            QTest::addRow("%s", qPrintable(h[u"store"].toString()))
                << h[u"store"].toString() << h[u"consolidated"].toBool() << paths << h[u"nodes"].toObject();
        }
    }

    void listNodes()
    {
        QFETCH(QString, store);
        QFETCH(bool, consolidated);
        QFETCH(QStringList, paths);
        QFETCH(QJsonObject, nodes);

        auto opened = zs::openStore(path(store));
        QVERIFY2(opened, why(opened).constData());
        auto cons = zs::loadConsolidated(**opened);
        QVERIFY2(cons, why(cons).constData());
        QCOMPARE(cons->has_value(), consolidated);

        auto listed = zs::listNodes(**opened);
        QVERIFY2(listed, why(listed).constData());
        QStringList got;
        for (const zs::NodeMetadata &n : *listed)
            got << n.path;
        QCOMPARE(got, paths); // sorted, root first; the consolidated store's "added_later" is not listed
        for (const zs::NodeMetadata &n : *listed) {
            const QJsonObject want = nodes[n.path].toObject();
            QCOMPARE(n.isArray() ? QStringLiteral("array") : QStringLiteral("group"),
                     want[u"kind"].toString());
            QCOMPARE(n.zarrFormat, 3);
            QCOMPARE(toQJson(n.attributes), want[u"attributes"]);
            if (n.isArray()) {
                // The listed metadata is the same as loading the node directly.
                auto direct = zs::loadNode(**opened, n.path);
                QVERIFY2(direct, why(direct).constData());
                QCOMPARE(describeShape(n.array->shape), describeShape(direct->array->shape));
                QCOMPARE(describeShape(n.array->chunks), describeShape(direct->array->chunks));
                QCOMPARE(n.array->dimensionNames, direct->array->dimensionNames);
            }
        }
    }

private:
    // Runs zarrita over every entry it can read, a few node processes at a time.
    void runZarrita()
    {
        const QString node = QStringLiteral(ZS_NODE);
        QVERIFY2(!node.isEmpty() && QFileInfo(node).isExecutable(), "node is required (ZS_NODE not found)");
        const QString jsDir = QStringLiteral(ZS_JS_DIR);
        QVERIFY2(QFileInfo::exists(jsDir + QStringLiteral("/node_modules/zarrita/package.json")),
                 "zarrita is not installed: run `npm ci` in tests/js (scripts/setup-deps.sh does)");
        const QString script = jsDir + QStringLiteral("/read_v3.mjs");
        QDir().mkpath(path(QStringLiteral("zarrita")));

        struct Pending
        {
            QString name;
            std::unique_ptr<QProcess> proc;
        };
        QList<QJsonObject> todo;
        for (const QJsonValue v : m_entries)
            if (v.toObject()[u"zarrita"].toBool()) todo << v.toObject();
        std::vector<Pending> running;
        auto finishOne = [&](Pending &p) {
            p.proc->waitForFinished(60000);
            ZarritaRun &r = m_zarrita[p.name];
            r.exitCode = p.proc->exitStatus() == QProcess::NormalExit ? p.proc->exitCode() : -1;
            r.out = p.proc->readAllStandardOutput();
            r.err = p.proc->readAllStandardError();
        };
        int k = 0;
        for (const QJsonObject &e : todo) {
            if (running.size() >= 4) {
                finishOne(running.front());
                running.erase(running.begin());
            }
            const QString name = e[u"name"].toString();
            const QString bin = path(QStringLiteral("zarrita/%1.bin").arg(k++));
            m_zarrita[name].binPath = bin;
            Pending p{name, std::make_unique<QProcess>()};
            p.proc->start(node, {script, path(e[u"store"].toString()), e[u"array"].toString(), bin});
            running.push_back(std::move(p));
        }
        for (Pending &p : running)
            finishOne(p);
    }
};

QTEST_GUILESS_MAIN(TstConformanceV3)
#include "tst_conformance_v3.moc"
