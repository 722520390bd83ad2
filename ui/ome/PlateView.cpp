#include "ome/PlateView.h"

#include "hierarchy/Hierarchy.h"
#include "ome/ChannelDefaults.h"
#include "ome/Composite.h"
#include "ome/OmeImage.h"
#include "ome/OmeParse.h"
#include "ome/OmePaths.h"
#include "ome/OmePlaneLoader.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QThreadPool>
#include <QVBoxLayout>

namespace zs::omeview {

namespace {

constexpr int kThumbnailPixels = 96;
// Opening a well reads its metadata, its first field's and its levels': blocking reads, one well
// per thread, many wells at once (the threads mostly wait on the network).
constexpr int kOpeningThreads = 16;

struct OpenedWell
{
    QStringList fields; // image paths in the store
    std::optional<ome::OmeImage> firstField;
    QString problem;
};

OpenedWell openWell(Store &store, const QString &wellPath)
{
    OpenedWell out;
    auto group = ome::loadOmeGroup(store, wellPath);
    if (!group || !*group || !(*group)->well) {
        out.problem = group ? QObject::tr("no well metadata") : group.error().toString();
        return out;
    }
    for (const ome::WellImage &image : (*group)->well->images)
        out.fields << ome::childPath(wellPath, image.path);
    if (out.fields.isEmpty()) {
        out.problem = QObject::tr("the well has no fields");
        return out;
    }
    auto field = ome::loadOmeGroup(store, out.fields.front());
    if (!field || !*field || (*field)->kind != ome::OmeGroup::Kind::Multiscales) {
        out.problem = field ? QObject::tr("its first field is not an image") : field.error().toString();
        return out;
    }
    auto image = ome::openOmeImage(store, out.fields.front(), **field);
    if (!image)
        out.problem = image.error().toString();
    else
        out.firstField = std::move(*image);
    return out;
}

} // namespace

PlateView::PlateView(QWidget *parent)
    : QWidget(parent), m_grid(new PlateGrid), m_title(new QLabel), m_fields(new QComboBox),
      m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(kOpeningThreads);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(new QLabel(tr("Field")));
    top->addWidget(m_fields);
    layout->addLayout(top);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    layout->addWidget(scroll, 1);
    connect(m_grid, &PlateGrid::wellClicked, this, [this](int well) { selectWell(well); });
    connect(m_grid, &PlateGrid::wellDoubleClicked, this, [this](int well) {
        selectWell(well);
        if (!m_wells[std::size_t(well)].fields.isEmpty())
            Q_EMIT fieldActivated(m_wells[std::size_t(well)].fields.front());
    });
    connect(m_fields, &QComboBox::activated, this, [this](int i) {
        if (m_selected >= 0 && i >= 0 && i < m_wells[std::size_t(m_selected)].fields.size())
            Q_EMIT fieldActivated(m_wells[std::size_t(m_selected)].fields[i]);
    });
}

PlateView::~PlateView()
{
    ++m_job;         // wells still opening report to no one
    m_pool->clear(); // those not started never start
    m_pool->waitForDone();
}

void PlateView::clear()
{
    ++m_job;
    m_pool->clear();
    for (auto &[index, loader] : m_loaders)
        delete loader;
    m_loaders.clear();
    m_wells.clear();
    m_selected = -1;
    m_remaining = 0;
    m_plate = {};
    m_grid->setPlate(m_plate, &m_wells);
    m_fields->clear();
    m_title->clear();
}

void PlateView::setPlate(std::shared_ptr<Store> store, std::shared_ptr<ChunkCache> cache,
                         const QString &platePath, const ome::Plate &plate)
{
    clear();
    m_store = std::move(store);
    m_cache = std::move(cache);
    m_platePath = platePath;
    m_plate = plate;
    for (const ome::PlateWell &w : plate.wells)
        m_wells.push_back(WellCell{w.path, {}, {}, {}, true});
    m_remaining = int(m_wells.size());
    m_title->setText(
        tr("Plate %1: %2 rows × %3 columns, %4 wells")
            .arg(plate.name.isEmpty() ? (platePath.isEmpty() ? QStringLiteral("/") : platePath) : plate.name)
            .arg(plate.rows.size())
            .arg(plate.columns.size())
            .arg(plate.wells.size()));
    m_grid->setPlate(m_plate, &m_wells);
    const quint64 job = m_job;
    QPointer<PlateView> self(this);
    for (int i = 0; i < int(m_wells.size()); ++i) {
        const QString wellPath = ome::childPath(platePath, m_wells[std::size_t(i)].path);
        m_pool->start([self, job, i, store = m_store, wellPath] {
            OpenedWell opened = openWell(*store, wellPath);
            QMetaObject::invokeMethod(
                qApp,
                [self, job, i, opened = std::move(opened)] {
                    if (!self || job != self->m_job) return;
                    if (opened.firstField) self->startThumbnail(i, *opened.firstField);
                    self->onWellOpened(job, i, opened.fields, opened.problem);
                },
                Qt::QueuedConnection);
        });
    }
}

// The well's first field, its coarsest level whole, at about the cell's size.
void PlateView::startThumbnail(int index, const ome::OmeImage &field)
{
    auto *loader = new OmePlaneLoader(m_store, field, m_cache, this);
    m_loaders[index] = loader;
    connect(loader, &OmePlaneLoader::planesLoaded, this,
            [this, index](const LoadedPlanes &p) { onThumbnail(index, p); });
    connect(loader, &OmePlaneLoader::loadFailed, this, [this, index](quint64, const QString &e) {
        m_wells[std::size_t(index)].problem = e;
        wellDone(index);
    });
    loader->load(loader->coarsestWhole(std::vector<double>(field.axes().size(), 0.0),
                                       QSize(kThumbnailPixels, kThumbnailPixels)));
}

void PlateView::onWellOpened(quint64 job, int index, const QStringList &fields, const QString &problem)
{
    if (job != m_job) return;
    WellCell &w = m_wells[std::size_t(index)];
    w.fields = fields;
    w.problem = problem;
    if (!problem.isEmpty()) wellDone(index);
    if (index == m_selected) selectWell(index); // its fields are known now
}

void PlateView::onThumbnail(int index, const LoadedPlanes &planes)
{
    const auto looks =
        channelLooks(m_loaders[index]->image().group.omero, planes.planes.channels, planes.planes);
    m_wells[std::size_t(index)].thumbnail = compositeImage(planes.planes, looks);
    wellDone(index);
}

void PlateView::wellDone(int index)
{
    WellCell &w = m_wells[std::size_t(index)];
    if (!w.pending) return;
    w.pending = false;
    m_grid->update(m_grid->cellRect(index));
    Q_EMIT wellDrawn(index);
    if (--m_remaining == 0) Q_EMIT allWellsDrawn();
}

int PlateView::thumbnailsShown() const
{
    int n = 0;
    for (const WellCell &w : m_wells)
        n += w.thumbnail.isNull() ? 0 : 1;
    return n;
}

QString PlateView::selectedWell() const
{
    return m_selected >= 0 ? m_wells[std::size_t(m_selected)].path : QString();
}

void PlateView::selectWell(int index)
{
    if (index < 0 || std::size_t(index) >= m_wells.size()) return;
    m_selected = index;
    m_grid->setSelected(index);
    m_fields->clear();
    for (const QString &f : m_wells[std::size_t(index)].fields)
        m_fields->addItem(f.section(u'/', -1), f);
}

} // namespace zs::omeview
