#pragma once
// The Data tab's Table mode for numeric arrays: the displayed slice at full resolution in a
// SliceTableModel (read lazily in blocks), Copy (Ctrl+C) of the selection as TSV (tab-separated,
// one line per row; cells not loaded yet are read first, at most kMaxCopyCells of them) and
// "Export slice to CSV…" (SliceCsvExport), from the button and the context menu.

#include "SliceTableModel.h"

#include <QItemSelection>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace zs {

class SliceCsvExport;

class SliceTable final : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::uint64_t kMaxCopyCells = 1000000;

    explicit SliceTable(QWidget *parent = nullptr);
    ~SliceTable() override;

    // Shows `slice`; the headers name rows and columns by these coordinates when given.
    void setSlice(const TableSlice &slice, const TableValueFormat &format, std::optional<AxisCoordinate> rows,
                  std::optional<AxisCoordinate> columns, const QString &rowName);
    void clear();

    SliceTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    SliceCsvExport *exporter() const { return m_export; }
    QString status() const; // the line under the table: what the last copy or export did

    // Reads the selected cells (those not loaded yet too) and puts them on the clipboard as TSV:
    // copied(text) when done, copyFailed(why) when the selection is too large or the read fails.
    void copySelection();
    // Writes the whole slice to `fileName` (exportFinished when done); false when it cannot start.
    bool exportCsv(const QString &fileName);
    void chooseAndExportCsv(); // asks for the file first

Q_SIGNALS:
    void copied(const QString &text);
    void copyFailed(const QString &message);
    void exportFinished(bool ok, const QString &message);

private:
    void showStatus(const QString &text);
    void onCopyRead();
    void showMenu(const QPoint &pos);

    SliceTableModel *m_model;
    QTableView *m_view;
    QPushButton *m_exportButton;
    QLabel *m_status;
    SliceCsvExport *m_export;
    ArrayReader *m_copyReader = nullptr;
    QString m_rowName;
    struct CopyBox
    {
        int top = 0, left = 0, rows = 0, columns = 0;
    };
    CopyBox m_copyBox;
    QItemSelection m_copySelection;
    TableSlice m_copySlice; // what the copy read is for, kept even if the table moves on
    TableValueFormat m_copyFormat;
};

} // namespace zs
