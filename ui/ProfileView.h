#pragma once
// The profile plot of the Profile dock: the values of one array along one dimension through a
// picked cell (the time series at a point of a map), read through the same engine as the Data
// tab (a SliceSource on the view's store and chunk cache), drawn as they arrive, cancellable.
// The dimension it runs along can be changed; the other indices stay those of the picked cell.

#include "ProfileRequest.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;

namespace zs {

class SlicePlot;
class SliceSource;

class ProfileView final : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileView(QWidget *parent = nullptr);
    ~ProfileView() override;

    // Starts reading the profile `request` asks for (the read in progress is dropped).
    void showProfile(const ProfileRequest &request);
    void setAlongDim(int dim); // reads the profile through the same cell along `dim`
    void clear();              // another store: no profile, the hint how to get one
    int alongDim() const;
    bool isReading() const;
    bool hasProfile() const { return m_request.has_value(); }
    // The values along the dimension (NaN where masked or not read yet), in index order.
    const std::vector<double> &values() const { return m_values; }
    // "sst/sst at lat 10.5, lon 24.5 along time": what the plot shows.
    QString title() const;
    QString status() const; // progress, the error, or what was read
    QCustomPlot *plot() const;
    SliceSource *source() const { return m_source; } // null before the first profile

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void profileFinished();
    void profileFailed(const QString &message);
    void profileCancelled();

private:
    void startRead();
    void onRegion(quint64 job, std::uint64_t start, std::uint64_t count);
    void redraw();
    void setStatus(const QString &text, bool error);
    const AxisCoordinate *alongCoordinate() const; // null without one or when not decoding

    QComboBox *m_along;
    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_cancel;
    std::unique_ptr<SlicePlot> m_drawing; // its QCustomPlot is a child widget of this view
    QTimer m_redrawTimer;                 // throttles redraws while chunks land

    std::optional<ProfileRequest> m_request;
    SliceSource *m_source = nullptr; // for m_request's array; replaced with it
    std::vector<double> m_values;
    bool m_complete = false;
};

} // namespace zs
