#include "SliceTable.h"

#include "SliceCsvExport.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace zs {

SliceTable::SliceTable(QWidget *parent)
    : QWidget(parent), m_model(new SliceTableModel(this)), m_view(new QTableView),
      m_exportButton(new QPushButton(tr("Export slice to CSV…"))), m_status(new QLabel),
      m_export(new SliceCsvExport(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_exportButton);
    layout->addLayout(row);
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    // Fixed section sizes: sizing 100000 sections to their contents would read every cell.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setDefaultSectionSize(96);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setToolTip(
        tr("The slice at full resolution; Ctrl+C copies the selected cells as tab-separated text"));
    m_exportButton->setToolTip(
        tr("Write the whole displayed slice to a CSV file, coordinates as the header row and first column"));
    m_status->setWordWrap(true);
    auto *copy = new QShortcut(QKeySequence::Copy, m_view);
    copy->setContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QShortcut::activated, this, &SliceTable::copySelection);
    connect(m_exportButton, &QPushButton::clicked, this, &SliceTable::chooseAndExportCsv);
    connect(m_view, &QWidget::customContextMenuRequested, this, &SliceTable::showMenu);
    connect(m_model, &SliceTableModel::readFailed, this,
            [this](const QString &error) { showStatus(tr("Read failed: %1").arg(error)); });
    connect(m_export, &SliceCsvExport::progress, this, [this](quint64 done, quint64 total) {
        showStatus(tr("Exporting… %1 of %2 rows").arg(done).arg(total));
    });
    connect(m_export, &SliceCsvExport::finished, this, [this](bool ok, const QString &message) {
        showStatus(message);
        Q_EMIT exportFinished(ok, message);
    });
}

SliceTable::~SliceTable() = default;

void SliceTable::setSlice(const TableSlice &slice, const TableValueFormat &format,
                          std::optional<AxisCoordinate> rows, std::optional<AxisCoordinate> columns,
                          const QString &rowName)
{
    if (!m_model->slice().valid() || !m_model->slice().sameCells(slice)) {
        if (m_copyReader) m_copyReader->cancel(); // a copy of cells no longer shown
        showStatus({});
    }
    m_model->setSlice(slice, format);
    m_model->setHeaders(std::move(rows), std::move(columns));
    m_rowName = rowName;
}

void SliceTable::clear()
{
    if (m_copyReader) m_copyReader->cancel();
    m_model->clear();
    showStatus({}); // an export in progress goes on: it has its own snapshot
}

QString SliceTable::status() const
{
    return m_status->text();
}

void SliceTable::showStatus(const QString &text)
{
    m_status->setText(text);
}

void SliceTable::showMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(tr("Copy"), QKeySequence::Copy, this, &SliceTable::copySelection);
    menu.addAction(tr("Export slice to CSV…"), this, &SliceTable::chooseAndExportCsv);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void SliceTable::copySelection()
{
    const QItemSelection selection = m_view->selectionModel()->selection();
    if (selection.isEmpty() || !m_model->slice().valid()) return;
    // The box around the ranges: never selectedIndexes(), which lists every cell of a huge selection.
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QItemSelectionRange &r : selection) {
        top = std::min(top, r.top());
        left = std::min(left, r.left());
        bottom = std::max(bottom, r.bottom());
        right = std::max(right, r.right());
    }
    const std::uint64_t cells = std::uint64_t(bottom - top + 1) * std::uint64_t(right - left + 1);
    if (cells > kMaxCopyCells) {
        const QString message = tr("The selection spans %1 cells; copying is limited to %2. Select fewer "
                                   "cells, or use Export slice to CSV.")
                                    .arg(cells)
                                    .arg(kMaxCopyCells);
        showStatus(message);
        Q_EMIT copyFailed(message);
        return;
    }
    m_copyBox = {top, left, bottom - top + 1, right - left + 1};
    m_copySelection = selection;
    m_copySlice = m_model->slice();
    m_copyFormat = m_model->format();
    if (m_copyReader) { // a copy still running is replaced; it may be of another array
        disconnect(m_copyReader, nullptr, this, nullptr);
        m_copyReader->cancel();
        m_copyReader->deleteLater();
    }
    m_copyReader = new ArrayReader(m_copySlice.store, m_copySlice.path, m_copySlice.meta, this);
    connect(m_copyReader, &ArrayReader::readFinished, this, &SliceTable::onCopyRead);
    connect(m_copyReader, &ArrayReader::readFailed, this, [this](const Error &error) {
        const QString message = tr("Copy failed: %1").arg(error.toString());
        showStatus(message);
        Q_EMIT copyFailed(message);
    });
    showStatus(tr("Copying %1 cells…").arg(cells));
    // Through the cache: cells already loaded cost no request.
    m_copyReader->start(m_copySlice.selection(std::uint64_t(top), std::uint64_t(m_copyBox.rows),
                                              std::uint64_t(left), std::uint64_t(m_copyBox.columns)),
                        m_copySlice.readOptions());
}

void SliceTable::onCopyRead()
{
    const CopyBox &box = m_copyBox;
    const char *data = m_copyReader->result().data.constData();
    const std::size_t size = m_copySlice.meta.dtype.size;
    QStringList lines;
    int count = 0;
    for (int r = 0; r < box.rows; ++r) {
        QStringList cells;
        for (int c = 0; c < box.columns; ++c) {
            if (!m_copySelection.contains(m_model->index(box.top + r, box.left + c))) continue;
            const std::uint64_t at = m_copySlice.offset(std::uint64_t(r), std::uint64_t(c),
                                                        std::uint64_t(box.rows), std::uint64_t(box.columns));
            cells << m_copyFormat.text(m_copyFormat.value(data + at * size));
            ++count;
        }
        if (!cells.isEmpty()) lines << cells.join(u'\t');
    }
    const QString text = lines.join(u'\n');
    QApplication::clipboard()->setText(text);
    showStatus(tr("Copied %n cell(s).", nullptr, count));
    Q_EMIT copied(text);
}

bool SliceTable::exportCsv(const QString &fileName)
{
    SliceCsvExport::Request request;
    request.slice = m_model->slice();
    request.format = m_model->format();
    request.rows = m_model->rowCoordinate();
    request.columns = m_model->columnCoordinate();
    request.cornerLabel = m_rowName;
    request.fileName = fileName;
    return m_export->start(request);
}

void SliceTable::chooseAndExportCsv()
{
    if (!m_model->slice().valid()) return;
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export slice to CSV"), m_model->slice().path.section(u'/', -1) + QStringLiteral(".csv"),
        tr("CSV files (*.csv);;All files (*)"));
    if (!file.isEmpty()) exportCsv(file);
}

} // namespace zs
