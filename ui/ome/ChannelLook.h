#pragma once
// How one channel of an OME-Zarr image is drawn, and the planes a view composes: plain data,
// handed from the readers to the view and its channel list.

#include <QColor>
#include <QString>
#include <cmath>
#include <vector>

namespace zs::omeview {

struct ChannelLook
{
    QString label;
    QColor color = Qt::white; // the colour at full intensity (additive blending)
    double start = 0;         // the window: values at or below start are black,
    double end = 1;           // at or above end the full colour
    double min = 0;           // the range the window's ends may be moved in (omero min/max)
    double max = 1;
    bool active = true;
    bool inverted = false;
};

// `channels` planes of height x width values (C order, channel-major), as doubles whatever the
// stored type; NaN where there is no value (outside the array, or a fill value masked).
struct PlaneStack
{
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<double> values;

    double at(int c, int y, int x) const
    {
        return values[(std::size_t(c) * std::size_t(height) + std::size_t(y)) * std::size_t(width) +
                      std::size_t(x)];
    }
};

} // namespace zs::omeview
