#include "timing/AdvisorView.h"

#include "util/ShapeText.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace zs {

namespace {

QString seconds(double s)
{
    return s < 1 ? QStringLiteral("%1 ms").arg(s * 1e3, 0, 'f', 0) : QStringLiteral("%1 s").arg(s, 0, 'f', 2);
}

QString patternText(const ChunkAdvice &a)
{
    switch (a.pattern) {
    case AccessPattern::Image:
        return QObject::tr("an image in dimensions %1 and %2: square-ish chunks there, thin elsewhere")
            .arg(a.viewDims[0])
            .arg(a.viewDims[1]);
    case AccessPattern::Series:
        return QObject::tr("a series along dimension %1: chunks long along it").arg(a.viewDims[0]);
    case AccessPattern::Whole:
        break;
    }
    return QObject::tr("the whole array: balanced chunks");
}

} // namespace

AdvisorView::AdvisorView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel), m_table(new QTableWidget(6, 2)), m_model(new QLabel),
      m_export(new QPushButton(tr("Export with this chunking…")))
{
    m_summary->setWordWrap(true);
    m_model->setWordWrap(true);
    m_model->setStyleSheet(QStringLiteral("color: #555"));
    m_table->setHorizontalHeaderLabels({tr("Current"), tr("Suggested")});
    m_table->setVerticalHeaderLabels({tr("Chunk shape"), tr("Chunk size"), tr("Requests, whole array"),
                                      tr("Est. time, whole array"), tr("Requests, current view"),
                                      tr("Est. time, current view")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setToolTip(
        tr("The array's chunking beside the suggested one: chunk size, requests and estimated "
           "time to read the whole array and the current view"));
    m_export->setToolTip(
        tr("Open the Export dialog for this array with the suggested chunk shape filled in"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_model);
    layout->addWidget(m_export, 0, Qt::AlignLeft);
    connect(m_export, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(m_path, m_advice.suggested); });
    clear();
}

QString AdvisorView::summaryText() const
{
    return m_summary->text();
}

void AdvisorView::clear()
{
    m_path.clear();
    m_advice = ChunkAdvice{};
    m_summary->setText(tr("Choose an array to see how its chunking suits reading it over the network."));
    m_model->clear();
    for (int r = 0; r < m_table->rowCount(); ++r)
        for (int c = 0; c < 2; ++c)
            m_table->setItem(r, c, new QTableWidgetItem);
    m_export->setEnabled(false);
}

void AdvisorView::showAdvice(const QString &arrayPath, const ChunkAdvice &a, const NetworkModel &net)
{
    m_path = arrayPath;
    m_advice = a;
    const QLocale locale;
    // One table column: the chunk shape, its size, and the whole-array and view estimates.
    auto column = [&](const auto &shape, std::uint64_t chunkBytes, const auto &whole, const auto &view) {
        return QStringList{shapeText(shape),
                           locale.formattedDataSize(qint64(chunkBytes)),
                           locale.toString(qulonglong(whole.requests)),
                           seconds(whole.seconds),
                           locale.toString(qulonglong(view.requests)),
                           seconds(view.seconds)};
    };
    const QStringList current = column(a.current, a.currentChunkBytes, a.wholeCurrent, a.viewCurrent);
    const QStringList suggested =
        column(a.suggested, a.suggestedChunkBytes, a.wholeSuggested, a.viewSuggested);
    // Today's chunking is never offered as the change to make: the column says it already fits.
    const bool fits = alreadyFits();
    for (int r = 0; r < m_table->rowCount(); ++r) {
        m_table->item(r, 0)->setText(current[r]);
        m_table->item(r, 1)->setText(!fits ? suggested[r] : r == 0 ? tr("no change") : QStringLiteral("—"));
    }
    m_summary->setText(fits ? tr("Access pattern: %1. The current chunking %2 already suits it: nothing "
                                 "to change.")
                                  .arg(patternText(a), shapeText(a.current))
                            : tr("Access pattern: %1.").arg(patternText(a)));
    m_model->setText(tr("Estimates: ceil(requests / %1) round trips of %2 ms plus the bytes at %3 MB/s "
                        "(compressed to %4% of the decoded size); latency %5, throughput %6.")
                         .arg(net.concurrency)
                         .arg(net.latencySeconds * 1e3, 0, 'f', 1)
                         .arg(net.bytesPerSecond / 1e6, 0, 'f', 1)
                         .arg(net.compressionRatio * 100, 0, 'f', 0)
                         .arg(net.measured ? tr("measured") : tr("a default until a run measures it"),
                              net.throughputMeasured
                                  ? tr("measured")
                                  : tr("a default (no run moved enough data to measure it)")));
    m_export->setEnabled(!a.suggested.empty() && !fits);
}

} // namespace zs
