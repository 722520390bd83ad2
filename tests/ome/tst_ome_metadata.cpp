// Issue 19, core/ome without a store: which attributes are OME metadata and of which version,
// what is read from them, the errors that name the field of bad metadata, the combined
// transformation of a level, and the level chooser. Stores from real writers: tst_ome_stores.

#include "ome/LevelChooser.h"
#include "ome/OmeParse.h"
#include "ome/OmePaths.h"

#include <QTest>

using namespace zs;
using namespace zs::ome;
using nlohmann::json;

namespace {

json axes2()
{
    return json::parse(R"([{"name":"y","type":"space","unit":"micrometer"},{"name":"x","type":"space"}])");
}

json level(const char *path, std::vector<double> scale, json translation = nullptr)
{
    json t = json::array({{{"type", "scale"}, {"scale", scale}}});
    if (!translation.is_null()) t.push_back({{"type", "translation"}, {"translation", translation}});
    return {{"path", path}, {"coordinateTransformations", t}};
}

// The levels as a vector, not a json: clang and GCC build different values from a braced list of
// one json (an array for one, a copy of the element for the other).
json image04(const std::vector<json> &datasets, json axes = axes2())
{
    return {
        {"multiscales", json::array({{{"version", "0.4"}, {"axes", axes}, {"datasets", json(datasets)}}})}};
}

// An opened image without a store: levels of the given shapes and scales, y/x axes.
OmeImage syntheticImage(const std::vector<std::pair<Shape, double>> &levels, std::vector<double> translation)
{
    OmeImage image;
    Multiscale m;
    m.axes = {Axis{"y", "space", "micrometer"}, Axis{"x", "space", "micrometer"}};
    for (const auto &[shape, scale] : levels) {
        m.levels.push_back(Level{QString::number(m.levels.size()), Transform{{scale, scale}, translation}});
        NodeMetadata node;
        node.kind = NodeMetadata::Kind::Array;
        node.path = m.levels.back().path;
        node.array = ArrayMetadata{};
        node.array->shape = shape;
        image.levels.push_back(ImageLevel{node, m.levels.back().transform});
    }
    image.group.multiscales = {m};
    return image;
}

} // namespace

class TestOmeMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognised_data()
    {
        QTest::addColumn<QString>("attributes");
        QTest::addColumn<QString>("groupName");
        QTest::addColumn<QString>("kind"); // "" when not OME
        QTest::addColumn<QString>("version");
        const auto row = [](const char *name, const json &attrs, const char *group, const char *kind,
                            const char *version) {
            QTest::addRow("%s", name) << QString::fromStdString(attrs.dump()) << QString::fromLatin1(group)
                                      << QString::fromLatin1(kind) << QString::fromLatin1(version);
        };
        row("0.4 image", image04({level("0", {1, 1})}), "img", "multiscales", "0.4");
        row("0.5 image",
            {{"ome", {{"version", "0.5"}, {"multiscales", image04({level("0", {1, 1})})["multiscales"]}}}},
            "img", "multiscales", "0.5");
        row("0.4 without version, axes objects",
            json::parse(R"({"multiscales":[{"axes":[{"name":"y"},{"name":"x"}],
            "datasets":[{"path":"0","coordinateTransformations":[{"type":"scale","scale":[1,1]}]}]}]})"),
            "img", "multiscales", "0.4");
        row("0.3 axes as names", json::parse(R"({"multiscales":[{"version":"0.3","axes":["z","y","x"],
            "datasets":[{"path":"0"}]}]})"),
            "img", "multiscales", "0.3");
        row("0.2 implied axes",
            json::parse(R"({"multiscales":[{"version":"0.2","datasets":[{"path":"0"}]}]})"), "img",
            "multiscales", "0.2");
        row("plate", json::parse(R"({"plate":{"version":"0.4","rows":[{"name":"A"}],"columns":[{"name":"1"}],
            "wells":[{"path":"A/1","rowIndex":0,"columnIndex":0}]}})"),
            "p", "plate", "0.4");
        row("well", json::parse(R"({"well":{"version":"0.4","images":[{"path":"0"}]}})"), "A", "well", "0.4");
        row("0.4 labels group", json::parse(R"({"labels":["cells"]})"), "labels", "labels", "0.4");
        row("labels list elsewhere is not OME", json::parse(R"({"labels":["cells"]})"), "other", "", "");
        row("0.5 labels group", json::parse(R"({"ome":{"version":"0.5","labels":["cells"]}})"), "labels",
            "labels", "0.5");
        row("plain attributes", json::parse(R"({"units":"K"})"), "g", "", "");
        row("0.5 bioformats2raw only", json::parse(R"({"ome":{"version":"0.5","bioformats2raw.layout":3}})"),
            "", "", "");
    }
    void recognised()
    {
        QFETCH(QString, attributes);
        QFETCH(QString, groupName);
        QFETCH(QString, kind);
        QFETCH(QString, version);
        const auto parsed = parseOmeGroup(json::parse(attributes.toStdString()), groupName);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->has_value(), !kind.isEmpty());
        if (kind.isEmpty()) return;
        QCOMPARE(kindName((*parsed)->kind), kind);
        QCOMPARE((*parsed)->version, version);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("attributes");
        QTest::addColumn<QString>("what");  // in the message
        QTest::addColumn<QString>("where"); // the field
        const auto row = [](const char *name, const json &attrs, const char *what, const char *where) {
            QTest::addRow("%s", name) << QString::fromStdString(attrs.dump()) << QString::fromLatin1(what)
                                      << QString::fromLatin1(where);
        };
        json noDatasets = image04({});
        noDatasets["multiscales"][0].erase("datasets");
        row("no datasets", noDatasets, "missing", "multiscales[0].datasets");
        row("empty datasets", image04({}), "empty", "multiscales[0].datasets");
        row("one axis", image04({level("0", {1})}, json::parse(R"([{"name":"x","type":"space"}])")), "2 to 5",
            "multiscales[0].axes");
        row("axes a string", image04({level("0", {1, 1})}, "yx"), "not a list", "multiscales[0].axes");
        row("axis twice", image04({level("0", {1, 1})}, json::parse(R"([{"name":"x"},{"name":"x"}])")),
            "twice", "multiscales[0].axes");
        row("two time axes",
            image04({level("0", {1, 1, 1, 1})},
                    json::parse(
                        R"([{"name":"t","type":"time"},{"name":"s","type":"time"},{"name":"y","type":"space"},
                                   {"name":"x","type":"space"}])")),
            "at most one", "multiscales[0].axes");
        row("one space axis",
            image04({level("0", {1, 1})},
                    json::parse(R"([{"name":"c","type":"channel"},{"name":"x","type":"space"}])")),
            "2 or 3", "multiscales[0].axes");
        row("scale too long", image04({level("0", {1, 1, 1})}), "3 numbers for 2 axes",
            "multiscales[0].datasets[0].coordinateTransformations[0].scale");
        row("scale zero", image04({level("0", {0, 1})}), "positive",
            "multiscales[0].datasets[0].coordinateTransformations[0].scale");
        row("translation first",
            image04(
                {{{"path", "0"},
                  {"coordinateTransformations", json::parse(R"([{"type":"translation","translation":[1,1]},
                                                                     {"type":"scale","scale":[1,1]}])")}}}),
            "translation before the scale", "multiscales[0].datasets[0].coordinateTransformations[0].type");
        row("no transformations", image04({{{"path", "0"}}}), "missing",
            "multiscales[0].datasets[0].coordinateTransformations");
        row("scale in a file",
            image04({{{"path", "0"},
                      {"coordinateTransformations", json::parse(R"([{"type":"scale","path":"s.bin"}])")}}}),
            "kept in a file", "multiscales[0].datasets[0].coordinateTransformations[0].path");
        row("rotation",
            image04({{{"path", "0"}, {"coordinateTransformations", json::parse(R"([{"type":"affine"}])")}}}),
            "not a scale or a translation", "multiscales[0].datasets[0].coordinateTransformations[0].type");
        row("unknown version", json::parse(R"({"multiscales":[{"version":"0.9","datasets":[]}]})"),
            "unsupported OME-NGFF version \"0.9\"", "multiscales[0].version");
        row("0.5 unknown version", json::parse(R"({"ome":{"version":"0.6","multiscales":[]}})"),
            "unsupported OME-Zarr version \"0.6\"", "ome.version");
        row("0.5 no version", json::parse(R"({"ome":{"multiscales":[]}})"), "missing", "ome.version");
        json badColor = image04({level("0", {1, 1})});
        badColor["omero"] = json::parse(R"({"channels":[{"color":"GG0000","window":{"start":0,"end":1}}]})");
        row("bad colour", badColor, "not six hex digits", "omero.channels[0].color");
        json badWindow = badColor;
        badWindow["omero"]["channels"][0] = json::parse(R"({"color":"FF0000","window":{"start":0}})");
        row("window without end", badWindow, "missing", "omero.channels[0].window.end");
        json badActive = badColor;
        badActive["omero"]["channels"][0] = json::parse(R"({"color":"FF0000","active":"yes"})");
        row("active not a boolean", badActive, "not true or false", "omero.channels[0].active");
        json badRgba = image04({level("0", {1, 1})});
        badRgba["image-label"] =
            json::parse(R"({"version":"0.4","colors":[{"label-value":1,"rgba":[255,0,0]}]})");
        row("rgba of three", badRgba, "not 4", "image-label.colors[0].rgba");
        badRgba["image-label"]["colors"][0]["rgba"] = json::parse("[255,0,0,300]");
        row("rgba over 255", badRgba, "0-255", "image-label.colors[0].rgba");
        row("well outside the plate", json::parse(R"({"plate":{"version":"0.4","rows":[{"name":"A"}],
            "columns":[{"name":"1"}],"wells":[{"path":"B/1","rowIndex":1,"columnIndex":0}]}})"),
            "row \"B\"", "plate.wells[0].rowIndex");
        row("well path not row/column", json::parse(R"({"plate":{"version":"0.4","rows":[{"name":"A"}],
            "columns":[{"name":"1"}],"wells":[{"path":"A1"}]}})"),
            "not ROW/COLUMN", "plate.wells[0].path");
        row("row named twice", json::parse(R"({"plate":{"version":"0.4","rows":[{"name":"A"},{"name":"A"}],
            "columns":[{"name":"1"}],"wells":[{"path":"A/1"}]}})"),
            "twice", "plate.rows[1].name");
        row("well without images", json::parse(R"({"well":{"version":"0.4","images":[]}})"), "empty",
            "well.images");
        row("labels not paths", json::parse(R"({"labels":[3]})"), "must be a path", "labels[0]");
    }
    void refused()
    {
        QFETCH(QString, attributes);
        QFETCH(QString, what);
        QFETCH(QString, where);
        const auto parsed = parseOmeGroup(json::parse(attributes.toStdString()), QStringLiteral("labels"));
        QVERIFY2(!parsed.ok(), "bad metadata was accepted");
        QVERIFY2(parsed.error().what.contains(what), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.error().where, where);
    }

    void valuesRead()
    {
        json attrs = image04({level("0", {0.5, 0.25}, {10, 20}), level("1", {1.0, 0.5})});
        attrs["multiscales"][0]["name"] = "cells";
        attrs["multiscales"][0]["coordinateTransformations"] =
            json::parse(R"([{"type":"scale","scale":[2,2]},{"type":"translation","translation":[1,-1]}])");
        attrs["omero"] = json::parse(R"({"channels":[{"label":"DAPI","color":"0000FF","active":false,
            "window":{"start":5,"end":200,"min":0,"max":255}},{"color":"00FF00"}],
            "rdefs":{"defaultZ":3,"defaultT":1,"model":"color"}})");
        const auto parsed = parseOmeGroup(attrs, QStringLiteral("img"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        const OmeGroup &g = **parsed;
        const Multiscale &m = g.multiscales.front();
        QCOMPARE(m.name, QStringLiteral("cells"));
        QCOMPARE(m.axes[0].unit, QStringLiteral("micrometer"));
        QCOMPARE(m.axes[1].unit, QString());
        QCOMPARE(m.levels[0].transform.scale, (std::vector<double>{0.5, 0.25}));
        QCOMPARE(*m.levels[0].transform.translation, (std::vector<double>{10, 20}));
        QVERIFY(!m.levels[1].transform.translation);
        // Dataset first, then the multiscale's: scale 2, translation (1, -1) after.
        const Transform t0 = combinedTransform(m, 0);
        QCOMPARE(t0.scale, (std::vector<double>{1.0, 0.5}));
        QCOMPARE(*t0.translation, (std::vector<double>{21, 39}));
        QCOMPARE(*combinedTransform(m, 1).translation, (std::vector<double>{1, -1}));
        QCOMPARE(g.omero->channels.size(), std::size_t(2));
        QCOMPARE(g.omero->channels[0].label, QStringLiteral("DAPI"));
        QVERIFY(!g.omero->channels[0].active);
        QCOMPARE(g.omero->channels[0].window->start, 5.0);
        QCOMPARE(*g.omero->channels[0].window->max, 255.0);
        QVERIFY(g.omero->channels[1].active); // active unless it says otherwise
        QVERIFY(!g.omero->channels[1].window);
        QCOMPARE(*g.omero->defaultZ, std::int64_t(3));
        QCOMPARE(g.omero->model, QStringLiteral("color"));
    }

    void impliedAxes()
    {
        const auto v02 =
            parseOmeGroup(json::parse(R"({"multiscales":[{"version":"0.2","datasets":[{"path":"0"}]}]})"),
                          QStringLiteral("img"));
        QVERIFY(v02.ok());
        QStringList names, types;
        for (const Axis &a : (*v02)->multiscales[0].axes) {
            names << a.name;
            types << a.type;
        }
        QCOMPARE(names, QStringList({"t", "c", "z", "y", "x"}));
        QCOMPARE(types, QStringList({"time", "channel", "space", "space", "space"}));
        QCOMPARE((*v02)->multiscales[0].levels[0].transform.scale, std::vector<double>(5, 1.0));
    }

    void relativePaths_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("want"); // "-" when it climbs above the root
        QTest::addRow("label to image") << "img/labels/cells"
                                        << "../../"
                                        << "img";
        QTest::addRow("sibling") << "img/labels/a"
                                 << "../b"
                                 << "img/labels/b";
        QTest::addRow("root image") << "labels/cells"
                                    << "../../"
                                    << "";
        QTest::addRow("child") << "img"
                               << "./0"
                               << "img/0";
        QTest::addRow("above the root") << "labels"
                                        << "../../"
                                        << "-";
    }
    void relativePaths()
    {
        QFETCH(QString, base);
        QFETCH(QString, relative);
        QFETCH(QString, want);
        const auto got = resolvePath(base, relative);
        QCOMPARE(got.value_or(QStringLiteral("-")), want);
    }

    void levelChosen_data()
    {
        QTest::addColumn<double>("visible"); // physical width and height of the region shown
        QTest::addColumn<int>("screen");     // pixels it fills, both ways
        QTest::addColumn<int>("want");
        // Pyramid 1024/512/256/128 px at 0.5/1/2/4 µm: a 512 µm wide image.
        QTest::addRow("whole image on 128 px") << 512.0 << 128 << 3;
        QTest::addRow("whole image on 256 px") << 512.0 << 256 << 2;
        QTest::addRow("whole image on 300 px")
            << 512.0 << 300 << 1; // 1.7 µm screen pixels: 2 µm is too coarse
        QTest::addRow("whole image on 1000 px") << 512.0 << 1000 << 0;
        QTest::addRow("whole image on 500 px") << 512.0 << 500 << 1;
        QTest::addRow("whole image on 1024 px") << 512.0 << 1024 << 0;
        QTest::addRow("zoomed past full resolution") << 10.0 << 1000 << 0;
        QTest::addRow("whole image on 64 px") << 512.0 << 64 << 3;
        QTest::addRow("quarter on 256 px") << 128.0 << 256 << 0;
    }
    void levelChosen()
    {
        QFETCH(double, visible);
        QFETCH(int, screen);
        QFETCH(int, want);
        const OmeImage image = syntheticImage(
            {{{1024, 1024}, 0.5}, {{512, 512}, 1.0}, {{256, 256}, 2.0}, {{128, 128}, 4.0}}, {});
        QCOMPARE(int(chooseLevel(image, PhysicalRect{0, 0, visible, visible}, screen, screen)), want);
    }

    void regionOfLevel()
    {
        const OmeImage image = syntheticImage({{{1024, 1024}, 0.5}, {{512, 512}, 1.0}}, {100, 200});
        const PhysicalRect full = fullExtent(image);
        QCOMPARE(full.y0, 100.0);
        QCOMPARE(full.x0, 200.0);
        QCOMPARE(full.width, 512.0);
        // 10-20 µm into the image along y, 0-5 µm along x, on level 1 (1 µm pixels).
        const auto [y, x] = levelRegion(image, 1, PhysicalRect{110, 200, 10, 5});
        QCOMPARE(y, (IndexRange{10, 20}));
        QCOMPARE(x, (IndexRange{0, 5}));
        // Partly outside: clipped; wholly outside: empty.
        const auto [y2, x2] = levelRegion(image, 0, PhysicalRect{50, 400, 100, 1000});
        QCOMPARE(y2, (IndexRange{0, 100}));
        QCOMPARE(x2, (IndexRange{400, 1024}));
        const auto [y3, x3] = levelRegion(image, 0, PhysicalRect{0, 0, 10, 10});
        QCOMPARE(y3.end - y3.begin, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestOmeMetadata)
#include "tst_ome_metadata.moc"
