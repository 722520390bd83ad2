// TimingPanel's input row (array, selection, concurrency, protocol, repeats, latency, the run
// buttons), its setters, and the export of results and plots, apart from TimingPanel.cpp.

#include "QCustomPlotInclude.h"
#include "timing/TimingExport.h"
#include "timing/TimingPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace zs {

QWidget *TimingPanel::buildInputs()
{
    m_selection->setPlaceholderText(tr("all of it, or e.g. 0,0:512,0:512"));
    m_selection->setToolTip(tr("What to read, NumPy-style (start:stop:step per dimension); empty reads "
                               "the whole array. Follows the Data tab's view until you type one."));
    m_selectionNote->setToolTip(tr("The chunks the selection touches: one request each"));
    connect(m_selection, &QLineEdit::textChanged, this, &TimingPanel::updateSelectionNote);
    m_concurrency->setRange(1, 512);
    m_concurrency->setValue(64);
    m_concurrency->setToolTip(tr("Requests in flight in the concurrent mode; the sweep's largest level"));
    m_protocol->addItems({tr("HTTP/1.1"), tr("HTTP/2")});
    m_protocol->setToolTip(tr("HTTP/2: ALPN over TLS; cleartext http:// uses h2c with prior knowledge"));
    m_repeats->setRange(1, 50);
    m_repeats->setToolTip(tr("Passes per mode, interleaved (sequential, concurrent, sequential, …)"));
    m_runButton->setToolTip(
        tr("Read the selection one chunk at a time, then with the concurrency in flight"));
    m_sweepButton->setToolTip(tr("Read the selection at concurrency 1, 2, 4 … up to the concurrency input"));
    m_cancelButton->setToolTip(tr("Stop the run; what finished stays drawn"));
    m_exportButton->setToolTip(tr("Save the results as CSV or JSON, or the plots as PNG"));
    m_cacheBust->setText(tr("Bust caches"));
    m_cacheBust->setToolTip(tr("A fresh query parameter per pass, so repeats reach the server, not a cache"));
    m_latency->setRange(0, 10000);
    m_latency->setSuffix(tr(" ms"));
    m_latency->setSpecialValueText(tr("estimate"));
    m_latency->setToolTip(
        tr("Round-trip latency for the ideal curve; “estimate” takes the sequential median"));

    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Results as CSV…"), this,
                          [this] { chooseAndExport(tr("CSV (*.csv)"), QStringLiteral("csv")); });
    exportMenu->addAction(tr("Results as JSON…"), this,
                          [this] { chooseAndExport(tr("JSON (*.json)"), QStringLiteral("json")); });
    exportMenu->addAction(tr("Plots as PNG…"), this,
                          [this] { chooseAndExport(tr("PNG (*.png)"), QStringLiteral("png")); });
    m_exportButton->setMenu(exportMenu);
    connect(m_runButton, &QPushButton::clicked, this, &TimingPanel::startRun);
    connect(m_sweepButton, &QPushButton::clicked, this, &TimingPanel::startSweep);
    connect(m_cancelButton, &QPushButton::clicked, this, &TimingPanel::cancel);

    auto *box = new QWidget;
    auto *form = new QFormLayout;
    form->addRow(tr("Array:"), m_arrayLabel);
    auto *selectionRow = new QHBoxLayout;
    selectionRow->addWidget(m_selection, 1);
    selectionRow->addWidget(m_selectionNote);
    form->addRow(tr("Selection:"), selectionRow);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Concurrency")));
    row->addWidget(m_concurrency);
    row->addWidget(m_protocol);
    row->addWidget(new QLabel(tr("Repeats")));
    row->addWidget(m_repeats);
    row->addWidget(m_cacheBust);
    row->addWidget(new QLabel(tr("Latency")));
    row->addWidget(m_latency);
    row->addStretch(1);
    row->addWidget(m_runButton);
    row->addWidget(m_sweepButton);
    row->addWidget(m_cancelButton);
    row->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(row);
    return box;
}

void TimingPanel::setSelectionText(const QString &text)
{
    m_selection->setText(text);
}
void TimingPanel::setConcurrency(int n)
{
    m_concurrency->setValue(n);
}
void TimingPanel::setRepeats(int n)
{
    m_repeats->setValue(n);
}
void TimingPanel::setHttp2(bool on)
{
    m_protocol->setCurrentIndex(on ? 1 : 0);
}
void TimingPanel::setCacheBust(bool on)
{
    m_cacheBust->setChecked(on);
}
void TimingPanel::setKnownLatencyMs(double ms)
{
    m_latency->setValue(ms);
}

Status TimingPanel::exportCsv(const QString &file) const
{
    return writeTimingCsv(m_run, file);
}

Status TimingPanel::exportJson(const QString &file) const
{
    return writeTimingJson(m_run, file);
}

Status TimingPanel::exportPlots(const QString &basePath) const
{
    QString base = basePath;
    if (base.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) base.chop(4);
    const std::pair<QCustomPlot *, const char *> plots[] = {
        {m_completion, "-completion.png"}, {m_waterfall, "-waterfall.png"}, {m_sweep, "-sweep.png"}};
    for (const auto &[plot, suffix] : plots) {
        const QString file = base + QLatin1String(suffix);
        if (!plot->savePng(file, 1200, 700)) return makeError(tr("cannot write the plot"), file);
    }
    return Ok{};
}

void TimingPanel::chooseAndExport(const QString &filter, const QString &suffix)
{
    QString file =
        QFileDialog::getSaveFileName(this, tr("Export timing"), QStringLiteral("timing.") + suffix, filter);
    if (file.isEmpty()) return;
    const Status s = suffix == u"csv"    ? exportCsv(file)
                     : suffix == u"json" ? exportJson(file)
                                         : exportPlots(file);
    m_status->setText(s ? tr("Exported to %1").arg(file) : tr("Export failed: %1").arg(s.error().toString()));
}

} // namespace zs
