#pragma once
// Which elements to read for what the plot can show: a strided selection over the visible
// window of the displayed dimensions, about `oversample` samples per screen pixel, with the
// other dimensions fixed at the slider positions. When even that would touch more stored
// chunk bytes than the budget (a 100000x100000 array in big chunks), the stride grows until
// it does not, so an overview never reads the whole array; zooming in asks again, finer.

#include "selection/Selection.h"

namespace zs {

struct AxisWindow
{
    std::uint64_t begin = 0; // first visible index
    std::uint64_t end = 0;   // one past the last visible index
    int pixels = 512;        // screen pixels the window spans
};

struct SampleRequest
{
    Shape shape;
    Shape chunks;
    std::size_t itemSize = 1;
    std::vector<std::uint64_t> fixedIndex; // per array dimension, used for the non-displayed ones
    int xDim = -1;
    int yDim = -1; // -1: a 1-D (line) display
    AxisWindow x;
    AxisWindow y;
    double oversample = 2.0;
    std::uint64_t chunkByteBudget = std::uint64_t(512) << 20; // decoded bytes of the chunks touched
};

Selection sampleSelection(const SampleRequest &request);

// The window grown by `fraction` of its span on each side (within [0, length)), its pixels in
// proportion: reading a margin keeps a small pan from showing blank before the refetch lands.
AxisWindow withMargin(const AxisWindow &window, std::uint64_t length, double fraction);

// Whether the data read for `have` serves `want`: same fixed indices, at least as fine, and
// spanning the wanted window.
bool selectionCovers(const Selection &have, const Selection &want);

// Exactly how many chunks of length `chunk` the indices of `d` fall in.
std::uint64_t chunksTouchedAlong(const DimSelection &d, std::uint64_t chunk);

// Decoded bytes of the chunks `selection` touches (an estimate that never undercounts).
std::uint64_t touchedChunkBytes(const Selection &selection, const Shape &chunks, std::size_t itemSize);

} // namespace zs
