#include "ProfileView.h"

#include "DataRange.h"
#include "ErrorStyle.h"
#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "view/SliceSource.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <limits>

namespace zs {

namespace {

QString dimensionName(const ArrayMetadata &meta, int dim)
{
    if (dim >= 0 && dim < meta.dimensionNames.size() && !meta.dimensionNames[dim].isEmpty())
        return meta.dimensionNames[dim];
    return QStringLiteral("dim %1").arg(dim);
}

} // namespace

ProfileView::ProfileView(QWidget *parent)
    : QWidget(parent), m_along(new QComboBox), m_title(new QLabel), m_status(new QLabel),
      m_cancel(new QPushButton(tr("Cancel"))), m_drawing(std::make_unique<SlicePlot>(new QCustomPlot))
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Along:")));
    row->addWidget(m_along);
    row->addWidget(m_title, 1);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_drawing->plot(), 1);
    m_along->setToolTip(tr("The dimension the profile runs along; the picked cell fixes the others"));
    m_cancel->setToolTip(tr("Stop reading the profile and keep what arrived"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_cancel->setEnabled(false);
    m_drawing->plot()->setMinimumSize(240, 160);
    clear();
    connect(m_cancel, &QPushButton::clicked, this, &ProfileView::cancel);
    connect(m_along, &QComboBox::activated, this, [this](int i) { setAlongDim(i); });
    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(100);
    connect(&m_redrawTimer, &QTimer::timeout, this, &ProfileView::redraw);
}

ProfileView::~ProfileView() = default;

QCustomPlot *ProfileView::plot() const
{
    return m_drawing->plot();
}

int ProfileView::alongDim() const
{
    return m_request ? m_request->alongDim : -1;
}

bool ProfileView::isReading() const
{
    return m_source && m_source->isRunning();
}

QString ProfileView::status() const
{
    return m_status->text();
}

QString ProfileView::title() const
{
    return m_title->text();
}

void ProfileView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? errorStyleSheet() : QString());
}

const AxisCoordinate *ProfileView::alongCoordinate() const
{
    if (!m_request || !m_request->conventions) return nullptr;
    const auto &axes = m_request->conventions->axes;
    const auto dim = std::size_t(m_request->alongDim);
    return dim < axes.size() && axes[dim].present() ? &axes[dim] : nullptr;
}

void ProfileView::showProfile(const ProfileRequest &request)
{
    if (request.meta.shape.empty() || request.index.size() != request.meta.shape.size()) return;
    if (m_source) {
        m_source->cancel();
        m_source->deleteLater();
    }
    m_request = request;
    m_request->alongDim = std::clamp(request.alongDim, 0, int(request.meta.shape.size()) - 1);
    m_source = new SliceSource(request.store, request.path, request.meta, request.cache, this);
    m_source->setPrefetchEnabled(false); // one profile, not its neighbours
    // Only the current job draws: a profile the user has moved on from is stale.
    auto current = [this](quint64 job) { return m_source && job == m_source->currentJob(); };
    connect(m_source, &SliceSource::progress, this,
            [this, current](quint64 job, quint64 done, quint64 total) {
                if (current(job)) setStatus(tr("Reading: %1 of %2 chunks").arg(done).arg(total), false);
            });
    connect(m_source, &SliceSource::regionReady, this, [this, current](quint64 job, const ResultRegion &r) {
        if (current(job) && r.start.size() == 1) onRegion(job, r.start[0], r.count[0]);
    });
    connect(m_source, &SliceSource::finished, this, [this, current](quint64 job) {
        if (!current(job)) return;
        m_complete = true;
        onRegion(job, 0, m_values.size()); // sharded reads announce no regions: all of it is here
        m_redrawTimer.stop();
        redraw();
        m_cancel->setEnabled(false);
        const ReadStats &stats = m_source->lastStats();
        setStatus(tr("%1 values along %2; %3 requests to the store")
                      .arg(m_values.size())
                      .arg(dimensionName(m_request->meta, m_request->alongDim))
                      .arg(stats.requests),
                  false);
        Q_EMIT profileFinished();
    });
    connect(m_source, &SliceSource::failed, this, [this, current](quint64 job, const Error &failure) {
        if (!current(job)) return;
        m_redrawTimer.stop();
        m_cancel->setEnabled(false);
        const QString error = failure.toString();
        setStatus(tr("Read failed: %1").arg(error), true);
        Q_EMIT profileFailed(error);
    });
    m_along->clear();
    for (int d = 0; d < int(request.meta.shape.size()); ++d)
        m_along->addItem(QStringLiteral("%1 (%2)")
                             .arg(dimensionName(request.meta, d))
                             .arg(request.meta.shape[std::size_t(d)]));
    startRead();
}

void ProfileView::clear()
{
    if (m_source) {
        m_source->cancel();
        m_source->deleteLater();
        m_source = nullptr;
    }
    m_request.reset();
    m_values.clear();
    m_redrawTimer.stop();
    m_along->clear();
    m_title->clear();
    m_cancel->setEnabled(false);
    m_drawing->clear();
    m_drawing->setUpNothing();
    setStatus(tr("Click a cell of an image in the Data tab to plot the values through it."), false);
}

void ProfileView::setAlongDim(int dim)
{
    if (!m_request || dim < 0 || dim >= int(m_request->meta.shape.size())) return;
    m_request->alongDim = dim;
    startRead();
}

void ProfileView::startRead()
{
    const ProfileRequest &r = *m_request;
    const int along = r.alongDim;
    m_along->setCurrentIndex(along);
    Selection selection;
    for (std::size_t d = 0; d < r.meta.shape.size(); ++d) {
        if (int(d) == along)
            selection.dims.push_back(DimSelection{0, 1, r.meta.shape[d], false});
        else
            selection.dims.push_back(DimSelection{r.index[d], 1, 1, true});
    }
    // The title names the cell by its coordinates where the view decodes, else by its indices.
    QStringList at;
    for (int d = 0; d < int(r.meta.shape.size()); ++d) {
        if (d == along) continue;
        const auto &axes = r.conventions ? r.conventions->axes : std::vector<AxisCoordinate>{};
        const bool coordinate = std::size_t(d) < axes.size() && axes[std::size_t(d)].present();
        at << QStringLiteral("%1 %2").arg(
            dimensionName(r.meta, d), coordinate
                                          ? coordinateTextAt(axes[std::size_t(d)], r.index[std::size_t(d)])
                                          : QString::number(r.index[std::size_t(d)]));
    }
    const QString name = r.path.section(u'/', -1);
    m_title->setText(at.isEmpty()
                         ? tr("%1 along %2").arg(r.path, dimensionName(r.meta, along))
                         : tr("%1 at %2 along %3")
                               .arg(r.path, at.join(QStringLiteral(", ")), dimensionName(r.meta, along)));
    m_values.assign(std::size_t(r.meta.shape[std::size_t(along)]), std::numeric_limits<double>::quiet_NaN());
    m_complete = false;
    const AxisCoordinate *x = alongCoordinate();
    // The array's short name with its units: a long_name does not fit beside a dock's low plot
    // (the title line above names the array in full).
    const QString valueName = r.conventions ? valueTitle({}, r.conventions->conventions.units, name) : name;
    m_drawing->setUpLine(m_values.size(), x ? axisTitle(*x, {}) : dimensionName(r.meta, along), valueName);
    m_drawing->setCoordinates(x, nullptr);
    m_drawing->setValueTitle(valueName);
    m_drawing->drawLine(selection.dims[std::size_t(along)], m_values, {});
    m_cancel->setEnabled(true);
    setStatus(tr("Reading…"), false);
    m_source->request(selection);
}

void ProfileView::onRegion(quint64 job, std::uint64_t start, std::uint64_t count)
{
    const char *src = m_source ? m_source->data() : nullptr;
    if (!src || job != m_source->currentJob() || start + count > m_values.size()) return;
    const DataType &dtype = m_request->meta.dtype;
    toDisplayValues(m_request->conventions ? &*m_request->conventions : nullptr, dtype, m_request->part,
                    src + start * dtype.size, std::size_t(count), m_values.data() + start);
    if (!m_complete && !m_redrawTimer.isActive()) m_redrawTimer.start();
}

void ProfileView::redraw()
{
    if (!m_request) return;
    const DimSelection along{0, 1, m_values.size(), false};
    m_drawing->drawLine(along, m_values, percentileRange(m_values, 0, 100));
    m_drawing->plot()->replot(QCustomPlot::rpQueuedReplot);
}

void ProfileView::cancel()
{
    if (!isReading()) return;
    m_source->cancel();
    m_redrawTimer.stop();
    redraw(); // keep what did arrive
    m_cancel->setEnabled(false);
    setStatus(tr("Cancelled: showing what arrived before."), false);
    Q_EMIT profileCancelled();
}

} // namespace zs
