// The one definition of median and percentiles against NumPy's own (numpy.percentile, linear
// interpolation): the figures bench, scrub and the Timing tab print must match what the
// Python peers' scripts compute from the same samples.

#include "bench/Statistics.h"

#include <QProcess>
#include <QTest>

using namespace zs;

namespace {

// numpy.percentile(values, p), computed by the real NumPy now.
double numpyPercentile(const std::vector<double> &values, double p)
{
    QStringList items;
    for (double v : values)
        items << QString::number(v, 'g', 17);
    const QString script = QStringLiteral("import numpy; print(repr(float(numpy.percentile([%1], %2))))")
                               .arg(items.join(u','))
                               .arg(p, 0, 'g', 17);
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
    if (!py.waitForFinished(30000) || py.exitCode() != 0)
        qFatal("numpy is needed: apt install python3-numpy (%s)", py.readAllStandardError().constData());
    return py.readAllStandardOutput().trimmed().toDouble();
}

} // namespace

class TstStatistics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void percentileAsNumpy_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<double>("p");
        const std::vector<double> odd = {5, 1, 4, 2, 3};
        const std::vector<double> even = {0.33, 0.36, 0.98, 0.12, 0.51, 0.97};
        std::vector<double> many;
        for (int i = 0; i < 200; ++i)
            many.push_back(double((i * 7919) % 1000) / 7.0);
        for (double p : {0.0, 50.0, 95.0, 100.0}) {
            QTest::addRow("odd p%g", p) << odd << p;
            QTest::addRow("even p%g", p) << even << p;
            QTest::addRow("200 samples p%g", p) << many << p;
        }
        QTest::addRow("one sample") << std::vector<double>{42} << 95.0;
    }
    void percentileAsNumpy()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(double, p);
        QCOMPARE(percentile(values, p), numpyPercentile(values, p));
        if (p == 50) QCOMPARE(median(values), numpyPercentile(values, 50));
    }

    void edges()
    {
        QCOMPARE(percentile({}, 50), 0.0);
        QCOMPARE(speedup(2.0, 0.5).value_or(-1), 4.0);
        QVERIFY(!speedup(0, 1).has_value());
        QVERIFY(!speedup(1, 0).has_value());
        QCOMPARE(perSecond(1289, 0.5), 2578.0);
        QCOMPARE(perSecond(10, 0), 0.0);
    }
};

QTEST_GUILESS_MAIN(TstStatistics)
#include "tst_statistics.moc"
