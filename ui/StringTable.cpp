#include "StringTable.h"

#include "array/ArrayReader.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeySequence>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>
#include <map>

namespace zs {

StringTable::StringTable(QWidget *parent)
    : QWidget(parent), m_view(new QTableView), m_model(new StringTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setToolTip(
        tr("The strings of the slice; Ctrl+C copies the selected cells as tab-separated text"));
    m_view->horizontalHeader()->setDefaultSectionSize(160);
    auto *copy = new QShortcut(QKeySequence::Copy, m_view);
    copy->setContext(Qt::WidgetWithChildrenShortcut);
    copy->setWhatsThis(tr("Copy the selected cells"));
    connect(copy, &QShortcut::activated, this, &StringTable::copySelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentCellChanged(readoutFor(current)); });
}

StringTable::~StringTable() = default;

void StringTable::setArray(std::shared_ptr<Store> store, const QString &path, const ArrayMetadata &meta)
{
    clear();
    m_store = std::move(store);
    m_path = path;
    m_meta = meta;
    delete m_reader;
    m_reader = new ArrayReader(m_store, m_path, meta, this);
    connect(m_reader, &ArrayReader::readFinished, this, [this] {
        m_model->setResult(m_reader->result(), m_selection, m_rowDim, m_colDim);
        Q_EMIT readFinished(m_truncated);
    });
    connect(m_reader, &ArrayReader::readFailed, this, [this](const Error &error) {
        const QString message = error.toString();
        m_model->clear();
        Q_EMIT readFailed(message);
    });
}

void StringTable::clear()
{
    cancel();
    m_model->clear();
    m_selection = {};
}

void StringTable::cancel()
{
    if (m_reader) m_reader->cancel();
}

bool StringTable::isReading() const
{
    return m_reader && m_reader->isRunning();
}

void StringTable::setDimensionNames(const QString &rowName, const QString &columnName)
{
    m_rowName = rowName;
    m_colName = columnName;
}

void StringTable::showSlice(const std::vector<std::uint64_t> &fixedIndex, int rowDim, int colDim)
{
    if (!m_reader || !m_meta) return;
    const Shape &shape = m_meta->shape;
    Selection sel;
    m_truncated = false;
    for (std::size_t d = 0; d < shape.size(); ++d) {
        DimSelection s;
        if (int(d) == rowDim || int(d) == colDim) {
            const std::uint64_t cap = int(d) == rowDim ? kMaxRows : kMaxColumns;
            s.start = 0;
            s.step = 1;
            s.count = std::min(shape[d], cap);
            m_truncated |= shape[d] > cap;
        } else {
            s.start = d < fixedIndex.size() ? std::min(fixedIndex[d], shape[d] ? shape[d] - 1 : 0) : 0;
            s.step = 1;
            s.count = 1;
            s.dropped = true;
        }
        sel.dims.push_back(s);
    }
    m_selection = sel;
    m_rowDim = rowDim;
    m_colDim = colDim;
    ReadOptions options;
    options.maxResultBytes = kMaxResultBytes;
    m_reader->start(sel, options);
    Q_EMIT readStarted();
}

QString StringTable::readoutFor(const QModelIndex &index) const
{
    if (!index.isValid()) return {};
    QString where = QStringLiteral("%1 = %2").arg(m_rowName).arg(m_model->rowIndex(index.row()));
    if (m_colDim >= 0)
        where += QStringLiteral("   %1 = %2").arg(m_colName).arg(m_model->columnIndex(index.column()));
    return QStringLiteral("%1   value = %2").arg(where, m_model->fullText(index.row(), index.column()));
}

QString StringTable::selectedText() const
{
    // Cells by row, then column, whatever order they were selected in.
    std::map<int, std::map<int, QString>> cells;
    for (const QModelIndex &i : m_view->selectionModel()->selectedIndexes())
        cells[i.row()][i.column()] = m_model->fullText(i.row(), i.column());
    QStringList lines;
    for (const auto &[row, columns] : cells) {
        QStringList texts;
        for (const auto &[column, text] : columns)
            texts << text;
        lines << texts.join(u'\t');
    }
    return lines.join(u'\n');
}

void StringTable::copySelection() const
{
    QApplication::clipboard()->setText(selectedText());
}

} // namespace zs
