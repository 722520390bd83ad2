#include "timing/TimingPanel.h"

#include "QCustomPlotInclude.h"
#include "auth/Redaction.h"
#include "store/StoreFactory.h"
#include "timing/AdvisorView.h"
#include "timing/TimingExport.h"
#include "timing/TimingPlots.h"
#include "timing/TimingTableModel.h"
#include "timing/TimingText.h"
#include "util/ShapeText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

namespace zs {

QString selectionText(const Selection &selection)
{
    QStringList parts;
    for (const DimSelection &d : selection.dims) {
        if (d.dropped)
            parts << QString::number(d.start);
        else if (d.step == 1)
            parts << QStringLiteral("%1:%2").arg(d.start).arg(d.start + d.count);
        else
            parts
                << QStringLiteral("%1:%2:%3").arg(d.start).arg(d.count ? d.last() + 1 : d.start).arg(d.step);
    }
    return parts.join(u',');
}

TimingPanel::TimingPanel(QWidget *parent)
    : QWidget(parent), m_runner(new BenchRunner(this)), m_arrayLabel(new QLabel), m_selection(new QLineEdit),
      m_selectionNote(new QLabel), m_concurrency(new QSpinBox), m_protocol(new QComboBox),
      m_repeats(new QSpinBox), m_cacheBust(new QCheckBox), m_latency(new QDoubleSpinBox),
      m_runButton(new QPushButton(tr("Run"))), m_sweepButton(new QPushButton(tr("Sweep 1…N"))),
      m_cancelButton(new QPushButton(tr("Cancel"))), m_exportButton(new QPushButton(tr("Export"))),
      m_status(new QLabel), m_finding(new QLabel), m_sharedAxis(new QCheckBox(tr("Shared time axis"))),
      m_tabs(new QTabWidget), m_completion(new QCustomPlot), m_waterfall(new QCustomPlot),
      m_sweep(new QCustomPlot), m_table(new QTableView), m_model(new TimingTableModel(this)),
      m_advisor(new AdvisorView)
{
    setupTimingPlot(m_completion, tr("time since the pass started (ms)"), tr("chunks completed"));
    setupTimingPlot(m_waterfall, tr("time (ms), passes end to end"), tr("request"));
    setupTimingPlot(m_sweep, tr("concurrency"), tr("wall time (s)"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sharedAxis->setToolTip(tr("Draw every pass on the longest pass's time axis, to compare durations"));
    connect(m_sharedAxis, &QCheckBox::toggled, this,
            [this](bool shared) { drawWaterfall(m_waterfall, m_run, shared); });
    m_tabs->addTab(captioned(m_completion, completionCaption()), tr("Chunks over time"));
    m_tabs->addTab(captioned(m_waterfall, waterfallCaption(), m_sharedAxis), tr("Waterfall"));
    m_tabs->addTab(captioned(m_sweep, sweepCaption()), tr("Sweep"));
    m_tabs->addTab(captioned(m_table, summaryCaption()), tr("Summary"));
    m_tabs->addTab(m_advisor, tr("Chunking advisor"));
    const QStringList tabTips = {tr("Chunks completed against time, one curve per pass"),
                                 tr("Each request of a pass as a bar from sent to done"),
                                 tr("Wall time at each concurrency of a sweep, with the ideal curve"),
                                 tr("Per mode and concurrency: wall time, speed-up, throughput, latency "
                                    "percentiles, requests in flight"),
                                 tr("A chunk shape that suits how this array is read, with estimates")};
    for (int i = 0; i < m_tabs->count() && i < tabTips.size(); ++i)
        m_tabs->setTabToolTip(i, tabTips[i]);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_finding->setWordWrap(true);
    m_finding->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_finding->setToolTip(
        tr("What the last run showed, from its request count, median latency and wall times"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildInputs());
    layout->addWidget(m_status);
    layout->addWidget(m_finding);
    layout->addWidget(m_tabs, 1);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(100);
    connect(&m_redrawTimer, &QTimer::timeout, this, &TimingPanel::redraw);
    connect(m_runner, &BenchRunner::passStarted, this, [this](int index, const BenchPass &pass) {
        m_run.beginPass(index, pass);
        showProgress(index, 0, 0, 0);
        m_redrawTimer.start();
    });
    connect(m_runner, &BenchRunner::chunkCompleted, this,
            [this](int index, quint64 done, quint64 total, qint64 ns) {
                m_run.addChunks(index, done, ns);
                showProgress(index, done, total, ns);
                if (!m_redrawTimer.isActive()) m_redrawTimer.start();
            });
    connect(m_runner, &BenchRunner::requestRecorded, this,
            [this](int index, const FetchRecord &r) { m_run.addRequest(index, r); });
    connect(m_runner, &BenchRunner::passFinished, this, [this](int index, const PassResult &result) {
        m_run.finishPass(index, result);
        m_model->setRun(m_run);
    });
    connect(m_runner, &BenchRunner::benchFinished, this, [this] {
        setRunning(false);
        redraw();
        updateAdvice();
        keepResult();
        showFinding();
        const auto s = summarize(m_run);
        QString text = tr("Done: %n pass(es).", nullptr, int(m_run.passes.size()));
        if (s.size() >= 2 && s.front().concurrency == 1)
            text += tr(" Concurrency %1 was %2× faster than sequential.")
                        .arg(s.back().concurrency)
                        .arg(s.back().speedup, 0, 'f', 1);
        m_status->setText(text);
        Q_EMIT runFinished();
    });
    connect(m_runner, &BenchRunner::benchFailed, this, [this](const Error &error) {
        const QString message = error.toString();
        setRunning(false);
        redraw();
        m_status->setText(tr("Failed: %1").arg(message));
        Q_EMIT runFailed(message);
    });
    connect(m_runner, &BenchRunner::benchCancelled, this, [this] {
        setRunning(false);
        redraw();
        m_status->setText(tr("Cancelled."));
        Q_EMIT runCancelled();
    });
    connect(m_advisor, &AdvisorView::exportRequested, this, &TimingPanel::exportRequested);
    clear();
}

TimingPanel::~TimingPanel() = default;

void TimingPanel::setStoreOptions(const StoreOptions &options)
{
    m_storeOptions = options;
}

void TimingPanel::setArray(const QString &location, const NodeMetadata &node)
{
    cancel();
    if (location != m_resultsLocation) forgetResults();
    m_resultsLocation = location;
    m_location = location;
    m_node = node;
    m_arrayLabel->setText(QStringLiteral("%1  %2 %3, chunks %4")
                              .arg(node.path.isEmpty() ? QStringLiteral("/") : node.path,
                                   shapeText(node.array->shape), node.array->dtype.name,
                                   shapeText(node.array->chunks)));
    m_view = Selection::all(node.array->shape);
    m_viewText.clear();
    m_selection->clear();
    const bool kept = restoreResult();
    m_model->setRun(m_run);
    redraw();
    updateAdvice();
    updateSelectionNote();
    showFinding();
    m_status->setText(kept ? tr("The last run of this array (selection “%1”), kept while the store is open.")
                                 .arg(m_run.selection.isEmpty() ? tr("all of it") : m_run.selection)
                           : tr("Run reads the selection one chunk at a time, then %1 at once.")
                                 .arg(m_concurrency->value()));
    setRunning(false);
}

void TimingPanel::setViewSelection(const Selection &view)
{
    if (!m_node || view.dims.size() != m_node->array->shape.size()) return;
    m_view = view;
    m_viewText = selectionText(view);
    if (!isRunning()) m_selection->setText(m_viewText);
    updateSelectionNote();
    updateAdvice();
}

void TimingPanel::clear()
{
    cancel();
    m_node.reset();
    m_location.clear();
    m_run = TimingRun{};
    m_model->setRun(m_run);
    m_arrayLabel->setText(tr("(choose an array in the tree)"));
    m_viewText.clear();
    m_selection->clear();
    m_advisor->clear();
    redraw();
    m_status->clear();
    m_finding->clear();
    updateSelectionNote();
    setRunning(false);
}

bool TimingPanel::isRunning() const
{
    return m_runner->isRunning();
}

QString TimingPanel::statusText() const
{
    return m_status->text();
}

bool TimingPanel::startRun()
{
    return begin(false);
}

bool TimingPanel::startSweep()
{
    return begin(true);
}

bool TimingPanel::begin(bool sweep)
{
    if (!m_node) {
        m_status->setText(tr("Choose an array first."));
        return false;
    }
    auto selection = parseSelection(m_selection->text(), m_node->array->shape);
    if (!selection) {
        m_status->setText(tr("Selection: %1").arg(selection.error().toString()));
        return false;
    }
    const bool http2 = m_protocol->currentIndex() == 1;
    BenchConfig config;
    config.location = m_location;
    config.storeOptions = m_storeOptions;
    config.storeOptions.fetch.http2 = http2;
    config.storeOptions.fetch.http2Cleartext = http2 && m_location.startsWith(QStringLiteral("http://"));
    config.arrayPath = m_node->path;
    config.meta = *m_node->array;
    config.selection = *selection;
    config.cacheBust = m_cacheBust->isChecked();
    const int n = m_concurrency->value();
    config.passes =
        sweep ? sweepPasses(n, m_repeats->value()) : modePasses(true, true, n, m_repeats->value());

    m_run = TimingRun{};
    m_run.location = displayLocation(m_location); // exported as CSV and JSON: no password or signature
    m_run.arrayPath = m_node->path;
    m_run.selection = m_selection->text();
    m_run.sweep = sweep;
    m_run.http2 = http2;
    m_run.cacheBust = config.cacheBust;
    m_run.concurrency = n;
    m_run.repeats = m_repeats->value();
    m_run.knownLatencyMs = m_latency->value();
    m_model->setRun(m_run);
    m_finding->clear();
    m_runner->setProperty("passes", int(config.passes.size()));
    m_runner->start(std::move(config));
    m_tabs->setCurrentWidget((sweep ? m_sweep : m_completion)->parentWidget());
    setRunning(true);
    redraw();
    Q_EMIT runStarted();
    return true;
}

void TimingPanel::cancel()
{
    m_runner->cancel();
}

void TimingPanel::setRunning(bool running)
{
    const bool ready = m_node.has_value() && !running;
    m_runButton->setEnabled(ready);
    m_sweepButton->setEnabled(ready);
    m_cancelButton->setEnabled(running);
    m_exportButton->setEnabled(!running && !m_run.passes.empty());
}

void TimingPanel::redraw()
{
    drawCompletion(m_completion, m_run);
    drawWaterfall(m_waterfall, m_run, m_sharedAxis->isChecked());
    drawSweep(m_sweep, m_run);
}

void TimingPanel::updateAdvice()
{
    if (!m_node) {
        m_advisor->clear();
        return;
    }
    const ArrayMetadata &meta = *m_node->array;
    NetworkModel net = networkModel(m_run, meta.chunkSpec().byteSize());
    net.concurrency = m_concurrency->value();
    m_advisor->showAdvice(m_node->path, adviseChunks(meta.shape, meta.chunks, meta.dtype.size, m_view, net),
                          net);
}

} // namespace zs
