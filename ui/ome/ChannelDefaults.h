#pragma once
// The looks an OME-Zarr image opens with: what its omero block says, and where it says nothing,
// what napari and OMERO would pick (red/green/blue..., a 2-98 % window of the coarsest level, so
// the picture is neither black nor saturated before the user touches anything).

#include "ChannelLook.h"
#include "ome/OmeMetadata.h"

#include <optional>
#include <vector>

namespace zs::omeview {

// The p-th percentile (p in 0..100, clamped) of the non-NaN values, interpolated linearly between
// order statistics as numpy.percentile does by default; NaN when there is no value (or p is NaN).
double percentile(std::vector<double> values, double p);

// The colour channel c of channelCount gets without omero: white for a single channel; red,
// green, blue for two or three; red, green, blue, cyan, magenta, yellow cycled for more.
QColor defaultChannelColor(int channel, int channelCount);

// One look per channel (none for a negative count). Omero entries beyond channelCount are
// ignored; channels without one get the defaults. A missing window is the 2nd-98th percentile of
// the channel's finite values in `coarsest` (0..1 when it has none); a missing min/max the data's
// range (else the window's); the range is widened to hold the window so its ends can be moved.
std::vector<ChannelLook> channelLooks(const std::optional<ome::Omero> &omero, int channelCount,
                                      const PlaneStack &coarsest);

} // namespace zs::omeview
