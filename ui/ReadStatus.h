#pragma once
// The status bar's read progress: chunks done/total, bytes, transfer rate, and a Cancel button.

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace zs {

class ReadStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit ReadStatus(QWidget *parent = nullptr);

    void started();
    void update(quint64 chunksDone, quint64 chunksTotal, quint64 bytes);
    void stopped(const QString &outcome); // "done", "cancelled", "failed"
    QString text() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QPushButton *m_cancel;
    QElapsedTimer m_clock;
    quint64 m_done = 0, m_total = 0, m_bytes = 0;
};

} // namespace zs
