#pragma once
// The Statistics dock: count, NaN/missing count, min, max, mean, std and the 2/98 % percentiles of
// the values the Data tab shows (decoded when "Decode (CF)" is on), and their histogram; dragging
// on the histogram sets the view's manual colour range to the dragged interval. Recomputed when a
// read finishes or the values change (decode toggle, complex part), on a worker thread (a few
// million values take longer than a frame), and a newer computation makes an older one stale.
// "No slice shown" when the view shows no numeric slice. A view of a large array reads only what
// its plot can draw (every k-th value): then a line above the numbers says they are of that sample.

#include "SliceStatistics.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;

namespace zs {

class HistogramPlot;
class SliceView;
class StatisticsModel;

class StatisticsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit StatisticsPanel(QWidget *parent = nullptr);

    void setView(SliceView *view); // follows its values from now on

    StatisticsModel *model() const { return m_model; }
    HistogramPlot *histogram() const { return m_histogram; }
    QTableView *table() const { return m_table; }
    bool showsEmptyState() const;
    // A computation is scheduled or running: what is shown may be about to change.
    bool isUpdating() const { return m_update.isActive() || m_computing; }
    QString emptyText() const;
    // "Of a sample, as drawn: y in steps of 8, x in steps of 8 …", or empty when the slice is whole.
    QString samplingNote() const;

Q_SIGNALS:
    void statisticsReady(); // the model and histogram show the latest values

private:
    void scheduleUpdate();
    void recompute();
    void onComputed(quint64 job, const SliceStatistics &statistics, const QString &units,
                    const QString &sampling);
    void showEmpty();
    void fitTableToRows();

    QPointer<SliceView> m_view; // the panel may outlive it (both are the window's children)
    StatisticsModel *m_model;
    QTableView *m_table;
    HistogramPlot *m_histogram;
    QLabel *m_empty;
    QLabel *m_sampling;
    QWidget *m_content;
    QTimer m_update; // coalesces the signals of one change (a spin box emits a few)
    quint64 m_job = 0;
    bool m_computing = false; // job m_job is on the worker thread
};

} // namespace zs
