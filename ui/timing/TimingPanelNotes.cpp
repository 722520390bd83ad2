// TimingPanel's words for a newcomer, apart from TimingPanel.cpp: the selection described
// beside its input, a pass's progress, the figures' captions, the sentence a run showed, and
// each array's last run kept while its store is open.

#include "timing/TimingPanel.h"
#include "timing/TimingText.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace zs {

QWidget *TimingPanel::captioned(QWidget *figure, const QString &caption, QWidget *extra)
{
    auto *page = new QWidget;
    auto *label = new QLabel(caption);
    label->setObjectName(QStringLiteral("caption"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #555"));
    figure->setToolTip(caption);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    if (extra) layout->addWidget(extra, 0, Qt::AlignLeft);
    layout->addWidget(figure, 1);
    layout->addWidget(label);
    return page;
}

QString TimingPanel::captionOf(const QWidget *figure) const
{
    const QWidget *page = figure ? figure->parentWidget() : nullptr;
    const auto *label = page ? page->findChild<QLabel *>(QStringLiteral("caption")) : nullptr;
    return label ? label->text() : QString();
}

QString TimingPanel::selectionNote() const
{
    return m_selectionNote->text();
}

void TimingPanel::updateSelectionNote()
{
    if (!m_node) {
        m_selectionNote->clear();
        return;
    }
    const ArrayMetadata &meta = *m_node->array;
    const QString text = m_selection->text();
    const auto selection = parseSelection(text, meta.shape);
    if (!selection) {
        m_selectionNote->setText(tr("not a selection: %1").arg(selection.error().toString()));
        return;
    }
    const bool isView = !m_viewText.isEmpty() && text.trimmed() == m_viewText;
    m_selectionNote->setText(selectionDescription(*selection, meta.shape, meta.chunks, isView));
}

void TimingPanel::showProgress(int index, quint64 done, quint64 total, qint64 ns)
{
    if (std::size_t(index) >= m_run.passes.size()) return;
    const BenchPass &pass = m_run.passes[index].pass;
    const int passes = m_runner->property("passes").toInt();
    if (total == 0) {
        m_status->setText(
            tr("Pass %1 of %2, %3: starting…")
                .arg(index + 1)
                .arg(passes)
                .arg(pass.isSequential() ? tr("sequential") : tr("concurrency %1").arg(pass.concurrency)));
        return;
    }
    m_status->setText(passProgressText(index, passes, pass, done, total, ns));
}

QString TimingPanel::findingText() const
{
    return m_finding->text();
}

void TimingPanel::showFinding()
{
    m_finding->setText(runFinding(m_run));
}

void TimingPanel::keepResult()
{
    if (!m_run.passes.empty()) m_results[m_run.arrayPath] = m_run;
}

bool TimingPanel::restoreResult()
{
    const auto kept = m_node ? m_results.find(m_node->path) : m_results.end();
    m_run = kept != m_results.end() ? kept->second : TimingRun{};
    return kept != m_results.end();
}

void TimingPanel::forgetResults()
{
    m_results.clear();
}

bool TimingPanel::hasKeptResult(const QString &arrayPath) const
{
    return m_results.count(arrayPath) > 0;
}

} // namespace zs
