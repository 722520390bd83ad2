#pragma once
// The Image tab's channel controls: the channel list (shown, name, colour, window), what is drawn
// (the composite of the shown channels, or one channel alone in grey or in its colour), and the
// histogram of the chosen channel over the coarsest level, where dragging sets its window.

#include "ome/ChannelLook.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QTableView;

namespace zs {
class HistogramPlot;
}

namespace zs::omeview {

class ChannelListModel;

class ChannelPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ChannelPanel(ChannelListModel *model, QWidget *parent = nullptr);

    // New looks were set (a new image): the display list follows the channels.
    void looksReset();
    // The values the histograms are drawn from (the coarsest level as read).
    void setChannelValues(const PlaneStack &planes);
    int soloChannel() const; // -1 for the composite
    bool soloGrey() const;
    int histogramChannel() const; // the channel the histogram shows: the solo one, else the current row
    // The picture of `planes` as the controls say: the composite, or one channel alone.
    QImage picture(const PlaneStack &planes) const;

    QTableView *table() const { return m_table; }
    QComboBox *display() const { return m_display; }
    QCheckBox *grey() const { return m_grey; }
    HistogramPlot *histogram() const { return m_histogram; }

Q_SIGNALS:
    void displayChanged();

private:
    void updateHistogram();
    void setWindow(double lower, double upper);

    ChannelListModel *m_model;
    QTableView *m_table;
    QComboBox *m_display;
    QCheckBox *m_grey;
    HistogramPlot *m_histogram;
    PlaneStack m_values;
};

} // namespace zs::omeview
