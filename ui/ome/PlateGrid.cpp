#include "ome/PlateGrid.h"

#include <QMouseEvent>
#include <QPainter>

namespace zs::omeview {

namespace {

constexpr int kHeader = 28; // room for the row and column names
constexpr int kCell = 96;
constexpr int kGap = 4;

} // namespace

PlateGrid::PlateGrid(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
}

void PlateGrid::setPlate(const ome::Plate &plate, const std::vector<WellCell> *wells)
{
    m_plate = plate;
    m_wells = wells;
    m_selected = -1;
    updateGeometry();
    update();
}

void PlateGrid::setSelected(int well)
{
    m_selected = well;
    update();
}

QSize PlateGrid::sizeHint() const
{
    return QSize(kHeader + int(m_plate.columns.size()) * (kCell + kGap),
                 kHeader + int(m_plate.rows.size()) * (kCell + kGap));
}

QRect PlateGrid::gridRect(int row, int column) const
{
    // Cells shrink to fit the widget, never grow past kCell.
    const int columns = std::max(1, int(m_plate.columns.size()));
    const int rows = std::max(1, int(m_plate.rows.size()));
    const int size = std::max(
        8, std::min({kCell, (width() - kHeader) / columns - kGap, (height() - kHeader) / rows - kGap}));
    return QRect(kHeader + column * (size + kGap), kHeader + row * (size + kGap), size, size);
}

QRect PlateGrid::cellRect(int well) const
{
    if (well < 0 || std::size_t(well) >= m_plate.wells.size()) return {};
    const ome::PlateWell &w = m_plate.wells[std::size_t(well)];
    return gridRect(w.row, w.column);
}

int PlateGrid::wellAt(const QPoint &point) const
{
    for (int i = 0; i < int(m_plate.wells.size()); ++i)
        if (cellRect(i).contains(point)) return i;
    return -1;
}

void PlateGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    p.setPen(palette().color(QPalette::WindowText));
    for (int c = 0; c < int(m_plate.columns.size()); ++c) {
        const QRect cell = gridRect(0, c);
        p.drawText(QRect(cell.left(), 0, cell.width(), kHeader), Qt::AlignCenter,
                   m_plate.columns[std::size_t(c)]);
    }
    for (int r = 0; r < int(m_plate.rows.size()); ++r) {
        const QRect cell = gridRect(r, 0);
        p.drawText(QRect(0, cell.top(), kHeader, cell.height()), Qt::AlignCenter,
                   m_plate.rows[std::size_t(r)]);
    }
    // Empty positions: a faint outline, so the plate's shape shows before the wells arrive.
    p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
    for (int r = 0; r < int(m_plate.rows.size()); ++r)
        for (int c = 0; c < int(m_plate.columns.size()); ++c)
            p.drawRect(gridRect(r, c).adjusted(0, 0, -1, -1));
    for (int i = 0; i < int(m_plate.wells.size()); ++i) {
        const QRect cell = cellRect(i);
        const WellCell *w =
            m_wells && std::size_t(i) < m_wells->size() ? &(*m_wells)[std::size_t(i)] : nullptr;
        p.fillRect(cell, Qt::black);
        if (w && !w->thumbnail.isNull()) {
            const QSize fitted = w->thumbnail.size().scaled(cell.size(), Qt::KeepAspectRatio);
            const QRect target(cell.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
            p.drawImage(target, w->thumbnail);
        } else if (w) {
            p.setPen(Qt::lightGray);
            p.drawText(cell.adjusted(2, 2, -2, -2), Qt::AlignCenter | Qt::TextWordWrap,
                       w->pending ? tr("…") : tr("no image"));
        }
        p.setPen(QPen(i == m_selected ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid),
                      i == m_selected ? 3 : 1));
        p.drawRect(cell.adjusted(0, 0, -1, -1));
    }
}

void PlateGrid::mousePressEvent(QMouseEvent *event)
{
    const int well = wellAt(event->position().toPoint());
    if (well >= 0) Q_EMIT wellClicked(well);
}

void PlateGrid::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int well = wellAt(event->position().toPoint());
    if (well >= 0) Q_EMIT wellDoubleClicked(well);
}

} // namespace zs::omeview
