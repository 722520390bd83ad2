#include "ome/OmeImageView.h"

#include "ome/ChannelListModel.h"
#include "ome/ChannelPanel.h"
#include "ome/OmeCanvas.h"
#include "ome/OmeParse.h"
#include "ome/OmePaths.h"
#include "ome/OmePlaneLoader.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace zs::omeview {

namespace {

QString shown(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("/") : path;
}

Result<ome::OmeImage> openImageAt(Store &store, const QString &path)
{
    ZS_TRY(const std::optional<ome::OmeGroup> group, ome::loadOmeGroup(store, path));
    if (!group || group->kind != ome::OmeGroup::Kind::Multiscales)
        return makeError(QObject::tr("not an OME-Zarr multiscale image"), shown(path));
    return ome::openOmeImage(store, path, *group);
}

QSlider *makeSlider()
{
    auto *s = new QSlider(Qt::Horizontal);
    s->setTracking(true);
    return s;
}

} // namespace

OmeImageView::OmeImageView(QWidget *parent)
    : QWidget(parent), m_canvas(new OmeCanvas), m_channels(new ChannelListModel(this)),
      m_panel(new ChannelPanel(m_channels)), m_z(makeSlider()), m_t(makeSlider()), m_zText(new QLabel),
      m_tText(new QLabel), m_labelChoice(new QComboBox), m_opacity(new QSlider(Qt::Horizontal)),
      m_readout(new QLabel), m_status(new QLabel), m_message(new QLabel)
{
    auto *left = new QWidget;
    auto *column = new QVBoxLayout(left);
    column->setContentsMargins(0, 0, 0, 0);
    m_message->setWordWrap(true);
    column->addWidget(m_message);
    column->addWidget(m_canvas, 1);
    const auto sliderRow = [column](const QString &name, QSlider *slider, QLabel *text) {
        auto *rowWidget = new QWidget; // hidden for an image without that axis
        auto *row = new QHBoxLayout(rowWidget);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(new QLabel(name));
        row->addWidget(slider, 1);
        text->setMinimumWidth(180);
        row->addWidget(text);
        column->addWidget(rowWidget);
    };
    sliderRow(tr("z"), m_z, m_zText);
    sliderRow(tr("t"), m_t, m_tText);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_readout);
    column->addWidget(m_status);

    auto *right = new QWidget;
    auto *panel = new QVBoxLayout(right);
    panel->setContentsMargins(0, 0, 0, 0);
    panel->addWidget(m_panel, 1);
    panel->addWidget(new QLabel(tr("Labels")));
    panel->addWidget(m_labelChoice);
    auto *opacityRow = new QHBoxLayout;
    opacityRow->addWidget(new QLabel(tr("Opacity")));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(50);
    opacityRow->addWidget(m_opacity, 1);
    panel->addLayout(opacityRow);

    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setSizes({800, 320});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_canvas, &OmeCanvas::viewRested, this, [this] {
        requestPictures();
        requestLabels();
    });
    connect(m_canvas, &OmeCanvas::pointed, this, [this](double y, double x) {
        m_pointed = QPointF(x, y);
        m_readout->setText(describePoint(y, x));
    });
    connect(m_channels, &ChannelListModel::looksChanged, this, [this] { redraw(); });
    connect(m_panel, &ChannelPanel::displayChanged, this, [this] { redraw(); });
    const auto moved = [this] {
        updateSliderText();
        requestPictures();
        requestLabels();
    };
    connect(m_z, &QSlider::valueChanged, this, moved);
    connect(m_t, &QSlider::valueChanged, this, moved);
    connect(m_labelChoice, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        delete m_labelLoader;
        m_labelLoader = nullptr;
        m_labels.reset();
        requestLabels();
    });
    connect(m_opacity, &QSlider::valueChanged, this, [this] { redrawLabels(); });
    clear();
}

OmeImageView::~OmeImageView() = default;

void OmeImageView::clear(const QString &message)
{
    ++m_openJob; // an open in flight is stale now
    delete m_loader;
    m_loader = nullptr;
    delete m_labelLoader;
    m_labelLoader = nullptr;
    m_labelImages.clear();
    m_backdrop.reset();
    m_detail.reset();
    m_labels.reset();
    m_detailLevel.reset();
    m_looksSet = false;
    m_bytesRead = 0;
    m_requests = 0;
    m_channels->setLooks({});
    m_panel->looksReset();
    m_panel->setChannelValues({});
    m_canvas->clearPictures();
    const QSignalBlocker blockLabels(m_labelChoice);
    m_labelChoice->clear();
    m_message->setText(message.isEmpty() ? tr("Choose an OME-Zarr image in the tree to see it here.")
                                         : message);
    m_message->setVisible(true);
    m_readout->clear();
    m_status->clear();
    m_z->setEnabled(false);
    m_t->setEnabled(false);
    m_zText->clear();
    m_tText->clear();
}

void OmeImageView::openImage(std::shared_ptr<Store> store, std::shared_ptr<ChunkCache> cache,
                             const QString &groupPath)
{
    clear(tr("Opening the image %1…").arg(shown(groupPath)));
    m_store = std::move(store);
    m_cache = std::move(cache);
    const quint64 job = m_openJob;
    QPointer<OmeImageView> self(this);
    // Checking the levels reads each level's metadata: a worker's job, never the GUI thread's.
    (void)QtConcurrent::run([self, job, store = m_store, groupPath] {
        Result<ome::OmeImage> image = openImageAt(*store, groupPath);
        std::vector<ome::OmeImage> labels;
        QStringList problems;
        if (image) {
            for (const QString &name : image->labels) {
                const QString path =
                    ome::childPath(ome::childPath(groupPath, QStringLiteral("labels")), name);
                auto label = openImageAt(*store, path);
                if (label)
                    labels.push_back(std::move(*label));
                else
                    problems << label.error().toString();
            }
            if (!image->labelsProblem.isEmpty()) problems << image->labelsProblem;
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, job, image = std::move(image), labels = std::move(labels), problems] {
                if (self) self->onOpened(job, image, labels, problems);
            },
            Qt::QueuedConnection);
    });
}

void OmeImageView::onOpened(quint64 job, const Result<ome::OmeImage> &opened,
                            const std::vector<ome::OmeImage> &labels, const QStringList &labelProblems)
{
    if (job != m_openJob) return; // another image by now
    if (!opened) {
        m_message->setText(tr("This image cannot be shown: %1").arg(opened.error().toString()));
        Q_EMIT openFailed(opened.error().toString());
        return;
    }
    m_labelImages = labels;
    m_message->setVisible(!labelProblems.isEmpty());
    m_message->setText(labelProblems.isEmpty()
                           ? QString()
                           : tr("Labels not shown: %1").arg(labelProblems.join(QStringLiteral("; "))));
    m_loader = new OmePlaneLoader(m_store, *opened, m_cache, this);
    connect(m_loader, &OmePlaneLoader::planesLoaded, this, &OmeImageView::onPlanes);
    connect(m_loader, &OmePlaneLoader::loadFailed, this, [this](quint64, const QString &error) {
        m_message->setText(tr("A read failed: %1").arg(error));
        m_message->setVisible(true);
    });
    {
        const QSignalBlocker block(m_labelChoice);
        m_labelChoice->addItem(tr("No labels"));
        for (const ome::OmeImage &l : m_labelImages)
            m_labelChoice->addItem(l.path.section(u'/', -1));
        m_labelChoice->setEnabled(!m_labelImages.empty());
        if (!m_labelImages.empty()) m_labelChoice->setCurrentIndex(1); // labels shown when there are any
    }
    setUpSliders();
    const ImageAxes &axes = m_loader->axes();
    m_canvas->setExtent(ome::fullExtent(*image()), axisTitle(axes.x), axisTitle(axes.y));
    requestBackdrop();
    Q_EMIT imageOpened();
}

QString OmeImageView::axisTitle(int axis) const
{
    const ome::Axis &a = image()->axes()[std::size_t(axis)];
    static const QHash<QString, QString> shortUnits{{QStringLiteral("micrometer"), QStringLiteral("µm")},
                                                    {QStringLiteral("nanometer"), QStringLiteral("nm")},
                                                    {QStringLiteral("millimeter"), QStringLiteral("mm")},
                                                    {QStringLiteral("second"), QStringLiteral("s")},
                                                    {QStringLiteral("millisecond"), QStringLiteral("ms")}};
    if (a.unit.isEmpty()) return a.name;
    return QStringLiteral("%1 [%2]").arg(a.name, shortUnits.value(a.unit, a.unit));
}

void OmeImageView::setUpSliders()
{
    const ImageAxes &axes = m_loader->axes();
    const Shape &shape = image()->levels.front().array().shape;
    const auto &omero = image()->group.omero;
    const auto setUp = [&](QSlider *slider, int axis, std::optional<std::int64_t> preferred, bool middle) {
        const QSignalBlocker block(slider);
        const int size = axis < 0 ? 1 : int(shape[std::size_t(axis)]);
        slider->setRange(0, size - 1);
        const int start = preferred ? int(*preferred) : middle ? (size - 1) / 2 : 0;
        slider->setValue(std::clamp(start, 0, size - 1));
        slider->setEnabled(size > 1);
    };
    // omero's rdefs say where to start; otherwise the middle of a stack (as napari opens it).
    setUp(m_z, axes.z, omero ? omero->defaultZ : std::nullopt, true);
    setUp(m_t, axes.time, omero ? omero->defaultT : std::nullopt, false);
    updateSliderText();
}

std::vector<double> OmeImageView::positions() const
{
    if (!m_loader) return {};
    std::vector<double> out(image()->axes().size(), 0.0);
    const ImageAxes &axes = m_loader->axes();
    if (axes.z >= 0) out[std::size_t(axes.z)] = m_loader->positionOf(0, axes.z, std::uint64_t(m_z->value()));
    if (axes.time >= 0)
        out[std::size_t(axes.time)] = m_loader->positionOf(0, axes.time, std::uint64_t(m_t->value()));
    return out;
}

void OmeImageView::updateSliderText()
{
    if (!m_loader) return;
    const ImageAxes &axes = m_loader->axes();
    const auto text = [&](QSlider *slider, QLabel *label, int axis) {
        slider->parentWidget()->setVisible(axis >= 0);
        if (axis < 0) return;
        const ome::Axis &a = image()->axes()[std::size_t(axis)];
        const double position = m_loader->positionOf(0, axis, std::uint64_t(slider->value()));
        label->setText(QStringLiteral("%1 %2 %3 (%4 / %5)")
                           .arg(a.name)
                           .arg(position, 0, 'g', 6)
                           .arg(a.unit)
                           .arg(slider->value() + 1)
                           .arg(slider->maximum() + 1));
    };
    text(m_z, m_zText, axes.z);
    text(m_t, m_tText, axes.time);
}

} // namespace zs::omeview
