#pragma once
// The Image tab: an OME-Zarr node of the tree shown as what it is. A multiscale image opens in
// the image view, a plate in the plate view (a field chosen there opens in the image view), a
// well as its first field; any other node leaves a line saying what the tab shows.

#include "metadata/NodeMetadata.h"

#include <QWidget>
#include <memory>

class QLabel;
class QStackedWidget;

namespace zs {
class ChunkCache;
class Store;
} // namespace zs

namespace zs::omeview {

class OmeImageView;
class PlateView;

class OmePage final : public QWidget
{
    Q_OBJECT
public:
    explicit OmePage(QWidget *parent = nullptr);

    // True when `node` is OME-Zarr and is now on show (or opening).
    bool showNode(std::shared_ptr<Store> store, std::shared_ptr<ChunkCache> cache, const NodeMetadata &node);
    void clear(const QString &message = {});
    OmeImageView *imageView() const { return m_image; }
    PlateView *plateView() const { return m_plate; }
    QString shownPath() const { return m_shown; }

Q_SIGNALS:
    // A field of a plate was chosen: the browser selects it in its tree too.
    void fieldChosen(const QString &imagePath);

private:
    void openImage(const QString &path);

    QStackedWidget *m_stack;
    QLabel *m_message;
    OmeImageView *m_image;
    PlateView *m_plate;
    std::shared_ptr<Store> m_store;
    std::shared_ptr<ChunkCache> m_cache;
    QString m_shown; // the node on show, so choosing it again in the tree does not reopen it
};

} // namespace zs::omeview
