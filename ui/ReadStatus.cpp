#include "ReadStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace zs {

ReadStatus::ReadStatus(QWidget *parent)
    : QWidget(parent), m_label(new QLabel), m_cancel(new QPushButton(tr("Cancel")))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_cancel);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &ReadStatus::cancelRequested);
}

void ReadStatus::started()
{
    m_clock.start();
    m_done = m_total = m_bytes = 0;
    m_cancel->setEnabled(true);
    m_label->setText(tr("reading…"));
}

void ReadStatus::update(quint64 chunksDone, quint64 chunksTotal, quint64 bytes)
{
    m_done = chunksDone;
    m_total = chunksTotal;
    m_bytes = bytes;
    const double seconds = std::max(1e-3, m_clock.isValid() ? m_clock.nsecsElapsed() / 1e9 : 1e-3);
    const QLocale locale;
    m_label->setText(tr("chunks %1/%2 · %3 · %4/s")
                         .arg(chunksDone)
                         .arg(chunksTotal)
                         .arg(locale.formattedDataSize(qint64(bytes)))
                         .arg(locale.formattedDataSize(qint64(double(bytes) / seconds))));
}

void ReadStatus::stopped(const QString &outcome)
{
    m_cancel->setEnabled(false);
    const double seconds = m_clock.isValid() ? m_clock.nsecsElapsed() / 1e9 : 0;
    m_label->setText(tr("%1: chunks %2/%3 · %4 in %5 s")
                         .arg(outcome)
                         .arg(m_done)
                         .arg(m_total)
                         .arg(QLocale().formattedDataSize(qint64(m_bytes)))
                         .arg(seconds, 0, 'f', 2));
}

QString ReadStatus::text() const
{
    return m_label->text();
}

} // namespace zs
