#include "StatisticsPanel.h"

#include "HistogramPlot.h"
#include "SliceView.h"
#include "StatisticsModel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace zs {

namespace {

// The units the shown values are in: the array's, unless decoding would change the values and is off.
QString shownUnits(const SliceView &view)
{
    const ViewConventions *c = view.conventions();
    if (!c || (c->decoder && !view.decoding())) return {};
    return c->conventions.units;
}

// The view's displayed dimensions read with a step: what the numbers are of, in words.
QString samplingOf(const SliceView &view)
{
    QStringList steps;
    const Selection &shown = view.shownSelection();
    for (std::size_t d = 0; d < shown.dims.size(); ++d) {
        const DimSelection &s = shown.dims[d];
        if (!s.dropped && s.step > 1)
            steps << StatisticsPanel::tr("%1 in steps of %2")
                         .arg(view.controls()->dimensionLabel(int(d)))
                         .arg(s.step);
    }
    if (steps.isEmpty()) return {};
    return StatisticsPanel::tr("Of a sample, as drawn: %1 (zoom in for every value)")
        .arg(steps.join(QStringLiteral(", ")));
}

} // namespace

StatisticsPanel::StatisticsPanel(QWidget *parent)
    : QWidget(parent), m_model(new StatisticsModel(this)), m_table(new QTableView),
      m_histogram(new HistogramPlot), m_empty(new QLabel(tr("No slice shown"))), m_sampling(new QLabel),
      m_content(new QWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_content, 1);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addWidget(m_sampling);
    content->addWidget(m_table);
    m_sampling->setWordWrap(true);
    m_sampling->hide();
    content->addWidget(m_histogram, 1);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setToolTip(
        tr("Statistics of the values shown in the Data tab, NaN and missing values left out"));
    m_update.setSingleShot(true);
    m_update.setInterval(30);
    connect(&m_update, &QTimer::timeout, this, &StatisticsPanel::recompute);
    connect(m_histogram, &HistogramPlot::rangeDragged, this, [this](double lower, double upper) {
        if (m_view) m_view->controls()->setManualRange(lower, upper);
    });
    showEmpty();
}

void StatisticsPanel::setView(SliceView *view)
{
    if (m_view) disconnect(m_view.data(), nullptr, this, nullptr);
    m_view = view;
    if (!view) return showEmpty();
    connect(view, &SliceView::readFinished, this, &StatisticsPanel::scheduleUpdate);
    connect(view, &SliceView::cleared, this, &StatisticsPanel::recompute); // at once: no stale numbers
    connect(view->controls(), &SliceControls::decodeToggled, this, &StatisticsPanel::scheduleUpdate);
    connect(view->controls(), &SliceControls::appearanceChanged, this, &StatisticsPanel::scheduleUpdate);
    scheduleUpdate();
}

bool StatisticsPanel::showsEmptyState() const
{
    return !m_empty->isHidden();
}

QString StatisticsPanel::samplingNote() const
{
    return showsEmptyState() || m_sampling->isHidden() ? QString() : m_sampling->text();
}

QString StatisticsPanel::emptyText() const
{
    return showsEmptyState() ? m_empty->text() : QString();
}

void StatisticsPanel::scheduleUpdate()
{
    m_update.start();
}

void StatisticsPanel::showEmpty()
{
    ++m_job; // a computation in flight is for values no longer shown
    m_computing = false;
    m_update.stop();
    m_model->clear();
    m_histogram->clear();
    m_content->hide();
    m_empty->show();
}

void StatisticsPanel::recompute()
{
    if (!m_view || m_view->values().empty()) return showEmpty();
    const quint64 job = ++m_job;
    m_computing = true;
    QPointer<StatisticsPanel> self(this);
    (void)QtConcurrent::run(
        [self, job, values = m_view->values(), units = shownUnits(*m_view), sampling = samplingOf(*m_view)] {
            SliceStatistics s = computeStatistics(values);
            QMetaObject::invokeMethod(
                qApp,
                [self, job, s = std::move(s), units, sampling] {
                    if (self) self->onComputed(job, s, units, sampling);
                },
                Qt::QueuedConnection);
        });
}

// Every statistic in sight at once: the table as tall as its rows, the histogram taking the rest.
void StatisticsPanel::fitTableToRows()
{
    int height = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_model->rowCount(); ++row)
        height += m_table->verticalHeader()->sectionSize(row);
    m_table->setFixedHeight(height);
}

void StatisticsPanel::onComputed(quint64 job, const SliceStatistics &statistics, const QString &units,
                                 const QString &sampling)
{
    if (job != m_job) return; // newer values came since
    m_computing = false;
    m_sampling->setText(sampling);
    m_sampling->setVisible(!sampling.isEmpty());
    m_model->setStatistics(statistics, units);
    fitTableToRows();
    const QString title = m_view ? m_view->arrayPath().section(u'/', -1) : QString();
    m_histogram->setHistogram(statistics.histogram,
                              units.isEmpty() ? title : QStringLiteral("%1 [%2]").arg(title, units));
    m_empty->hide();
    m_content->show();
    Q_EMIT statisticsReady();
}

} // namespace zs
