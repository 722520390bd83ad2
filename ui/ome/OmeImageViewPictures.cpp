// OmeImageView's pictures: what to read for the view (the coarse backdrop once per slider
// position, the visible region at the chosen level after each rest), drawing what arrives with
// the channels' looks, the labels overlay, and the read-out.

#include "ome/ChannelDefaults.h"
#include "ome/ChannelListModel.h"
#include "ome/ChannelPanel.h"
#include "ome/LabelPalette.h"
#include "ome/OmeCanvas.h"
#include "ome/OmeImageView.h"
#include "ome/OmePlaneLoader.h"

#include "QCustomPlotInclude.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <cmath>

namespace zs::omeview {

namespace {

ome::PhysicalRect intersect(const ome::PhysicalRect &a, const ome::PhysicalRect &b)
{
    const double y0 = std::max(a.y0, b.y0), x0 = std::max(a.x0, b.x0);
    const double y1 = std::min(a.y0 + a.height, b.y0 + b.height);
    const double x1 = std::min(a.x0 + a.width, b.x0 + b.width);
    return ome::PhysicalRect{y0, x0, std::max(0.0, y1 - y0), std::max(0.0, x1 - x0)};
}

// The element of `planes` under a physical point, or false when the point is outside them.
bool cellAt(const LoadedPlanes &p, double y, double x, int *row, int *column)
{
    if (p.planes.height <= 0 || p.planes.width <= 0) return false;
    const double fy = (y - p.rect.y0) / p.rect.height;
    const double fx = (x - p.rect.x0) / p.rect.width;
    if (!(fy >= 0 && fy < 1 && fx >= 0 && fx < 1)) return false;
    *row = std::min(p.planes.height - 1, int(fy * p.planes.height));
    *column = std::min(p.planes.width - 1, int(fx * p.planes.width));
    return true;
}

// A label image's picture: each label's colour at `opacity` (its own alpha too), background clear.
QImage labelPicture(const PlaneStack &labels, const LabelPalette &palette, double opacity)
{
    QImage image(labels.width, labels.height, QImage::Format_ARGB32);
    for (int y = 0; y < labels.height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < labels.width; ++x) {
            const double v = labels.at(0, y, x);
            const QColor c = std::isfinite(v) ? palette.colorOf(std::int64_t(v)) : QColor(Qt::transparent);
            line[x] = qRgba(c.red(), c.green(), c.blue(), int(std::lround(c.alpha() * opacity)));
        }
    }
    return image;
}

QString valueText(double v)
{
    if (std::isnan(v)) return QStringLiteral("–");
    return QLocale::c().toString(v, 'g', 6);
}

} // namespace

const ome::OmeImage *OmeImageView::image() const
{
    return m_loader ? &m_loader->image() : nullptr;
}

std::size_t OmeImageView::backdropLevel() const
{
    return m_loader ? m_loader->image().levels.size() - 1 : 0;
}

void OmeImageView::requestBackdrop()
{
    if (!m_loader) return;
    const PlaneRequest r = m_loader->coarsestWhole(positions(), m_canvas->screenPixels()); // slot 0
    m_backdropPosition = r.position;
    m_backdropJob = m_loader->load(r);
}

void OmeImageView::requestPictures()
{
    if (!m_loader) return;
    const std::vector<double> position = positions();
    if (position != m_backdropPosition) requestBackdrop();
    const ome::PhysicalRect visible = m_canvas->visibleRect();
    const QSize px = m_canvas->screenPixels();
    const std::size_t level = ome::chooseLevel(*image(), visible, px.height(), px.width());
    // The backdrop already is the picture when the coarsest level is fine enough and was read
    // whole; whether it was is known once it lands (onPlanes asks again then).
    const bool backdropReady = m_backdrop && m_backdrop->job == m_backdropJob;
    if (level == backdropLevel() &&
        (!backdropReady || (m_backdrop->rowStep == 1 && m_backdrop->columnStep == 1))) {
        m_detailLevel.reset();
        m_detail.reset();
        ++m_detailJob;
        m_canvas->showDetail(QImage(), {});
        updateStatus();
        if (backdropReady) Q_EMIT picturesShown();
        return;
    }
    const ome::PhysicalRect region = intersect(visible, ome::fullExtent(*image()));
    const auto [rows, columns] = ome::levelRegion(*image(), level, region);
    PlaneRequest r;
    r.level = level;
    r.slot = 1;
    r.rows = rows;
    r.columns = columns;
    r.position = position;
    // The screen pixels the region fills (it is smaller than the view where the image ends).
    r.screenHeight =
        std::max(1, int(std::ceil(px.height() * region.height / std::max(visible.height, 1e-300))));
    r.screenWidth = std::max(1, int(std::ceil(px.width() * region.width / std::max(visible.width, 1e-300))));
    m_detailLevel = level;
    m_detailJob = m_loader->load(r);
    updateStatus();
}

void OmeImageView::onPlanes(const LoadedPlanes &planes)
{
    m_bytesRead += planes.bytes;
    m_requests += planes.requests;
    if (planes.job == m_backdropJob) {
        m_backdrop = std::make_unique<LoadedPlanes>(planes);
        if (!m_looksSet) {
            m_channels->setLooks(channelLooks(image()->group.omero, planes.planes.channels, planes.planes));
            m_panel->looksReset();
            m_looksSet = true;
        }
        m_panel->setChannelValues(planes.planes);
        redraw();
        if (!m_detailLevel) requestPictures(); // now its stride is known: is a detail needed?
    } else if (planes.job == m_detailJob) {
        m_detail = std::make_unique<LoadedPlanes>(planes);
        redraw();
        Q_EMIT picturesShown();
    }
    updateStatus();
    if (!std::isnan(m_pointed.x())) m_readout->setText(describePoint(m_pointed.y(), m_pointed.x()));
}

void OmeImageView::redraw()
{
    if (m_backdrop) m_canvas->showBackdrop(m_panel->picture(m_backdrop->planes), m_backdrop->rect);
    if (m_detail) m_canvas->showDetail(m_panel->picture(m_detail->planes), m_detail->rect);
}

void OmeImageView::requestLabels()
{
    const int choice = m_labelChoice->currentIndex();
    if (!m_loader || choice <= 0 || std::size_t(choice) > m_labelImages.size()) {
        m_labels.reset();
        m_canvas->showLabels(QImage(), {});
        return;
    }
    const ome::OmeImage &label = m_labelImages[std::size_t(choice - 1)];
    if (!m_labelLoader) {
        m_labelLoader = new OmePlaneLoader(m_store, label, m_cache, this);
        connect(m_labelLoader, &OmePlaneLoader::planesLoaded, this, &OmeImageView::onLabelPlanes);
    }
    const ome::PhysicalRect visible = m_canvas->visibleRect();
    const QSize px = m_canvas->screenPixels();
    const std::size_t level = ome::chooseLevel(label, visible, px.height(), px.width());
    const auto [rows, columns] = ome::levelRegion(label, level, intersect(visible, ome::fullExtent(label)));
    // The label image's own axes at the image's slider positions, matched by name.
    const std::vector<double> position = positions();
    PlaneRequest r;
    r.level = level;
    r.rows = rows;
    r.columns = columns;
    r.screenHeight = px.height();
    r.screenWidth = px.width();
    for (const ome::Axis &a : label.axes()) {
        double p = 0;
        for (std::size_t i = 0; i < image()->axes().size(); ++i)
            if (image()->axes()[i].name == a.name) p = position[i];
        r.position.push_back(p);
    }
    m_labelJob = m_labelLoader->load(r);
}

void OmeImageView::onLabelPlanes(const LoadedPlanes &planes)
{
    if (planes.job != m_labelJob) return;
    m_bytesRead += planes.bytes;
    m_requests += planes.requests;
    m_labels = std::make_unique<LoadedPlanes>(planes);
    redrawLabels();
    Q_EMIT labelsShown();
}

void OmeImageView::redrawLabels()
{
    const int choice = m_labelChoice->currentIndex();
    if (!m_labels || choice <= 0) return;
    const LabelPalette palette(m_labelImages[std::size_t(choice - 1)].group.imageLabel);
    m_canvas->showLabels(labelPicture(m_labels->planes, palette, m_opacity->value() / 100.0), m_labels->rect);
}

QString OmeImageView::describePoint(double y, double x) const
{
    if (!m_loader) return {};
    const ImageAxes &axes = m_loader->axes();
    const ome::Axis &ay = image()->axes()[std::size_t(axes.y)];
    const ome::Axis &ax = image()->axes()[std::size_t(axes.x)];
    QString text = QStringLiteral("%1 %2 %3, %4 %5 %6")
                       .arg(ay.name, valueText(y), ay.unit, ax.name, valueText(x), ax.unit)
                       .simplified();
    int row = 0;
    int column = 0;
    const LoadedPlanes *source =
        m_detail && cellAt(*m_detail, y, x, &row, &column) ? m_detail.get() : nullptr;
    if (!source && m_backdrop && cellAt(*m_backdrop, y, x, &row, &column)) source = m_backdrop.get();
    if (!source) return text + tr(" · outside the image");
    text += tr(" · level %1").arg(source->level);
    const std::vector<ChannelLook> &looks = m_channels->looks();
    QStringList values;
    for (int c = 0; c < source->planes.channels; ++c) {
        const QString name =
            std::size_t(c) < looks.size() ? looks[std::size_t(c)].label : tr("Channel %1").arg(c);
        values << QStringLiteral("%1 %2").arg(name, valueText(source->planes.at(c, row, column)));
    }
    text += QStringLiteral(" · ") + values.join(QStringLiteral(", "));
    if (m_labels && cellAt(*m_labels, y, x, &row, &column))
        text += tr(" · label %1").arg(valueText(m_labels->planes.at(0, row, column)));
    return text;
}

QString OmeImageView::readout() const
{
    return m_readout->text();
}

void OmeImageView::updateStatus()
{
    m_status->setText(statusText());
}

QString OmeImageView::statusText() const
{
    if (!m_loader) return {};
    const std::size_t level = m_detailLevel.value_or(backdropLevel());
    const ImageAxes &axes = m_loader->axes();
    const Shape &shape = image()->levels[level].array().shape;
    return tr("level %1 of %2 (%3 × %4) · %5 requests, %6 read")
        .arg(level)
        .arg(image()->levels.size())
        .arg(shape[std::size_t(axes.y)])
        .arg(shape[std::size_t(axes.x)])
        .arg(m_requests)
        .arg(QLocale::system().formattedDataSize(qint64(m_bytesRead)));
}

QImage OmeImageView::renderedImage() const
{
    return m_canvas->plot()->toPixmap().toImage();
}

} // namespace zs::omeview
