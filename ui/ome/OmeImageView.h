#pragma once
// The Image tab for an OME-Zarr multiscale image: the picture at the level that fits the window
// (the coarsest level first, then the visible region at the chosen level as it arrives, never a
// level finer than the screen), axes in physical units, sliders for z and t at their physical
// positions, the channels composited with their omero colours and windows (a channel list to
// toggle, recolour and re-window them), a label image over it with an opacity, and a read-out of
// the place pointed at. Opening checks the image against its store on a worker thread.

#include "ome/ChannelLook.h"
#include "ome/OmeImage.h"

#include <QPointer>
#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QSlider;

namespace zs {
class ChunkCache;
class Store;
} // namespace zs

namespace zs::omeview {

class ChannelListModel;
class ChannelPanel;
class OmeCanvas;
class OmePlaneLoader;
struct LoadedPlanes;

class OmeImageView final : public QWidget
{
    Q_OBJECT
public:
    explicit OmeImageView(QWidget *parent = nullptr);
    ~OmeImageView() override;

    // Opens the multiscale image at `groupPath` (its levels, its label images) and shows it.
    void openImage(std::shared_ptr<Store> store, std::shared_ptr<ChunkCache> cache, const QString &groupPath);
    void clear(const QString &message = {});

    // What is on show, for the status line and the tests.
    bool hasImage() const { return m_loader != nullptr; }
    const ome::OmeImage *image() const; // the image on show (its loader's), null before one opened
    std::size_t backdropLevel() const;
    std::optional<std::size_t> detailLevel() const { return m_detailLevel; }
    std::uint64_t bytesRead() const { return m_bytesRead; }
    std::uint64_t requestsMade() const { return m_requests; }
    OmeCanvas *canvas() const { return m_canvas; }
    ChannelListModel *channels() const { return m_channels; }
    ChannelPanel *channelPanel() const { return m_panel; }
    QSlider *zSlider() const { return m_z; }
    QSlider *tSlider() const { return m_t; }
    QComboBox *labelChoice() const { return m_labelChoice; }
    QSlider *labelOpacity() const { return m_opacity; }
    QString readout() const;
    QString statusText() const;
    // The composite of what is drawn now (backdrop with the detail over it), for the tests and
    // for saving: the canvas's own rendering.
    QImage renderedImage() const;
    // Reads the value under a physical point, as the read-out does.
    QString describePoint(double y, double x) const;

Q_SIGNALS:
    void imageOpened();
    void openFailed(const QString &error);
    // The picture of the current view is complete: the detail for it, or the backdrop when the
    // coarsest level is already fine enough.
    void picturesShown();
    void labelsShown();

private:
    void onOpened(quint64 job, const Result<ome::OmeImage> &opened, const std::vector<ome::OmeImage> &labels,
                  const QStringList &labelProblems);
    void setUpSliders();
    std::vector<double> positions() const;
    void requestPictures();
    void requestBackdrop();
    void requestLabels();
    void onPlanes(const LoadedPlanes &planes);
    void onLabelPlanes(const LoadedPlanes &planes);
    void redraw();
    void redrawLabels();
    void updateSliderText();
    void updateStatus();
    QString axisTitle(int axis) const;

    OmeCanvas *m_canvas;
    ChannelListModel *m_channels;
    ChannelPanel *m_panel;
    QSlider *m_z;
    QSlider *m_t;
    QLabel *m_zText;
    QLabel *m_tText;
    QComboBox *m_labelChoice;
    QSlider *m_opacity;
    QLabel *m_readout;
    QLabel *m_status;
    QLabel *m_message;

    std::shared_ptr<Store> m_store;
    std::shared_ptr<ChunkCache> m_cache;
    quint64 m_openJob = 0;
    std::vector<ome::OmeImage> m_labelImages;
    OmePlaneLoader *m_loader = nullptr;
    OmePlaneLoader *m_labelLoader = nullptr;
    quint64 m_backdropJob = 0;
    quint64 m_detailJob = 0;
    quint64 m_labelJob = 0;
    std::vector<double> m_backdropPosition; // the slider positions the backdrop shows
    std::unique_ptr<LoadedPlanes> m_backdrop;
    std::unique_ptr<LoadedPlanes> m_detail;
    std::unique_ptr<LoadedPlanes> m_labels;
    std::optional<std::size_t> m_detailLevel;
    bool m_looksSet = false;
    std::uint64_t m_bytesRead = 0;
    std::uint64_t m_requests = 0;
    QPointF m_pointed{qQNaN(), qQNaN()};
};

} // namespace zs::omeview
