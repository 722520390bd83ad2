// The browser's table for variable-length arrays, on stores zarr-python 2.13 writes at test
// time (vlen-utf8, vlen-bytes): SliceView shows the table instead of a plot, the cells are
// what zarr-python reads (values.json, written by the same script), N-D arrays page through
// the sliders, the read-out and copy give the text. The model passes QAbstractItemModelTester.

#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "StringTable.h"
#include "StringTableModel.h"
#include "UiFixtures.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>

using namespace zs;

class TestStringTable : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    QJsonObject m_values; // array path -> zarr-python's values, C order (bytes as latin-1 escapes)

    bool show(SliceView &view, const QString &path)
    {
        auto n = loadNode(*m_store, path);
        if (!n) {
            qWarning() << n.error().toString();
            return false;
        }
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, *n);
        return finished.count() > 0 || finished.wait(10000);
    }

    QString want(const QString &path, int i) const { return m_values[path].toArray()[i].toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QStringLiteral(R"PY(
import json, numcodecs
root = zarr.open_group('s.zarr', mode='w')
words = ['', 'a', 'zarr', 'é', 'naïve café', '\u20ac\U0001d11e', '日本語', 'tab\there', 'x' * 300]
def w(n, seed):
    return np.array([words[(i * 5 + seed) % len(words)] + str(i) for i in range(n)], dtype=object)
root.create_dataset('names', data=w(25, 0), chunks=(7,), dtype=object, object_codec=numcodecs.VLenUTF8())
root.create_dataset('grid', data=w(6 * 4, 1).reshape(6, 4), chunks=(4, 3), dtype=object,
                    object_codec=numcodecs.VLenUTF8())
cube = root.create_dataset('cube', data=w(3 * 5 * 4, 2).reshape(3, 5, 4), chunks=(2, 2, 2), dtype=object,
                           object_codec=numcodecs.VLenUTF8())
cube.attrs['_ARRAY_DIMENSIONS'] = ['time', 'station', 'field']
root.create_dataset('blobs', data=np.array([b'a\x00b', b'', b'\xff'], dtype=object), dtype=object,
                    object_codec=numcodecs.VLenBytes())
back = zarr.open_group('s.zarr', mode='r')
def flat(a):
    return [v if isinstance(v, str) else ''.join(chr(c) if 32 <= c < 127 and c != 92 else '\\x%02x' % c for c in v)
            for v in np.asarray(a).reshape(-1)]
json.dump({p: flat(back[p][...]) for p in ('names', 'grid', 'cube', 'blobs')}, open('values.json', 'w'))
)PY")));
        auto store = openStore(m_dir.filePath(QStringLiteral("s.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
        QFile f(m_dir.filePath(QStringLiteral("values.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_values = QJsonDocument::fromJson(f.readAll()).object();
    }

    void oneDimensionIsOneColumn()
    {
        SliceView view;
        new QAbstractItemModelTester(view.table()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, &view);
        QVERIFY(show(view, QStringLiteral("names")));
        QVERIFY(view.showsTable());
        QVERIFY(!view.plot()->isVisibleTo(&view));
        QVERIFY(!view.controls()->findChild<QCheckBox *>()->isVisibleTo(view.controls())); // no colour range
        const StringTableModel *m = view.table()->model();
        QCOMPARE(m->rowCount(), 25);
        QCOMPARE(m->columnCount(), 1);
        for (int r = 0; r < 25; ++r)
            QCOMPARE(m->fullText(r, 0), want(QStringLiteral("names"), r));
        QCOMPARE(m->headerData(24, Qt::Vertical, Qt::DisplayRole).toString(), QStringLiteral("24"));
        // A long value is shortened in the cell and whole in the tooltip.
        int longRow = 0; // the row zarr-python has 'x' * 300 in
        while (want(QStringLiteral("names"), longRow).size() <= StringTableModel::kShownCharacters)
            ++longRow;
        QCOMPARE(m->data(m->index(longRow, 0), Qt::ToolTipRole).toString(),
                 want(QStringLiteral("names"), longRow));
        QCOMPARE(m->data(m->index(longRow, 0), Qt::DisplayRole).toString().size(),
                 StringTableModel::kShownCharacters + 1);
    }

    void twoDimensionsAreRowsAndColumns()
    {
        SliceView view;
        new QAbstractItemModelTester(view.table()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, &view);
        QVERIFY(show(view, QStringLiteral("grid")));
        const StringTableModel *m = view.table()->model();
        QCOMPARE(m->rowCount(), 6);
        QCOMPARE(m->columnCount(), 4);
        for (int r = 0; r < 6; ++r)
            for (int c = 0; c < 4; ++c)
                QCOMPARE(m->fullText(r, c), want(QStringLiteral("grid"), r * 4 + c));
        // Swap the displayed dimensions: the transpose.
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.controls()->setDisplayedDims(0, 1);
        QVERIFY(finished.wait(10000));
        QCOMPARE(m->rowCount(), 4);
        QCOMPARE(m->columnCount(), 6);
        QCOMPARE(m->fullText(3, 5), want(QStringLiteral("grid"), 5 * 4 + 3));
    }

    void slidersPageThroughN()
    {
        SliceView view;
        new QAbstractItemModelTester(view.table()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, &view);
        QVERIFY(show(view, QStringLiteral("cube"))); // time x station x field: station rows, field columns
        const StringTableModel *m = view.table()->model();
        QCOMPARE(m->rowCount(), 5);
        QCOMPARE(m->columnCount(), 4);
        QCOMPARE(m->fullText(2, 3), want(QStringLiteral("cube"), 0 * 20 + 2 * 4 + 3));
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.controls()->setFixedIndex(0, 2);
        QVERIFY(finished.wait(10000));
        QCOMPARE(m->fullText(2, 3), want(QStringLiteral("cube"), 2 * 20 + 2 * 4 + 3));
        QCOMPARE(m->fullText(4, 0), want(QStringLiteral("cube"), 2 * 20 + 4 * 4 + 0));

        // The read-out names the cell by its dimensions, and copy gives the text.
        QTableView *table = view.table()->view();
        table->setCurrentIndex(m->index(4, 0));
        QCOMPARE(
            view.readout(),
            QStringLiteral("station = 4   field = 0   value = %1").arg(want(QStringLiteral("cube"), 56)));
        table->selectionModel()->select(m->index(1, 1), QItemSelectionModel::Select);
        table->selectionModel()->select(m->index(1, 2), QItemSelectionModel::Select);
        QCOMPARE(view.table()->selectedText(), want(QStringLiteral("cube"), 45) + u'\t' +
                                                   want(QStringLiteral("cube"), 46) + u'\n' +
                                                   want(QStringLiteral("cube"), 56));
        view.table()->copySelection();
        QCOMPARE(QApplication::clipboard()->text(), view.table()->selectedText());
    }

    void bytesShowEscapes()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("blobs")));
        const StringTableModel *m = view.table()->model();
        QCOMPARE(m->rowCount(), 3);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(m->fullText(r, 0), want(QStringLiteral("blobs"), r));
        QCOMPARE(m->fullText(0, 0), QStringLiteral("a\\x00b"));
    }

    // Back to a numeric array: the plot returns and the table is gone.
    void numericArrayAfterStrings()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("names")));
        QVERIFY(test::runZarrPython(m_dir.path(),
                                    QStringLiteral("zarr.open_group('s.zarr')['nums'] = np.arange(10.0)\n")));
        QVERIFY(show(view, QStringLiteral("nums")));
        QVERIFY(!view.showsTable());
        QVERIFY(view.controls()->findChild<QCheckBox *>()->isVisibleTo(view.controls()));
        QVERIFY(!view.table()->isVisibleTo(&view));
        QCOMPARE(view.table()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestStringTable)
#include "tst_string_table.moc"
