// Issue 19, the CLI on OME-Zarr stores real writers make at test time (make_ome_fixtures.py):
// 0.5 images by @fideus-labs/ngff-zarr, 0.4/0.3 images, a label image and a plate by zarr-python
// 2.13 with the specification's .zattrs. `info --json` "ome" is compared with what the writers
// wrote, `get --level N` with each level's values, `ls --json` marks; hostile stores end in errors
// naming the rule and the field. One store is read over HTTP as well as from disk.

#include "CliProcess.h"
#include "NpyFile.h"
#include "OmeFixtures.h"
#include "ServeProcess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using nlohmann::json;
using zstest::CliRun;

namespace {

QString q(const json &j)
{
    return QString::fromStdString(j.is_string() ? j.get<std::string>() : j.dump());
}

// The version a store's name says ("v05_yx" is 0.5), unless its entry says otherwise.
std::string versionOf(const std::string &name, const json &entry)
{
    if (entry.contains("version")) return entry["version"];
    return name.rfind("v05", 0) == 0 ? "0.5" : "0.4";
}

// The CLI's address of an image: the root as "/".
QString imageArg(const json &entry)
{
    const QString image = q(entry["image"]);
    return image.isEmpty() ? QStringLiteral("/") : image;
}

} // namespace

class TestOmeStores : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    json m_expected;
    zstest::ServeProcess m_server;

    CliRun cli(const QStringList &args) { return zstest::runCli(QStringLiteral(ZS_CLI), args); }
    QString storeDir(const json &entry) const { return m_dir.filePath(q(entry["dir"])); }

    json infoOme(const QString &store, const QString &path)
    {
        const QStringList args{QStringLiteral("info"), store, path, QStringLiteral("--json")};
        const CliRun run = cli(args);
        if (run.code != 0) {
            qWarning().noquote() << zstest::describeRun(args, run);
            return json();
        }
        return json::parse(run.out.toStdString())["ome"];
    }

    static void addStoreRows()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("overHttp");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        auto expected = zstest::writeOmeFixtures(m_dir.path(), &error);
        QVERIFY2(expected, qPrintable(error));
        m_expected = std::move(*expected);
        QVERIFY(m_expected["stores"].size() >= 10);
        QVERIFY2(m_server.start(m_dir.path(), {}), qPrintable(m_server.problem()));
    }

    // Every image: the "ome" object of info --json says what the writer wrote.
    void infoDescribesImage_data()
    {
        addStoreRows();
        for (const auto &[name, entry] : m_expected["stores"].items())
            QTest::addRow("%s", name.c_str()) << QString::fromStdString(name) << false;
        QTest::addRow("v05_czyx over HTTP") << QStringLiteral("v05_czyx") << true;
    }
    void infoDescribesImage()
    {
        QFETCH(QString, name);
        QFETCH(bool, overHttp);
        const json &entry = m_expected["stores"][name.toStdString()];
        const QString store = overHttp ? m_server.url() + u'/' + q(entry["dir"]) : storeDir(entry);
        const json ome = infoOme(store, imageArg(entry));
        QVERIFY2(ome.is_object(), qPrintable(q(ome)));
        QCOMPARE(q(ome["version"]), QString::fromStdString(versionOf(name.toStdString(), entry)));
        QCOMPARE(q(ome["kind"]), QStringLiteral("multiscales"));
        QCOMPARE(ome["axes"].size(), entry["axes"].size());
        for (std::size_t d = 0; d < entry["axes"].size(); ++d) {
            const json &want = entry["axes"][d];
            QCOMPARE(q(ome["axes"][d]["name"]), q(want["name"]));
            QCOMPARE(q(ome["axes"][d]["type"]),
                     want.contains("type") ? q(want["type"]) : QStringLiteral("null"));
            QCOMPARE(q(ome["axes"][d]["unit"]),
                     want.contains("unit") ? q(want["unit"]) : QStringLiteral("null"));
        }
        QCOMPARE(ome["levels"].size(), entry["levels"].size());
        for (std::size_t i = 0; i < entry["levels"].size(); ++i) {
            const json &got = ome["levels"][i];
            const json &want = entry["levels"][i];
            QCOMPARE(q(got["path"]), q(want["path"]));
            QCOMPARE(q(got["shape"]), q(want["shape"]));
            QCOMPARE(got["scale"].size(), want["scale"].size());
            for (std::size_t d = 0; d < want["scale"].size(); ++d)
                QCOMPARE(got["scale"][d].get<double>(), want["scale"][d].get<double>());
            QCOMPARE(got["translation"].is_null(), want["translation"].is_null());
            if (!want["translation"].is_null())
                for (std::size_t d = 0; d < want["translation"].size(); ++d)
                    QCOMPARE(got["translation"][d].get<double>(), want["translation"][d].get<double>());
        }
        QCOMPARE(ome["channels"].size(), entry["channels"].size());
        for (std::size_t c = 0; c < entry["channels"].size(); ++c) {
            const json &got = ome["channels"][c];
            const json &want = entry["channels"][c];
            QCOMPARE(q(got["label"]), q(want["label"]));
            QCOMPARE(q(got["color"]), q(want["color"]));
            QCOMPARE(q(got["active"]), q(want["active"]));
            for (const char *k : {"start", "end", "min", "max"})
                QCOMPARE(got["window"][k].get<double>(), want["window"][k].get<double>());
        }
        if (entry.contains("labels")) QCOMPARE(q(ome["labels"]), q(entry["labels"]));
        if (entry.contains("image_label_colors")) {
            json colors = json::array();
            for (const auto &c : ome["image_label"]["colors"])
                colors.push_back({c["label_value"], c["rgba"]});
            QCOMPARE(q(colors), q(entry["image_label_colors"]));
        }
    }

    // Every level of every image: get --level N gives the values the writer stored there.
    void getLevelReadsThatLevel_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("overHttp");
        for (const auto &[name, entry] : m_expected["stores"].items())
            for (int i = 0; i < int(entry["levels"].size()); ++i)
                if (entry["levels"][std::size_t(i)].contains("npy"))
                    QTest::addRow("%s level %d", name.c_str(), i)
                        << QString::fromStdString(name) << i << false;
        QTest::addRow("v05_yx level 2 over HTTP") << QStringLiteral("v05_yx") << 2 << true;
    }
    void getLevelReadsThatLevel()
    {
        QFETCH(QString, name);
        QFETCH(int, level);
        QFETCH(bool, overHttp);
        const json &entry = m_expected["stores"][name.toStdString()];
        const QString store = overHttp ? m_server.url() + u'/' + q(entry["dir"]) : storeDir(entry);
        const QString out =
            m_dir.filePath(QStringLiteral("got-%1-%2-%3.npy").arg(name).arg(level).arg(overHttp));
        const QStringList args{
            QStringLiteral("get"), store, imageArg(entry), QStringLiteral("--level"), QString::number(level),
            QStringLiteral("-o"),  out};
        const CliRun run = cli(args);
        QVERIFY2(run.code == 0, qPrintable(zstest::describeRun(args, run)));
        QString error;
        const auto got = zstest::readNpy(out, &error);
        QVERIFY2(got, qPrintable(error));
        const auto want =
            zstest::readNpy(m_dir.filePath(q(entry["levels"][std::size_t(level)]["npy"])), &error);
        QVERIFY2(want, qPrintable(error));
        QCOMPARE(got->descr, want->descr);
        QCOMPARE(got->shape, want->shape);
        QVERIFY2(got->data == want->data, "the level's values differ from the writer's");
    }

    void levelOutOfRange()
    {
        const json &entry = m_expected["stores"]["v04_yx"];
        const QStringList args{QStringLiteral("get"),
                               storeDir(entry),
                               QStringLiteral("/"),
                               QStringLiteral("--level"),
                               QStringLiteral("3"),
                               QStringLiteral("-o"),
                               m_dir.filePath(QStringLiteral("never.npy"))};
        const CliRun run = cli(args);
        QVERIFY2(run.code == 2 && !run.crashed, qPrintable(zstest::describeRun(args, run)));
        QVERIFY2(run.err.contains("no level 3: the image has levels 0-2"), run.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.npy"))));
    }

    // The plate's grid, its wells, their fields, and ls marking each OME group with its kind.
    void plateDescribed()
    {
        const json &plate = m_expected["plate"];
        const QString store = m_dir.filePath(q(plate["dir"]));
        const json ome = infoOme(store, QStringLiteral("/"));
        QVERIFY2(ome.is_object(), qPrintable(q(ome)));
        QCOMPARE(q(ome["kind"]), QStringLiteral("plate"));
        QCOMPARE(q(ome["plate"]["rows"]), q(plate["rows"]));
        QCOMPARE(q(ome["plate"]["columns"]), q(plate["columns"]));
        QCOMPARE(q(ome["plate"]["field_count"]), q(plate["field_count"]));
        json wells = json::array();
        for (const auto &w : ome["plate"]["wells"]) {
            const std::string path = w["path"];
            // row and column index the plate's lists, and name the well's path.
            QCOMPARE(path, plate["rows"][w["row"].get<std::size_t>()].get<std::string>() + "/" +
                               plate["columns"][w["column"].get<std::size_t>()].get<std::string>());
            wells.push_back(path);
        }
        QCOMPARE(q(wells), q(plate["wells"]));
        for (const auto &well : plate["wells"]) {
            const json w = infoOme(store, q(well));
            QCOMPARE(q(w["kind"]), QStringLiteral("well"));
            json fields = json::array();
            for (const auto &image : w["well"]["images"])
                fields.push_back(image["path"]);
            QCOMPARE(q(fields), q(plate["fields"]));
        }
    }

    void lsMarksOmeGroups_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("mark"); // "" for no mark
        QTest::addRow("plate") << "v04_plate.ome.zarr"
                               << "/"
                               << "plate";
        QTest::addRow("well") << "v04_plate.ome.zarr"
                              << "A/1"
                              << "well";
        QTest::addRow("field") << "v04_plate.ome.zarr"
                               << "B/3/1"
                               << "multiscales";
        QTest::addRow("row group") << "v04_plate.ome.zarr"
                                   << "B"
                                   << "";
        QTest::addRow("level array") << "v04_plate.ome.zarr"
                                     << "B/3/1/0"
                                     << "";
        QTest::addRow("image") << "v04_cyx_labels.ome.zarr"
                               << "image"
                               << "multiscales";
        QTest::addRow("labels") << "v04_cyx_labels.ome.zarr"
                                << "image/labels"
                                << "labels";
        QTest::addRow("label image") << "v04_cyx_labels.ome.zarr"
                                     << "image/labels/cells"
                                     << "multiscales";
        QTest::addRow("0.5 image") << "v05_czyx.ome.zarr"
                                   << "/"
                                   << "multiscales";
        QTest::addRow("bad metadata") << "bad_no_datasets.ome.zarr"
                                      << "/"
                                      << "error";
    }
    void lsMarksOmeGroups()
    {
        QFETCH(QString, dir);
        QFETCH(QString, path);
        QFETCH(QString, mark);
        const QStringList args{QStringLiteral("ls"), m_dir.filePath(dir), QStringLiteral("--json")};
        const CliRun run = cli(args);
        QVERIFY2(run.code == 0, qPrintable(zstest::describeRun(args, run)));
        const json rows = json::parse(run.out.toStdString());
        const std::string wanted = path == QStringLiteral("/") ? "" : path.toStdString();
        const json *row = nullptr;
        for (const auto &r : rows)
            if (r["path"] == wanted || r["path"] == "/" + wanted) row = &r;
        QVERIFY2(row, qPrintable(QStringLiteral("no row for %1 in %2").arg(path, run.out)));
        if (mark == QStringLiteral("error")) {
            QVERIFY2(row->contains("ome_error"), qPrintable(q(*row)));
            QVERIFY(q((*row)["ome_error"]).contains(QStringLiteral("multiscales[0].datasets")));
        } else if (mark.isEmpty()) {
            QVERIFY2(!row->contains("ome"), qPrintable(q(*row)));
        } else {
            QCOMPARE(q(row->value("ome", json())), mark);
        }
    }

    // export of an image: the levels asked for, the OME metadata in the output's form (0.4 in v2,
    // 0.5 in v3), read back by info and get, the values the writer stored.
    void exportImage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("levels");        // --levels, "" for all
        QTest::addColumn<QString>("zarrFormat");    // --zarr-format, "" for the source's
        QTest::addColumn<QString>("version");       // of the output's OME metadata
        QTest::addColumn<QList<int>>("keptLevels"); // the source levels the output keeps
        QTest::addRow("0.4 as it is") << "v04_yx"
                                      << ""
                                      << ""
                                      << "0.4" << QList<int>{0, 1, 2};
        QTest::addRow("0.4 levels 0,2") << "v04_yx"
                                        << "0,2"
                                        << ""
                                        << "0.4" << QList<int>{0, 2};
        QTest::addRow("0.4 levels 2,1 to 0.5") << "v04_yx"
                                               << "2,1"
                                               << "3"
                                               << "0.5" << QList<int>{1, 2};
        QTest::addRow("0.4 with labels to 0.5") << "v04_cyx_labels"
                                                << ""
                                                << "3"
                                                << "0.5" << QList<int>{0, 1};
        QTest::addRow("0.5 to 0.4") << "v05_czyx"
                                    << ""
                                    << "2"
                                    << "0.4" << QList<int>{0, 1};
        QTest::addRow("0.5 level 1 to 0.4") << "v05_tczyx"
                                            << "1"
                                            << "2"
                                            << "0.4" << QList<int>{1};
        QTest::addRow("0.5 as it is") << "v05_yx"
                                      << "1,2"
                                      << ""
                                      << "0.5" << QList<int>{1, 2};
    }
    void exportImage()
    {
        QFETCH(QString, name);
        QFETCH(QString, levels);
        QFETCH(QString, zarrFormat);
        QFETCH(QString, version);
        QFETCH(QList<int>, keptLevels);
        const json &entry = m_expected["stores"][name.toStdString()];
        QStringList kept; // their paths (ngff-zarr names them scale0, scale1...)
        for (int i : keptLevels)
            kept << q(entry["levels"][std::size_t(i)]["path"]);
        const QString out = m_dir.filePath(
            QStringLiteral("export-%1")
                .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_').replace(u',', u'_')));
        QStringList args{QStringLiteral("export"), storeDir(entry), imageArg(entry), QStringLiteral("-o"),
                         out};
        if (!levels.isEmpty()) args << QStringLiteral("--levels") << levels;
        if (!zarrFormat.isEmpty()) args << QStringLiteral("--zarr-format") << zarrFormat;
        const CliRun run = cli(args);
        QVERIFY2(run.code == 0, qPrintable(zstest::describeRun(args, run)));

        const json ome = infoOme(out, QStringLiteral("/"));
        QVERIFY2(ome.is_object(), qPrintable(q(ome)));
        QCOMPARE(q(ome["version"]), version);
        QCOMPARE(ome["axes"].size(), entry["axes"].size());
        QStringList paths;
        for (const auto &l : ome["levels"])
            paths << q(l["path"]);
        QCOMPARE(paths, kept);
        QCOMPARE(ome["channels"].size(), entry["channels"].size());
        for (std::size_t c = 0; c < entry["channels"].size(); ++c)
            QCOMPARE(q(ome["channels"][c]["color"]), q(entry["channels"][c]["color"]));
        // The form the version asks for, as a reader of that version finds it.
        const bool v3 = version == QStringLiteral("0.5");
        QFile rootDoc(QDir(out).filePath(v3 ? QStringLiteral("zarr.json") : QStringLiteral(".zattrs")));
        QVERIFY(rootDoc.open(QIODevice::ReadOnly));
        const json attrs = v3 ? json::parse(rootDoc.readAll().toStdString())["attributes"]
                              : json::parse(rootDoc.readAll().toStdString());
        QVERIFY2(v3 == attrs.contains("ome") && v3 != attrs.contains("multiscales"), qPrintable(q(attrs)));
        if (!v3) QCOMPARE(q(attrs["multiscales"][0]["version"]), QStringLiteral("0.4"));
        if (v3 && !zarrFormat.isEmpty()) // converted: the one version is ome's
            QVERIFY2(!attrs["ome"]["multiscales"][0].contains("version"), qPrintable(q(attrs)));
        for (const json &level : entry["levels"]) {
            const QString path = q(level["path"]);
            QCOMPARE(QDir(out).exists(path), kept.contains(path));
            if (!kept.contains(path)) continue;
            QFile arrayDoc(
                QDir(out).filePath(path + (v3 ? QStringLiteral("/zarr.json") : QStringLiteral("/.zarray"))));
            QVERIFY(arrayDoc.open(QIODevice::ReadOnly));
            const json doc = json::parse(arrayDoc.readAll().toStdString());
            if (v3) {
                json names = json::array();
                for (const auto &a : entry["axes"])
                    names.push_back(a["name"]);
                QCOMPARE(q(doc["dimension_names"]), q(names)); // 0.5: named after the axes
            } else {
                QCOMPARE(q(doc["dimension_separator"]), QStringLiteral("/")); // 0.4: "/" keys
            }
        }
        // The values: each kept level read back through the exported metadata.
        for (int i = 0; i < kept.size(); ++i) {
            const json *level = nullptr;
            for (const json &l : entry["levels"])
                if (q(l["path"]) == kept[i]) level = &l;
            QVERIFY(level && level->contains("npy"));
            const QString got = out + QStringLiteral("-level%1.npy").arg(i);
            const QStringList get{QStringLiteral("get"),
                                  out,
                                  QStringLiteral("/"),
                                  QStringLiteral("--level"),
                                  QString::number(i),
                                  QStringLiteral("-o"),
                                  got};
            const CliRun read = cli(get);
            QVERIFY2(read.code == 0, qPrintable(zstest::describeRun(get, read)));
            QString error;
            const auto a = zstest::readNpy(got, &error);
            const auto b = zstest::readNpy(m_dir.filePath(q((*level)["npy"])), &error);
            QVERIFY2(a && b, qPrintable(error));
            QCOMPARE(a->shape, b->shape);
            QVERIFY2(a->data == b->data, "an exported level's values differ from the writer's");
        }
        if (entry.contains("labels")) {
            const json labels = infoOme(out, QStringLiteral("labels/cells"));
            QCOMPARE(q(labels["version"]), version);
            QVERIFY(!labels["image_label"].is_null());
        }
    }

    void exportRefused_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::addRow("a level the image lacks")
            << "v04_yx.ome.zarr"
            << "/" << QStringList{"--levels", "0,5"} << "no level 5: the image has levels 0-2";
        QTest::addRow("levels of an array")
            << "v04_yx.ome.zarr"
            << "0" << QStringList{"--levels", "0"} << "--levels needs a multiscale image";
        QTest::addRow("levels not numbers")
            << "v04_yx.ome.zarr"
            << "/" << QStringList{"--levels", "0,x"} << "--levels must be level numbers";
        QTest::addRow("0.3 to v3") << "v03_zyx.ome.zarr"
                                   << "/" << QStringList{"--zarr-format", "3"}
                                   << "OME-NGFF 0.3 cannot be converted to Zarr v3";
        QTest::addRow("bad metadata narrowed") << "bad_scale.ome.zarr"
                                               << "/" << QStringList{"--levels", "0"} << "positive";
    }
    void exportRefused()
    {
        QFETCH(QString, dir);
        QFETCH(QString, path);
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        const QString out = m_dir.filePath(QStringLiteral("refused-%1").arg(QTest::currentDataTag()));
        const QStringList args =
            QStringList{QStringLiteral("export"), m_dir.filePath(dir), path, QStringLiteral("-o"), out} +
            options;
        const CliRun run = cli(args);
        QVERIFY2(run.code != 0 && !run.crashed, qPrintable(zstest::describeRun(args, run)));
        QVERIFY2(run.err.contains(message.toUtf8()), qPrintable(zstest::describeRun(args, run)));
        QVERIFY2(!QDir(out).exists() || QDir(out).isEmpty(), "a refused export wrote something");
    }

    // A plate narrowed to one level: every field keeps it, the plate and wells their metadata.
    void exportPlateLevel()
    {
        const json &plate = m_expected["plate"];
        const QString out = m_dir.filePath(QStringLiteral("export-plate"));
        const QStringList args{QStringLiteral("export"),
                               m_dir.filePath(q(plate["dir"])),
                               QStringLiteral("/"),
                               QStringLiteral("-o"),
                               out,
                               QStringLiteral("--levels"),
                               QStringLiteral("1"),
                               QStringLiteral("--zarr-format"),
                               QStringLiteral("3")};
        const CliRun run = cli(args);
        QVERIFY2(run.code == 0, qPrintable(zstest::describeRun(args, run)));
        QCOMPARE(q(infoOme(out, QStringLiteral("/"))["plate"]["wells"].size()), QStringLiteral("3"));
        for (const auto &well : plate["wells"])
            for (const auto &field : plate["fields"]) {
                const QString image = q(well) + u'/' + q(field);
                const json ome = infoOme(out, image);
                QCOMPARE(q(ome["version"]), QStringLiteral("0.5"));
                QCOMPARE(ome["levels"].size(), std::size_t(1));
                QCOMPARE(q(ome["levels"][0]["path"]), QStringLiteral("1"));
                QVERIFY(!QDir(out).exists(image + QStringLiteral("/0")));
            }
    }

    // Broken OME metadata in valid Zarr: info fails naming the rule and the field; the store still
    // lists, and its arrays still read.
    void hostileRefused_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < m_expected["hostile"].size(); ++i)
            QTest::addRow("%s", m_expected["hostile"][i]["dir"].get<std::string>().c_str()) << int(i);
    }
    void hostileRefused()
    {
        QFETCH(int, index);
        const json &h = m_expected["hostile"][std::size_t(index)];
        const QString store = m_dir.filePath(q(h["dir"]));
        const QString image = q(h["image"]).isEmpty() ? QStringLiteral("/") : q(h["image"]);
        const QStringList args{QStringLiteral("info"), store, image, QStringLiteral("--json")};
        const CliRun run = cli(args);
        QVERIFY2(run.code == 2 && !run.crashed, qPrintable(zstest::describeRun(args, run)));
        QVERIFY2(run.err.contains(q(h["error"]).toUtf8()), qPrintable(zstest::describeRun(args, run)));
        QVERIFY2(run.err.contains(q(h["field"]).toUtf8()), qPrintable(zstest::describeRun(args, run)));
        const QStringList ls{QStringLiteral("ls"), store, QStringLiteral("--json")};
        const CliRun listed = cli(ls);
        QVERIFY2(listed.code == 0, qPrintable(zstest::describeRun(ls, listed)));
        QVERIFY(!json::parse(listed.out.toStdString()).empty());
    }
};

QTEST_GUILESS_MAIN(TestOmeStores)
#include "tst_ome_stores.moc"
