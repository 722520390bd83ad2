#pragma once
// The "Timing" tab: reads the chosen array and selection sequentially and concurrently (or
// sweeps concurrency 1, 2, 4 … N) through BenchRunner, the engine `zarrscope-cli bench` uses,
// and draws the run as it happens. Reads are asynchronous (network thread + decode pool), so
// the window stays live and Cancel stops a run mid-pass. Results export as CSV/JSON, plots as PNG.
// For a newcomer it says in words what it times ("all 1289 chunks"), how far a pass has got and
// how long is left, what each figure shows, and in one sentence what the run showed; each
// array's last run is kept while the store is open.

#include "bench/BenchRun.h"
#include "timing/TimingRun.h"

#include <QTimer>
#include <QWidget>
#include <map>
#include <optional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace zs {

class AdvisorView;
class TimingTableModel;

// "0:10,5,::2"-style text for a resolved selection (parseSelection reads it back).
QString selectionText(const Selection &selection);

class TimingPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TimingPanel(QWidget *parent = nullptr);
    ~TimingPanel() override;

    // The array to time (a run in progress is cancelled); the view defaults to all of it. The
    // array's last finished run comes back if it was timed since its store was opened.
    void setArray(const QString &location, const NodeMetadata &node);
    // The credentials the window opened the store with (its Connection settings): the timed
    // store is opened again with them, else a private store's runs would be refused.
    void setStoreOptions(const StoreOptions &options);
    // Drops every kept result (a store was opened or reloaded).
    void forgetResults();
    // What the data view shows: the default selection to time and the advisor's access pattern.
    void setViewSelection(const Selection &view);
    void clear();

    // The inputs, for tests and callers that preset them.
    void setSelectionText(const QString &text);
    void setConcurrency(int n);
    void setRepeats(int n);
    void setHttp2(bool on);
    void setCacheBust(bool on);
    void setKnownLatencyMs(double ms);

    bool startRun();   // sequential then concurrent; false (with the reason shown) if it cannot start
    bool startSweep(); // concurrency 1, 2, 4 … up to the concurrency input
    void cancel();
    bool isRunning() const;

    const TimingRun &run() const { return m_run; }
    TimingTableModel *model() const { return m_model; }
    AdvisorView *advisor() const { return m_advisor; }
    QCustomPlot *completionPlot() const { return m_completion; }
    QCustomPlot *waterfallPlot() const { return m_waterfall; }
    QCustomPlot *sweepPlot() const { return m_sweep; }
    QString statusText() const;
    QString selectionNote() const;                  // "all 1289 chunks", "the visible region (12 chunks)"
    QString findingText() const;                    // the sentence on what the last run showed
    QString captionOf(const QWidget *figure) const; // the one-line caption under a figure
    QCheckBox *sharedTimeAxisBox() const { return m_sharedAxis; }
    bool hasKeptResult(const QString &arrayPath) const;

    Status exportCsv(const QString &file) const; // and <base>-requests.csv beside it
    Status exportJson(const QString &file) const;
    Status exportPlots(const QString &basePath) const; // <base>-completion.png, -waterfall.png, -sweep.png

Q_SIGNALS:
    void runStarted();
    void runFinished();
    void runFailed(const QString &message);
    void runCancelled();
    void exportRequested(const QString &arrayPath, const zs::Shape &chunks);

private:
    QWidget *buildInputs();
    QWidget *captioned(QWidget *figure, const QString &caption, QWidget *extra = nullptr);
    void updateSelectionNote();
    void showProgress(int index, quint64 done, quint64 total, qint64 ns);
    void showFinding();
    void keepResult();
    bool restoreResult(); // the current array's kept run into m_run; false if there is none
    bool begin(bool sweep);
    void redraw();
    void updateAdvice();
    void setRunning(bool running);
    void chooseAndExport(const QString &filter, const QString &suffix);

    BenchRunner *m_runner;
    TimingRun m_run;
    QString m_location;
    StoreOptions m_storeOptions;
    std::optional<NodeMetadata> m_node;
    Selection m_view;
    QString m_viewText;                     // the view's selection as text, to tell it from a typed one
    QString m_resultsLocation;              // the store the kept results belong to
    std::map<QString, TimingRun> m_results; // array path -> its last finished run
    QTimer m_redrawTimer;                   // live drawing at most every 100 ms

    QLabel *m_arrayLabel;
    QLineEdit *m_selection;
    QLabel *m_selectionNote;
    QSpinBox *m_concurrency;
    QComboBox *m_protocol;
    QSpinBox *m_repeats;
    QCheckBox *m_cacheBust;
    QDoubleSpinBox *m_latency;
    QPushButton *m_runButton;
    QPushButton *m_sweepButton;
    QPushButton *m_cancelButton;
    QPushButton *m_exportButton;
    QLabel *m_status;
    QLabel *m_finding;
    QCheckBox *m_sharedAxis;
    QTabWidget *m_tabs;
    QCustomPlot *m_completion;
    QCustomPlot *m_waterfall;
    QCustomPlot *m_sweep;
    QTableView *m_table;
    TimingTableModel *m_model;
    AdvisorView *m_advisor;
};

} // namespace zs
