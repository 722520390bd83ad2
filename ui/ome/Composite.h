#pragma once
// The OME-Zarr view's picture: each shown channel's plane through its window, in its colour,
// added up (as microscopes' channel overlays are), plus one channel alone for the channel list's
// previews and the "one channel in grey" mode.

#include "ChannelLook.h"

#include <QImage>

namespace zs::omeview {

// Where `value` falls in the look's window, 0..1 (clamped), flipped when the look is inverted;
// NaN for NaN (no value). A window with end <= start is a threshold: 1 from end up, 0 below.
double windowPosition(double value, const ChannelLook &look);

// Format_RGB32, planes.width x planes.height: per pixel and component, the sum over the active
// channels of round(t * colour component), capped at 255 (NaN adds nothing). A null QImage when
// looks and planes disagree on the channel count or the planes do not hold their size of values.
QImage compositeImage(const PlaneStack &planes, const std::vector<ChannelLook> &looks);

// One channel whatever its `active`: t * 255 on all three components when `grey`, else t times
// its colour; NaN is black. A null QImage for a channel the planes do not have.
QImage channelImage(const PlaneStack &planes, int channel, const ChannelLook &look, bool grey);

} // namespace zs::omeview
