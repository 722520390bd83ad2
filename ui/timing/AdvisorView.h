#pragma once
// The chunking advisor's face: today's chunking against one shaped for the current view, with
// the requests and estimated read time of each for the whole array and for the view, and a
// button that asks for an export rechunked to the suggestion.

#include "bench/ChunkAdvisor.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace zs {

class AdvisorView final : public QWidget
{
    Q_OBJECT
public:
    explicit AdvisorView(QWidget *parent = nullptr);

    void showAdvice(const QString &arrayPath, const ChunkAdvice &advice, const NetworkModel &net);
    void clear();
    const ChunkAdvice &advice() const { return m_advice; }
    // The suggestion would be today's chunking: the view says so instead of suggesting it.
    bool alreadyFits() const { return !m_advice.current.empty() && m_advice.suggested == m_advice.current; }
    QString summaryText() const;
    QTableWidget *table() const { return m_table; }
    QPushButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void exportRequested(const QString &arrayPath, const zs::Shape &chunks);

private:
    QLabel *m_summary;
    QTableWidget *m_table;
    QLabel *m_model;
    QPushButton *m_export;
    QString m_path;
    ChunkAdvice m_advice;
};

} // namespace zs
