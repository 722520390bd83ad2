#pragma once
// "Export slice to CSV…": the whole displayed 2-D (or 1-D) slice at full resolution, a header row
// of the column dimension's coordinate values (dates for time, else numbers or indices) and a
// first column of the row dimension's, read through the engine in strips of at most stripCells
// cells, each written before the next is read: memory stays bounded whatever the slice's size.
// Written through QSaveFile (a temporary file renamed at the end): a failed or cancelled export
// leaves no half-written file and an older file of that name untouched.

#include "AxisCoordinate.h"
#include "TableSlice.h"
#include "TableValueFormat.h"

#include <QObject>
#include <QSaveFile>
#include <memory>

namespace zs {

class SliceCsvExport final : public QObject
{
    Q_OBJECT
public:
    static constexpr std::uint64_t kDefaultStripCells = std::uint64_t(1) << 20;

    explicit SliceCsvExport(QObject *parent = nullptr);
    ~SliceCsvExport() override;

    struct Request
    {
        TableSlice slice;
        TableValueFormat format;
        std::optional<AxisCoordinate> rows; // the coordinates of the rows and columns, when shown
        std::optional<AxisCoordinate> columns;
        QString cornerLabel; // the header row's first cell: the row dimension's name
        QString fileName;
    };
    // False (and finished(false, why)) when the file cannot be opened; else the export runs.
    bool start(const Request &request);
    void cancel(); // nothing is written
    bool isRunning() const { return m_reader != nullptr; }
    void setStripCells(std::uint64_t cells) { m_stripCells = std::max<std::uint64_t>(1, cells); }

Q_SIGNALS:
    void progress(quint64 rowsDone, quint64 rowsTotal);
    void finished(bool ok, const QString &message);

private:
    void readNextStrip();
    void writeStrip();
    void fail(const QString &message);
    QString headerText(const std::optional<AxisCoordinate> &c, std::uint64_t index) const;

    Request m_request;
    std::unique_ptr<QSaveFile> m_file;
    ArrayReader *m_reader = nullptr;
    std::uint64_t m_nextRow = 0;
    std::uint64_t m_stripRows = 0;
    std::uint64_t m_stripCells = kDefaultStripCells;
};

} // namespace zs
