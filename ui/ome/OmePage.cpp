#include "ome/OmePage.h"

#include "ome/OmeImageView.h"
#include "ome/OmeParse.h"
#include "ome/OmePaths.h"
#include "ome/PlateView.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace zs::omeview {

OmePage::OmePage(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget), m_message(new QLabel), m_image(new OmeImageView),
      m_plate(new PlateView)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_image);
    m_stack->addWidget(m_plate);
    connect(m_plate, &PlateView::fieldActivated, this, [this](const QString &path) {
        openImage(path);
        Q_EMIT fieldChosen(path);
    });
    clear();
}

void OmePage::clear(const QString &message)
{
    m_shown.clear();
    m_image->clear();
    m_plate->clear();
    m_message->setText(message.isEmpty() ? tr("OME-Zarr images and plates show here: choose one in the tree.")
                                         : message);
    m_stack->setCurrentWidget(m_message);
}

void OmePage::openImage(const QString &path)
{
    m_shown = path;
    m_stack->setCurrentWidget(m_image);
    m_image->openImage(m_store, m_cache, path);
}

bool OmePage::showNode(std::shared_ptr<Store> store, std::shared_ptr<ChunkCache> cache,
                       const NodeMetadata &node)
{
    const auto group = node.isArray() ? Result<std::optional<ome::OmeGroup>>(std::optional<ome::OmeGroup>())
                                      : ome::parseOmeGroup(node.attributes, node.path.section(u'/', -1));
    if (!group) {
        clear(tr("This OME-Zarr metadata cannot be read: %1").arg(group.error().toString()));
        return true; // it is OME, and the tab says what is wrong with it
    }
    const bool sameStore = store == m_store;
    m_store = std::move(store);
    m_cache = std::move(cache);
    if (!*group || (*group)->kind == ome::OmeGroup::Kind::Labels) {
        if (!sameStore || !m_shown.isEmpty()) clear();
        return false;
    }
    if (sameStore && node.path == m_shown) return true;
    switch ((*group)->kind) {
    case ome::OmeGroup::Kind::Multiscales:
        openImage(node.path);
        break;
    case ome::OmeGroup::Kind::Plate:
        m_shown = node.path;
        m_image->clear();
        m_stack->setCurrentWidget(m_plate);
        m_plate->setPlate(m_store, m_cache, node.path, *(*group)->plate);
        break;
    case ome::OmeGroup::Kind::Well:
        if ((*group)->well->images.empty()) {
            clear(tr("The well %1 has no fields.").arg(node.path));
            return true;
        }
        openImage(ome::childPath(node.path, (*group)->well->images.front().path));
        break;
    case ome::OmeGroup::Kind::Labels:
        break;
    }
    return true;
}

} // namespace zs::omeview
