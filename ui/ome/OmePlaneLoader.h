#pragma once
// Reads the planes an OME-Zarr view draws: for one level, a region of the image plane (every
// channel, the other axes at the sliders' positions), strided down to about the screen pixels it
// fills, through the engine (SliceSource: the store's limiter and shared chunk cache). Each level
// and slot has its own SliceSource, so the coarse backdrop and the refined region read side by
// side; a new request makes the earlier one of its slot stale (its job id), and stale results
// never arrive.
// Lives in the GUI thread; results are plain data (LoadedPlanes).

#include "ome/ChannelLook.h"
#include "ome/LevelChooser.h"
#include "view/SliceSource.h"

#include <QObject>
#include <QSize>
#include <map>

namespace zs::omeview {

// The axes of an image by role: the plane's (y, x), the channel axis, the other space axis (z)
// and the time axis; -1 when the image has none.
struct ImageAxes
{
    int y = -1, x = -1, channel = -1, z = -1, time = -1;
    static ImageAxes of(const ome::OmeImage &image);
};

struct PlaneRequest
{
    std::size_t level = 0;
    // Reads of different slots run side by side (the backdrop of the coarsest level and the
    // detail of the same level, say); a new request replaces only the earlier one of its slot.
    int slot = 0;
    ome::IndexRange rows, columns; // of that level's plane
    // The physical position of every non-plane, non-channel axis (z, t): each level reads the
    // index nearest it.
    std::vector<double> position;
    int screenHeight = 512; // device pixels the region fills: the stride keeps the read near them
    int screenWidth = 512;
};

struct LoadedPlanes
{
    quint64 job = 0;
    std::size_t level = 0;
    PlaneStack planes;
    ome::PhysicalRect rect;                    // what the planes cover, physical units
    std::uint64_t rowStep = 1, columnStep = 1; // the stride read
    std::uint64_t requests = 0, bytes = 0;     // what the read fetched from the store
};

class OmePlaneLoader final : public QObject
{
    Q_OBJECT
public:
    OmePlaneLoader(std::shared_ptr<Store> store, ome::OmeImage image, std::shared_ptr<ChunkCache> cache,
                   QObject *parent = nullptr);
    ~OmePlaneLoader() override;

    const ome::OmeImage &image() const { return m_image; }
    const ImageAxes &axes() const { return m_axes; }
    // The request for the whole coarsest level (the backdrop, a thumbnail) at `position`, for a
    // picture of about `screen` device pixels.
    PlaneRequest coarsestWhole(std::vector<double> position, QSize screen) const;
    // Starts reading (cancelling the earlier request for the same level); returns its job id.
    quint64 load(const PlaneRequest &request);
    void cancel();
    // The index of `level` nearest the physical `position` along `axis` (clipped to its shape).
    std::uint64_t indexAt(std::size_t level, int axis, double position) const;
    // The physical position of index `index` of `level` along `axis` (its pixel's centre).
    double positionOf(std::size_t level, int axis, std::uint64_t index) const;

Q_SIGNALS:
    void planesLoaded(const zs::omeview::LoadedPlanes &planes);
    void loadFailed(quint64 job, const QString &error);

private:
    struct Pending
    {
        quint64 job = 0;
        PlaneRequest request;
        Selection selection;
    };
    using Key = std::pair<std::size_t, int>; // level, slot
    SliceSource *sourceFor(const Key &key);
    void onFinished(const Key &key, quint64 sourceJob);
    Selection selectionFor(const PlaneRequest &request, std::uint64_t *rowStep,
                           std::uint64_t *columnStep) const;

    std::shared_ptr<Store> m_store;
    ome::OmeImage m_image;
    std::shared_ptr<ChunkCache> m_cache;
    ImageAxes m_axes;
    std::map<Key, SliceSource *> m_sources;
    std::map<Key, Pending> m_pending; // the one request each source runs
    quint64 m_nextJob = 0;
};

} // namespace zs::omeview

Q_DECLARE_METATYPE(zs::omeview::LoadedPlanes)
