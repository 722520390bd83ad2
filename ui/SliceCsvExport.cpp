#include "SliceCsvExport.h"

namespace zs {

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

SliceCsvExport::SliceCsvExport(QObject *parent) : QObject(parent) {}

SliceCsvExport::~SliceCsvExport()
{
    cancel();
}

QString SliceCsvExport::headerText(const std::optional<AxisCoordinate> &c, std::uint64_t index) const
{
    if (!c || !c->present() || index >= c->values.size()) return QString::number(index);
    // Dates as the table shows them; other coordinates as plain numbers a spreadsheet reads.
    if (c->time) return coordinateTextAt(*c, index);
    return shortestText(c->values[std::size_t(index)]);
}

bool SliceCsvExport::start(const Request &request)
{
    cancel();
    m_request = request;
    if (!request.slice.valid()) {
        fail(tr("No slice to export."));
        return false;
    }
    m_file = std::make_unique<QSaveFile>(request.fileName);
    if (!m_file->open(QIODevice::WriteOnly)) {
        fail(tr("Could not write %1: %2").arg(request.fileName, m_file->errorString()));
        return false;
    }
    const std::uint64_t columns = request.slice.columns();
    QStringList header{csvField(request.cornerLabel)};
    for (std::uint64_t c = 0; c < columns; ++c)
        header << csvField(request.slice.colDim < 0 ? tr("value") : headerText(request.columns, c));
    m_file->write(header.join(u',').toUtf8() + '\n');
    m_stripRows = std::max<std::uint64_t>(1, m_stripCells / std::max<std::uint64_t>(1, columns));
    m_nextRow = 0;
    m_reader = new ArrayReader(request.slice.store, request.slice.path, request.slice.meta, this);
    connect(m_reader, &ArrayReader::readFinished, this, &SliceCsvExport::writeStrip);
    connect(m_reader, &ArrayReader::readFailed, this,
            [this](const Error &error) { fail(tr("Read failed: %1").arg(error.toString())); });
    readNextStrip();
    return true;
}

void SliceCsvExport::readNextStrip()
{
    const TableSlice &s = m_request.slice;
    const std::uint64_t rows = std::min(m_stripRows, s.rows() - m_nextRow);
    m_reader->start(s.selection(m_nextRow, rows, 0, s.columns()), s.readOptions());
}

void SliceCsvExport::writeStrip()
{
    const TableSlice &s = m_request.slice;
    const std::uint64_t rows = std::min(m_stripRows, s.rows() - m_nextRow), columns = s.columns();
    const char *data = m_reader->result().data.constData();
    const std::size_t size = s.meta.dtype.size;
    for (std::uint64_t r = 0; r < rows; ++r) {
        QString line = csvField(headerText(m_request.rows, m_nextRow + r));
        for (std::uint64_t c = 0; c < columns; ++c) {
            line += u',';
            line +=
                m_request.format.text(m_request.format.value(data + s.offset(r, c, rows, columns) * size));
        }
        line += u'\n';
        m_file->write(line.toUtf8());
    }
    m_nextRow += rows;
    Q_EMIT progress(m_nextRow, s.rows());
    if (m_nextRow < s.rows()) return readNextStrip();
    m_reader->deleteLater();
    m_reader = nullptr;
    if (!m_file->commit())
        return fail(tr("Could not write %1: %2").arg(m_request.fileName, m_file->errorString()));
    m_file.reset();
    Q_EMIT finished(true,
                    tr("Exported %1 x %2 values to %3").arg(s.rows()).arg(columns).arg(m_request.fileName));
}

void SliceCsvExport::cancel()
{
    if (m_reader) {
        disconnect(m_reader, nullptr, this, nullptr);
        m_reader->cancel();
        m_reader->deleteLater();
        m_reader = nullptr;
    }
    if (m_file) m_file->cancelWriting(); // the temporary file goes, the target stays as it was
    m_file.reset();
}

void SliceCsvExport::fail(const QString &message)
{
    cancel();
    Q_EMIT finished(false, message);
}

} // namespace zs
