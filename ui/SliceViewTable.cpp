// SliceView's Table mode, apart from SliceView.cpp: the Plot / Table switch in the control row
// and the numeric table (SliceTable) over the displayed slice at full resolution, its values in
// the view's conversion (decoded or raw, the chosen complex part) and its headers the shown
// coordinates. The plot keeps reading its (sampled) view meanwhile, so the statistics stay current.

#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "SliceTable.h"
#include "SliceView.h"
#include "view/SliceSource.h"

#include <QComboBox>
#include <QVBoxLayout>

namespace zs {

void SliceView::setUpSliceTable(QVBoxLayout *layout)
{
    m_viewMode = new QComboBox;
    m_viewMode->addItems({tr("Plot"), tr("Table")});
    m_viewMode->setToolTip(tr("Plot: the slice as an image or line. Table: its values at full resolution, "
                              "with copy (Ctrl+C) and export to CSV"));
    m_viewMode->setEnabled(false);
    m_controls->addToControlRow(m_viewMode);
    m_sliceTable = new SliceTable;
    layout->insertWidget(layout->indexOf(m_readout), m_sliceTable, 1);
    m_sliceTable->hide();
    connect(m_viewMode, &QComboBox::currentIndexChanged, this, &SliceView::updateSliceTable);
    // Same cells, other values (decoded or raw, another complex part) or other header coordinates.
    connect(m_controls, &SliceControls::decodeToggled, this, &SliceView::updateSliceTable);
    connect(m_controls, &SliceControls::appearanceChanged, this, &SliceView::updateSliceTable);
    connect(this, &SliceView::coordinatesReady, this, &SliceView::updateSliceTable);
}

bool SliceView::showsSliceTable() const
{
    return m_sliceTable && !m_sliceTable->isHidden();
}

void SliceView::setTableMode(bool table)
{
    m_viewMode->setCurrentIndex(table ? 1 : 0);
}

void SliceView::updateSliceTable()
{
    if (!m_sliceTable) return; // during construction
    const bool available = m_source && m_node && !m_node->array->shape.empty() && !m_tableMode;
    m_viewMode->setEnabled(available);
    const bool on = available && m_viewMode->currentIndex() == 1;
    if (available) m_drawing->plot()->setVisible(!on);
    m_sliceTable->setVisible(on);
    if (!on) return m_sliceTable->clear();
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    TableSlice slice;
    slice.store = m_store;
    slice.path = m_node->path;
    slice.meta = *m_node->array;
    slice.cache = m_source->cache();
    slice.fixedIndex = m_controls->fixedIndex();
    slice.rowDim = yd >= 0 ? yd : xd; // a 1-D slice is one column
    slice.colDim = yd >= 0 ? xd : -1;
    TableValueFormat format;
    format.dtype = m_node->array->dtype;
    format.part = m_controls->complexPart();
    if (decoding() && m_conventions->decoder) format.decoder = m_conventions->decoder;
    const auto coordinate = [this](int dim) -> std::optional<AxisCoordinate> {
        const AxisCoordinate *c = dim >= 0 ? shownCoordinate(dim) : nullptr;
        return c ? std::optional<AxisCoordinate>(*c) : std::nullopt;
    };
    m_sliceTable->setSlice(slice, format, coordinate(slice.rowDim), coordinate(slice.colDim),
                           m_controls->dimensionLabel(slice.rowDim));
}

} // namespace zs
