#include "ome/ChannelPanel.h"

#include "HistogramPlot.h"
#include "ome/ChannelListModel.h"
#include "ome/Composite.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace zs::omeview {

ChannelPanel::ChannelPanel(ChannelListModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_table(new QTableView), m_display(new QComboBox),
      m_grey(new QCheckBox(tr("Grey"))), m_histogram(new HistogramPlot)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Channels")));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Show")));
    row->addWidget(m_display, 1);
    row->addWidget(m_grey);
    layout->addLayout(row);
    m_histogram->setMinimumHeight(140);
    layout->addWidget(m_histogram);
    m_grey->setEnabled(false);
    connect(m_display, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_grey->setEnabled(soloChannel() >= 0);
        updateHistogram();
        Q_EMIT displayChanged();
    });
    connect(m_grey, &QCheckBox::toggled, this, &ChannelPanel::displayChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateHistogram(); });
    connect(m_histogram, &HistogramPlot::rangeDragged, this, &ChannelPanel::setWindow);
    looksReset();
}

void ChannelPanel::looksReset()
{
    const QSignalBlocker block(m_display);
    m_display->clear();
    m_display->addItem(tr("Composite of the shown channels"));
    for (const ChannelLook &look : m_model->looks())
        m_display->addItem(tr("%1 alone").arg(look.label));
    m_grey->setEnabled(false);
    m_table->resizeColumnsToContents();
    if (m_model->rowCount() > 0) m_table->setCurrentIndex(m_model->index(0, 0));
    updateHistogram();
}

void ChannelPanel::setChannelValues(const PlaneStack &planes)
{
    m_values = planes;
    updateHistogram();
}

int ChannelPanel::soloChannel() const
{
    return m_display->currentIndex() - 1;
}

bool ChannelPanel::soloGrey() const
{
    return m_grey->isChecked();
}

int ChannelPanel::histogramChannel() const
{
    if (soloChannel() >= 0) return soloChannel();
    return std::max(0, m_table->currentIndex().row());
}

QImage ChannelPanel::picture(const PlaneStack &planes) const
{
    const std::vector<ChannelLook> &looks = m_model->looks();
    const int solo = soloChannel();
    if (solo >= 0 && std::size_t(solo) < looks.size() && solo < planes.channels)
        return channelImage(planes, solo, looks[std::size_t(solo)], soloGrey());
    return compositeImage(planes, looks);
}

void ChannelPanel::updateHistogram()
{
    const int c = histogramChannel();
    if (c >= m_values.channels || std::size_t(c) >= m_model->looks().size()) {
        m_histogram->clear();
        return;
    }
    const std::size_t plane = std::size_t(m_values.height) * std::size_t(m_values.width);
    const auto first = m_values.values.begin() + std::ptrdiff_t(std::size_t(c) * plane);
    const std::vector<double> values(first, first + std::ptrdiff_t(plane));
    m_histogram->setHistogram(computeStatistics(values).histogram, m_model->looks()[std::size_t(c)].label);
}

// A range dragged on the histogram becomes the channel's window. The model refuses a start at or
// past the end, so the end moves first when the window moves up.
void ChannelPanel::setWindow(double lower, double upper)
{
    const int c = histogramChannel();
    if (std::size_t(c) >= m_model->looks().size()) return;
    const QModelIndex start = m_model->index(c, ChannelListModel::StartColumn);
    const QModelIndex end = m_model->index(c, ChannelListModel::EndColumn);
    if (lower >= m_model->looks()[std::size_t(c)].end) {
        m_model->setData(end, upper);
        m_model->setData(start, lower);
    } else {
        m_model->setData(start, lower);
        m_model->setData(end, upper);
    }
}

} // namespace zs::omeview
