#include "Composite.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace zs::omeview {

namespace {

// Malformed stacks come from readers that failed half way: refuse them instead of reading past
// the end of `values`.
bool holdsItsSize(const PlaneStack &planes)
{
    if (planes.channels < 0 || planes.height <= 0 || planes.width <= 0) return false;
    return planes.values.size() ==
           std::size_t(planes.channels) * std::size_t(planes.height) * std::size_t(planes.width);
}

int scaled(double t, int component)
{
    return int(std::lround(t * double(component)));
}

} // namespace

double windowPosition(double value, const ChannelLook &look)
{
    if (std::isnan(value)) return value;
    double t = 0;
    if (look.end <= look.start) {
        t = value >= look.end ? 1 : 0;
    } else {
        t = std::clamp((value - look.start) / (look.end - look.start), 0.0, 1.0);
    }
    return look.inverted ? 1 - t : t;
}

QImage compositeImage(const PlaneStack &planes, const std::vector<ChannelLook> &looks)
{
    if (!holdsItsSize(planes) || looks.size() != std::size_t(planes.channels)) return {};
    QImage image(planes.width, planes.height, QImage::Format_RGB32);
    if (image.isNull()) return {}; // too large to allocate
    std::vector<std::array<int, 3>> colours;
    for (const ChannelLook &look : looks)
        colours.push_back({look.color.red(), look.color.green(), look.color.blue()});
    for (int y = 0; y < planes.height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < planes.width; ++x) {
            std::array<int, 3> sum{0, 0, 0};
            for (int c = 0; c < planes.channels; ++c) {
                if (!looks[std::size_t(c)].active) continue;
                const double t = windowPosition(planes.at(c, y, x), looks[std::size_t(c)]);
                if (std::isnan(t)) continue;
                for (int k = 0; k < 3; ++k)
                    sum[std::size_t(k)] += scaled(t, colours[std::size_t(c)][std::size_t(k)]);
            }
            line[x] = qRgb(std::min(255, sum[0]), std::min(255, sum[1]), std::min(255, sum[2]));
        }
    }
    return image;
}

QImage channelImage(const PlaneStack &planes, int channel, const ChannelLook &look, bool grey)
{
    if (!holdsItsSize(planes) || channel < 0 || channel >= planes.channels) return {};
    QImage image(planes.width, planes.height, QImage::Format_RGB32);
    if (image.isNull()) return {};
    const QColor colour = grey ? QColor(Qt::white) : look.color;
    const int r = colour.red(), g = colour.green(), b = colour.blue();
    for (int y = 0; y < planes.height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < planes.width; ++x) {
            const double t = windowPosition(planes.at(channel, y, x), look);
            line[x] = std::isnan(t) ? qRgb(0, 0, 0) : qRgb(scaled(t, r), scaled(t, g), scaled(t, b));
        }
    }
    return image;
}

} // namespace zs::omeview
