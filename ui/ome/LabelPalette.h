#pragma once
// The colours of a label image (segmentation: one integer per object) and how they are laid over
// the picture. A label without an image-label colour gets one from its value alone, so object 17
// is the same colour in every view, every level and every run, and neighbours' colours differ.

#include "ome/OmeMetadata.h"

#include <QColor>
#include <QImage>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace zs::omeview {

class LabelPalette
{
public:
    explicit LabelPalette(const std::optional<ome::ImageLabel> &label = {});

    // The image-label colour when it gives one (alpha included); else transparent for 0 (the
    // background) and a fully saturated, opaque hue for any other value, the hues of successive
    // values a golden-ratio turn apart.
    QColor colorOf(std::int64_t value) const;

private:
    std::unordered_map<std::int64_t, QColor> m_given;
};

// Blends labels (height x width, C order) into `image`: out = (1 - a) in + a colour, with
// a = opacity (clamped to 0..1) x the colour's alpha / 255. Nothing happens unless image is
// Format_RGB32 of that size and labels has height x width values.
void overlayLabels(QImage &image, const std::vector<std::int64_t> &labels, int height, int width,
                   double opacity, const LabelPalette &palette);

} // namespace zs::omeview
