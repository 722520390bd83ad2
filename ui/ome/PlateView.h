#pragma once
// The Image tab for an OME-Zarr plate: the grid of rows and columns, each well drawn from the
// coarsest level of its first field, wells opened and read side by side and drawn as each
// arrives. Clicking a well picks it (its fields listed for the choosing); activating a field
// (double-click, or the field list) asks for it to be opened as an image.

#include "ome/OmeImage.h"
#include "ome/PlateGrid.h"

#include <QImage>
#include <QPointer>
#include <QWidget>
#include <map>
#include <memory>

class QComboBox;
class QLabel;
class QThreadPool;

namespace zs {
class ChunkCache;
class Store;
} // namespace zs

namespace zs::omeview {

class OmePlaneLoader;
struct LoadedPlanes;

class PlateView final : public QWidget
{
    Q_OBJECT
public:
    explicit PlateView(QWidget *parent = nullptr);
    ~PlateView() override;

    void setPlate(std::shared_ptr<Store> store, std::shared_ptr<ChunkCache> cache, const QString &platePath,
                  const ome::Plate &plate);
    void clear();

    const std::vector<WellCell> &wells() const { return m_wells; }
    int thumbnailsShown() const;
    QString selectedWell() const;
    void selectWell(int index);
    QComboBox *fieldChoice() const { return m_fields; }
    PlateGrid *grid() const { return m_grid; }

Q_SIGNALS:
    void fieldActivated(const QString &imagePath); // a store path
    void wellDrawn(int index);
    void allWellsDrawn();

private:
    void onWellOpened(quint64 job, int index, const QStringList &fields, const QString &problem);
    void startThumbnail(int index, const ome::OmeImage &field);
    void onThumbnail(int index, const LoadedPlanes &planes);
    void wellDone(int index);

    PlateGrid *m_grid;
    QLabel *m_title;
    QComboBox *m_fields;
    std::shared_ptr<Store> m_store;
    std::shared_ptr<ChunkCache> m_cache;
    QString m_platePath;
    ome::Plate m_plate;
    std::vector<WellCell> m_wells;
    std::map<int, OmePlaneLoader *> m_loaders;
    int m_selected = -1;
    int m_remaining = 0;
    quint64 m_job = 0;
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace zs::omeview
