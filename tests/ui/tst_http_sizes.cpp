// The Metadata tab's stored size and compression ratio over HTTP (issue 16): summed from the
// listing when it states sizes (nginx autoindex, S3 ListObjectsV2 on s3rver), equal to what the
// array's files take on disk, and "unknown" where there is no listing or it gives no sizes
// (the embedded server, with and without its HTML index).

#include "MainWindow.h"
#include "MetadataPanel.h"
#include "NginxFront.h"
#include "S3rverProcess.h"
#include "ServerThread.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"
#include "store/http/HtmlIndex.h"
#include "store/http/S3Listing.h"

#include <QDirIterator>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidgetItem>

using namespace zs;

namespace {

const QString kBucket = QStringLiteral("zs-sizes");

// What the chunks of `node` take on disk: every file under it but the metadata documents.
StoredSize sizeOnDisk(const QString &store, const QString &node)
{
    StoredSize size;
    QDirIterator it(QDir(store).filePath(node), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo f(it.next());
        if (isMetadataDocument(f.fileName())) continue;
        size.bytes += std::uint64_t(f.size());
        ++size.objects;
    }
    return size;
}

QString sizeFact(const StoredSize &s, std::uint64_t chunks)
{
    return QStringLiteral("%1 in %2 of %3 chunk objects")
        .arg(QLocale().formattedDataSize(qint64(s.bytes)))
        .arg(s.objects)
        .arg(chunks);
}

} // namespace

class TestHttpSizes : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerThread> m_embedded;
    server::NginxFront m_nginx;
    zstest::S3rverProcess m_s3;
    bool m_s3Started = false;

    QString stores() const { return m_dir.filePath(QStringLiteral("stores")); }
    QString storeDir() const { return stores() + QStringLiteral("/sizes.zarr"); }

    std::shared_ptr<Store> open(const QString &server)
    {
        StoreOptions o;
        QString location;
        if (server == u"nginx")
            location = QStringLiteral("http://127.0.0.1:%1/sizes.zarr").arg(m_nginx.port());
        if (server == u"embedded") location = m_embedded->url().toString() + QStringLiteral("sizes.zarr");
        if (server == u"s3rver") {
            if (!m_s3Started)
                m_s3Started = m_s3.start(m_dir.filePath(QStringLiteral("s3data")), kBucket,
                                         {storeDir(), QStringLiteral("sizes.zarr")});
            if (!m_s3Started) qWarning().noquote() << m_s3.problem();
            o.s3Endpoint = m_s3.endpoint();
            location = QStringLiteral("s3://%1/sizes.zarr").arg(kBucket);
        }
        auto s = openStore(location, o);
        return s ? *s : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_http_sizes"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(stores()));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("s3data"))));
        // A flat v2 array, one with "/"-separated chunk keys (a directory per dimension: the walk
        // lists each), random values so that sizes differ per chunk, and one chunk left unwritten.
        QVERIFY(test::runZarrPython(stores(), QStringLiteral(R"PY(
rng = np.random.default_rng(16)
root = zarr.open_group('sizes.zarr', mode='w')
flat = root.create_dataset('flat', shape=(40, 30), chunks=(10, 10), dtype='f8')
flat[:30, :] = rng.random((30, 30))
nested = root.create_group('g').create_dataset('nested', data=rng.integers(0, 9, (12, 8, 6)).astype('i4'),
                                               chunks=(5, 4, 3), dimension_separator='/')
)PY")));
        m_embedded = std::make_unique<server::ServerThread>(stores());
        QVERIFY(m_embedded->start() != 0);
        QVERIFY2(!server::NginxFront::nginxPath().isEmpty(), "nginx is missing: apt install nginx-light");
        QString problem;
        QVERIFY2(m_nginx.startStatic(stores(), &problem), qPrintable(problem));
    }

    // nginx's exact byte counts are sizes; its rounded ones, directories and pages without sizes
    // are not (a rounded total would be wrong).
    void htmlIndexSizes_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QStringList>("sized"); // "name=bytes"
        const QByteArray nginx =
            "<html>\r\n<head><title>Index of /a/</title></head>\r\n<body>\r\n<h1>Index of /a/</h1><hr><pre>"
            "<a href=\"../\">../</a>\r\n"
            "<a href=\"c/\">c/</a>                                                 01-Dec-2026 22:50       "
            "            -\r\n"
            "<a href=\"0.0\">0.0</a>                                                01-Dec-2026 22:50      "
            "           123\r\n"
            "<a href=\"0.1\">0.1</a>                                                01-Dec-2026 22:51      "
            "       7340032\r\n"
            "<a href=\"1.0\">1.0</a>                                                01-Dec-2026 22:51      "
            "           12K\r\n"
            "</pre><hr></body>\r\n</html>\r\n";
        QTest::addRow("nginx exact and rounded")
            << nginx << QStringList{QStringLiteral("0.0=123"), QStringLiteral("0.1=7340032")};
        QTest::addRow("python http.server")
            << QByteArray("<ul>\n<li><a href=\"0.0\">0.0</a></li>\n<li><a href=\"c/\">c/</a></li>\n</ul>\n")
            << QStringList{};
        QTest::addRow("apache, sizes rounded")
            << QByteArray("<pre><a href=\"0.0\">0.0</a>          2026-12-01 22:50  1.2K  \n</pre>")
            << QStringList{};
    }
    void htmlIndexSizes()
    {
        QFETCH(QByteArray, html);
        QFETCH(QStringList, sized);
        const Listing listing = parseHtmlIndex(html, QStringLiteral("/a/"));
        QStringList got;
        for (auto it = listing.sizes.cbegin(); it != listing.sizes.cend(); ++it)
            got << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        got.sort();
        QCOMPARE(got, sized);
        QVERIFY(listing.keys.contains(QStringLiteral("0.0")));
    }

    void s3ListingSizes()
    {
        const QByteArray xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>b</Name><Prefix>s/a/</Prefix>"
            "<Contents><Key>s/a/0.0</Key><LastModified>2026-12-01T22:50:00.000Z</LastModified>"
            "<Size>123</Size></Contents>"
            "<Contents><Size>4567</Size><Key>s/a/0.1</Key></Contents>"
            "<Contents><Key>s/a/1.0</Key></Contents>"
            "<CommonPrefixes><Prefix>s/a/c/</Prefix></CommonPrefixes>"
            "<IsTruncated>false</IsTruncated></ListBucketResult>";
        const auto page = parseS3ListPage(xml, QStringLiteral("s/a"), QStringLiteral("test"));
        QVERIFY(page);
        QCOMPARE(page->listing.keys.size(), 3);
        QCOMPARE(page->listing.sizes.size(), 2);
        QCOMPARE(page->listing.sizes.value(QStringLiteral("0.0")), 123u);
        QCOMPARE(page->listing.sizes.value(QStringLiteral("0.1")), 4567u);
        QVERIFY(!page->listing.sizes.contains(QStringLiteral("1.0")));
    }

    // The store's answer, exactly: the bytes and objects the files take on disk.
    void storedSizeFromListings_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("node");
        for (const QString &node : {QStringLiteral("flat"), QStringLiteral("g/nested"), QString()})
            QTest::addRow("nginx %s", node.isEmpty() ? "root" : qPrintable(node))
                << QStringLiteral("nginx") << node;
        // s3rver 3.7 leaves out the CommonPrefixes of g/nested/ (it lists .zarray alone there, while
        // g/nested/0/ lists its prefixes): the nested array and the root would undercount on it, not
        // on S3. Its flat array is the S3 case.
        QTest::addRow("s3rver flat") << QStringLiteral("s3rver") << QStringLiteral("flat");
    }
    void storedSizeFromListings()
    {
        QFETCH(QString, server);
        QFETCH(QString, node);
        auto store = open(server);
        QVERIFY2(store, qPrintable(m_s3.problem()));
        const StoredSize expected = sizeOnDisk(storeDir(), node);
        QVERIFY(expected.objects > 0 && expected.bytes > 0);
        const StoredSizeResult got = await(store->storedSize(node));
        QVERIFY2(got, qPrintable(got ? QString() : got.error().toString()));
        QVERIFY2(got->has_value(), "unknown");
        QCOMPARE((*got)->bytes, expected.bytes);
        QCOMPARE((*got)->objects, expected.objects);
    }

    // In the window, through nginx: the Metadata tab shows the size and the ratio from it.
    void metadataTabShowsTheSizeOverNginx()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(QStringLiteral("http://127.0.0.1:%1/sizes.zarr").arg(m_nginx.port()),
                            QStringLiteral("g/nested"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(window.currentPath(), QStringLiteral("g/nested"));
        const StoredSize disk = sizeOnDisk(storeDir(), QStringLiteral("g/nested"));
        MetadataPanel *meta = window.metadataPanel();
        QTRY_COMPARE_WITH_TIMEOUT(meta->fact(QStringLiteral("Stored size")), sizeFact(disk, 3 * 2 * 2),
                                  10000);
        const double decoded = 12.0 * 8 * 6 * 4;
        QCOMPARE(meta->fact(QStringLiteral("Compression ratio")),
                 QStringLiteral("%1×").arg(decoded / double(disk.bytes), 0, 'f', 1));
    }

    // Through S3 (s3rver), the panel on its own with the store.
    void metadataPanelShowsTheSizeOverS3()
    {
        auto store = open(QStringLiteral("s3rver"));
        QVERIFY2(store, qPrintable(m_s3.problem()));
        auto node = loadNode(*store, QStringLiteral("flat"));
        QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
        MetadataPanel panel;
        panel.showNode(*node, store);
        const StoredSize disk = sizeOnDisk(storeDir(), QStringLiteral("flat"));
        QCOMPARE(disk.objects, 9u); // the last row of chunks was never written
        QTRY_COMPARE_WITH_TIMEOUT(panel.fact(QStringLiteral("Stored size")), sizeFact(disk, 12), 10000);
        QCOMPARE(panel.fact(QStringLiteral("Compression ratio")),
                 QStringLiteral("%1×").arg(40.0 * 30 * 8 / double(disk.bytes), 0, 'f', 1));
    }

    // A listing without sizes (the embedded server's HTML index) or none at all: "unknown".
    void unknownWithoutSizes_data()
    {
        QTest::addColumn<bool>("autoIndex");
        QTest::addRow("HTML index without sizes") << true;
        QTest::addRow("no listing") << false;
    }
    void unknownWithoutSizes()
    {
        QFETCH(bool, autoIndex);
        m_embedded->server()->setAutoIndex(autoIndex);
        auto store = open(QStringLiteral("embedded"));
        QVERIFY(store);
        auto node = loadNode(*store, QStringLiteral("flat"));
        QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
        MetadataPanel panel;
        panel.showNode(*node, store);
        QTRY_COMPARE_WITH_TIMEOUT(panel.fact(QStringLiteral("Stored size")), QStringLiteral("unknown"),
                                  10000);
        QCOMPARE(panel.fact(QStringLiteral("Compression ratio")), QStringLiteral("unknown"));
        QVERIFY(panel.factItem(QStringLiteral("Stored size"))->toolTip().contains(u"does not list"));
    }
};

QTEST_MAIN(TestHttpSizes)
#include "tst_http_sizes.moc"
