#pragma once
// Shows one array: a line plot for 1-D, a colour-mapped image for 2-D and N-D (two displayed
// dimensions, sliders for the rest). It reads only what the plot can show (ViewportSampler),
// refetches finer data when zoomed, and reads through a SliceSource with the store's chunk
// cache: each chunk's region is drawn as it lands (at most every 100 ms) from the one read,
// stepping a slider within a chunk costs no request, the neighbouring slider positions are
// prefetched while the user rests, and a new slice makes the read in progress stale (it never
// draws). Errors appear inline and as readFailed.
// Variable-length arrays (strings, bytes, json2) are shown as a table instead (StringTable):
// the displayed dimensions as rows and columns, the same sliders for the others.
// The array's CF conventions are resolved once (through `lookup`, the hierarchy the browser
// discovered): with "Decode (CF)" on, values are unpacked and masked, axes and sliders show the
// coordinates (read on a worker thread; dates for time), the colour scale and the read-out units.

#include "DataRange.h"
#include "ProfileRequest.h"
#include "SliceControls.h"
#include "ViewConventions.h"
#include "array/ChunkCache.h"
#include "array/ResultRegion.h"
#include "cf/NodeLookup.h"
#include "metadata/NodeMetadata.h"
#include "selection/Selection.h"
#include "store/Store.h"

#include <QElapsedTimer>
#include <QPointF>
#include <QTimer>
#include <QWidget>
#include <map>
#include <memory>

class QCustomPlot;
class QCPColorMap;
class QCPGraph;
class QComboBox;
class QLabel;
class QMenu;
class QVBoxLayout;
class QMouseEvent;

namespace zs {

class PlotNavigation;
class SliceSource;
class SlicePlot;
class SliceTable;
class StringTable;

class SliceView final : public QWidget
{
    Q_OBJECT
public:
    explicit SliceView(QWidget *parent = nullptr);
    ~SliceView() override;

    // `cache` is the store's (shared by every view of it); null gives this array a cache of its own.
    // `lookup` finds the coordinate variables; null: the array alone (no coordinates).
    void setArray(std::shared_ptr<Store> store, const NodeMetadata &node,
                  std::shared_ptr<ChunkCache> cache = nullptr, const cf::NodeLookup &lookup = {});
    void clear(const QString &message = {});
    bool isReading() const;
    // .pdf as vector graphics, anything else as PNG (named by imageFileName); titled with imageTitle().
    bool saveImage(const QString &fileName);
    // The file a typed name saves to: ".png" added unless it ends in .png or .pdf.
    static QString imageFileName(const QString &typed);
    // The array path and the slider positions (with their coordinate values, dates for time):
    // "sst/sst   time 3 (2002-06-04)".
    QString imageTitle() const;

    // What is shown, for tests and the status bar.
    QCustomPlot *plot() const;
    QCPColorMap *colorMap() const;
    QCPGraph *graph() const;
    StringTable *table() const { return m_table; } // shown instead of the plot for string arrays
    bool showsTable() const { return m_tableMode; }
    // Table mode (numeric arrays): the displayed slice at full resolution as a table, read lazily.
    SliceTable *sliceTable() const { return m_sliceTable; }
    bool showsSliceTable() const;
    void setTableMode(bool table); // the Plot / Table switch, as the user would
    SliceControls *controls() const { return m_controls; }
    const Selection &shownSelection() const { return m_selection; }
    SliceSource *source() const { return m_source; } // null unless a plottable array is shown
    // The values drawn (C order of shownSelection()'s result): NaN where no region arrived yet.
    const std::vector<double> &values() const { return m_values; }
    QString arrayPath() const { return m_node ? m_node->path : QString(); } // "" when none is shown
    QString message() const; // the inline message (errors, notes); empty when none
    QString readout() const; // the value/index read-out line
    // The read-out for the shown cell at sample (ix, iy) of shownSelection()'s displayed dims.
    QString readoutAt(long long ix, long long iy) const;
    // The profile through the shown cell at sample (ix, iy): the store, cache and decoding of this
    // view, along the first slider dimension (else y). Empty when no cell is shown there.
    std::optional<ProfileRequest> profileRequestAt(long long ix, long long iy) const;
    // The conventions resolved for the array shown (null when none is shown).
    const ViewConventions *conventions() const { return m_conventions ? &*m_conventions : nullptr; }
    bool coordinatesLoaded() const { return m_coordinatesLoaded; }
    bool decoding() const; // the toggle is on and something decodes
    // The colour map an array not shown before starts with: the last one chosen (QSettings).
    static QString preferredColorMap();
    // SliceViewLook.cpp: the read-out for the cell at pixel `at` of the plot (empty off the data),
    // and the plot's context menu there (Copy value, Copy image, Save view…, Reset zoom), owned by
    // the caller.
    QString readoutAtPixel(QPointF at) const;
    QMenu *plotMenu(QPointF at);
    PlotNavigation *navigation() const { return m_navigation; }

public Q_SLOTS:
    void cancelRead();
    void requestData(); // reads what the current slice and viewport need, unless already shown

Q_SIGNALS:
    void readStarted();
    void readProgress(quint64 chunksDone, quint64 chunksTotal, quint64 bytes);
    void readFinished();
    void readFailed(const QString &message);
    void readCancelled();
    void coordinatesReady();  // the coordinate values arrived: axes and sliders show them
    void cleared();           // nothing, or a new array, is shown: values() is empty until it is read
    void saveViewRequested(); // "Save view…" in the plot's menu: the window asks where
    // A click (no drag) on a cell of the plot: the profile through it, for the Profile dock.
    void cellPicked(const zs::ProfileRequest &request);

private:
    void connectPlot();
    void resetAxes();
    void redraw();
    void convertRegion(const ResultRegion &region); // the source's bytes of it into m_values
    void convertAll();                              // every region ready so far, in the current part
    void drawLine(const std::vector<double> &values);
    void drawImage(const std::vector<double> &values);
    void showMessage(const QString &text, bool error);
    void onMouseMove(QMouseEvent *event);
    // SliceViewPick.cpp: a click picks the cell under the pointer.
    void onMousePress(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);
    std::optional<std::pair<long long, long long>> sampleUnder(QPointF pixel) const; // (ix, iy)
    std::vector<std::uint64_t> arrayIndexAt(long long ix, long long iy) const;
    bool isLine() const;
    void setUpTable(std::shared_ptr<Store> store, const NodeMetadata &node);
    void requestTable();
    // SliceViewTable.cpp: the Plot / Table switch and the numeric table.
    void setUpSliceTable(QVBoxLayout *layout);
    void updateSliceTable(); // shows, hides or re-targets the table for the current slice
    // SliceViewConventions.cpp
    void resolveConventions(const NodeMetadata &node, const cf::NodeLookup &lookup);
    void onCoordinatesLoaded(quint64 job, const ViewConventions &loaded, const QStringList &notes);
    void applyCoordinates(); // axis tickers, titles and orientation for the displayed dims
    const AxisCoordinate *shownCoordinate(int dim) const; // null without one or when not decoding
    void toDisplayValues(const char *src, std::size_t count, double *dst) const;
    std::size_t resultOffset(long long ix, long long iy) const; // of a sample of the shown image/line
    void updateReadout(); // for the cell under the pointer, as drawn now
    // SliceViewMemory.cpp: each array's colours and zoom, for the session.
    QString memoryKey() const;
    void rememberView();
    void recallAppearance();
    void recallZoom();
    void notePreferredColorMap();
    // SliceViewLook.cpp: the values as the scaling draws them (under log a copy in `copy`, without
    // those ≤ 0, which the message line counts) and the range to draw them with.
    void setUpLook();
    const std::vector<double> &valuesToDraw(const std::vector<double> &values, std::vector<double> &copy);
    ValueRange drawnRange(const std::vector<double> &shown, double lowPercent, double highPercent);
    QString m_scalingNote; // the message the log scale's hidden values put up, to take down
    PlotNavigation *m_navigation = nullptr;

    struct RememberedView
    {
        SliceAppearance appearance;
        int xDim = -1;
        int yDim = -1;
        std::pair<double, double> x; // the axes' ranges: the zoom
        std::pair<double, double> y;
    };
    std::map<QString, RememberedView> m_remembered; // by memoryKey()
    QPointF m_pointer;                              // over the plot, for the read-out
    QPointF m_pressedAt; // where the left button went down: a release there is a click
    bool m_pressed = false;
    bool m_pointerKnown = false;

    SliceControls *m_controls;
    std::unique_ptr<SlicePlot> m_drawing; // its QCustomPlot is a child widget of this view
    QLabel *m_message;
    QLabel *m_readout;
    StringTable *m_table;
    bool m_tableMode = false;
    QComboBox *m_viewMode = nullptr;
    SliceTable *m_sliceTable = nullptr;
    QTimer m_redrawTimer;  // throttles progressive redraws
    QTimer m_refetchTimer; // settles zoom/pan before asking for finer data

    std::shared_ptr<Store> m_store;
    std::optional<NodeMetadata> m_node;
    SliceSource *m_source = nullptr;
    Selection m_selection;             // what the current (or last) read asked for
    Selection m_valuesSelection;       // what m_values holds (of the current read, or the last one)
    std::vector<double> m_values;      // NaN where no region has arrived yet
    std::vector<ResultRegion> m_ready; // regions of the current read in m_values
    bool m_complete = false;           // the current read finished: all of m_values is in
    ValueRange m_heldRange;            // the automatic colour range shown last (see drawnRange)
    bool m_resettingAxes = false;
    int m_shownX = -1; // the displayed dimensions the axes were set up for
    int m_shownY = -1;
    std::optional<ViewConventions> m_conventions;
    bool m_coordinatesLoaded = false;
    quint64 m_conventionsJob = 0; // a new array makes the coordinate read in flight stale
};

} // namespace zs
