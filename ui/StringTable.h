#pragma once
// The slice view's table for variable-length arrays: reads the displayed rows and columns of
// the current slice (at most kMaxRows x kMaxColumns of them, a note says when it is cut) and
// shows them in a StringTableModel. Copy (Ctrl+C) puts the selected cells' text on the
// clipboard, tab-separated by column and one line per row.

#include "StringTableModel.h"
#include "metadata/NodeMetadata.h"
#include "store/Store.h"

#include <QWidget>

class QTableView;

namespace zs {

class ArrayReader;

class StringTable final : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::uint64_t kMaxRows = 100000;
    static constexpr std::uint64_t kMaxColumns = 1000;
    static constexpr std::uint64_t kMaxResultBytes = std::uint64_t(256) << 20; // strings held at once

    explicit StringTable(QWidget *parent = nullptr);
    ~StringTable() override;

    void setArray(std::shared_ptr<Store> store, const QString &path, const ArrayMetadata &meta);
    void clear();
    // Reads and shows the slice: `fixedIndex` for every dimension but rowDim and colDim (-1: one column).
    void showSlice(const std::vector<std::uint64_t> &fixedIndex, int rowDim, int colDim);
    void cancel();
    bool isReading() const;

    StringTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    const Selection &selection() const { return m_selection; }
    // "row dim = i   column dim = j   value = text" for a cell; the selected cells as text.
    QString readoutFor(const QModelIndex &index) const;
    QString selectedText() const;
    void copySelection() const;
    // Names of the displayed dimensions, for the read-out.
    void setDimensionNames(const QString &rowName, const QString &columnName);

Q_SIGNALS:
    void readStarted();
    void readFinished(bool truncated); // truncated: the slice has more rows or columns than shown
    void readFailed(const QString &message);
    void currentCellChanged(const QString &readout);

private:
    std::shared_ptr<Store> m_store;
    QString m_path;
    std::optional<ArrayMetadata> m_meta;
    ArrayReader *m_reader = nullptr;
    QTableView *m_view;
    StringTableModel *m_model;
    Selection m_selection;
    int m_rowDim = -1;
    int m_colDim = -1;
    bool m_truncated = false;
    QString m_rowName;
    QString m_colName;
};

} // namespace zs
