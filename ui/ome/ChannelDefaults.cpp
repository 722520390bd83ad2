#include "ChannelDefaults.h"

#include "HexColor.h"
#include "SliceStatistics.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace zs::omeview {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The channel's finite values; none when `planes` does not have the channel or is malformed
// (infinities would make the window infinite and the picture black).
std::vector<double> finiteValues(const PlaneStack &planes, int channel)
{
    std::vector<double> out;
    if (channel < 0 || channel >= planes.channels || planes.height <= 0 || planes.width <= 0) return out;
    const std::size_t plane = std::size_t(planes.height) * std::size_t(planes.width);
    if (planes.values.size() < plane * std::size_t(planes.channels)) return out;
    const auto first = planes.values.begin() + std::ptrdiff_t(plane * std::size_t(channel));
    std::copy_if(first, first + std::ptrdiff_t(plane), std::back_inserter(out),
                 [](double v) { return std::isfinite(v); });
    return out;
}

} // namespace

double percentile(std::vector<double> values, double p)
{
    if (std::isnan(p)) return kNaN;
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
                 values.end());
    return linearPercentile(values, p); // the Statistics dock's, numpy's default method
}

QColor defaultChannelColor(int channel, int channelCount)
{
    if (channelCount == 1) return Qt::white;
    static const Qt::GlobalColor kCycle[] = {Qt::red, Qt::green, Qt::blue, Qt::cyan, Qt::magenta, Qt::yellow};
    const int period = channelCount <= 3 ? 3 : 6;
    return kCycle[((channel % period) + period) % period];
}

std::vector<ChannelLook> channelLooks(const std::optional<ome::Omero> &omero, int channelCount,
                                      const PlaneStack &coarsest)
{
    std::vector<ChannelLook> looks;
    for (int c = 0; c < channelCount; ++c) {
        const ome::Channel *given =
            omero && std::size_t(c) < omero->channels.size() ? &omero->channels[std::size_t(c)] : nullptr;
        const std::vector<double> values = finiteValues(coarsest, c);
        ChannelLook look;
        look.label = given ? given->label : QString();
        if (look.label.isEmpty())
            look.label = QCoreApplication::translate("ChannelLook", "Channel %1").arg(c);
        const std::optional<QColor> colour = given ? colorFromHex(given->color) : std::nullopt;
        look.color = colour ? *colour : defaultChannelColor(c, channelCount);
        const ome::ChannelWindow *window = given && given->window ? &*given->window : nullptr;
        if (window) {
            look.start = window->start;
            look.end = window->end;
        } else if (!values.empty()) {
            look.start = percentile(values, 2);
            look.end = percentile(values, 98);
        }
        const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
        look.min = window && window->min ? *window->min : values.empty() ? look.start : *lowest;
        look.max = window && window->max ? *window->max : values.empty() ? look.end : *highest;
        look.min = std::min({look.min, look.start, look.end});
        look.max = std::max({look.max, look.start, look.end});
        if (given) {
            look.active = given->active;
            look.inverted = given->inverted;
        }
        looks.push_back(look);
    }
    return looks;
}

} // namespace zs::omeview
