#include "LabelPalette.h"

#include <algorithm>
#include <cmath>

namespace zs::omeview {

LabelPalette::LabelPalette(const std::optional<ome::ImageLabel> &label)
{
    if (!label) return;
    for (const ome::LabelColor &given : label->colors) {
        const auto component = [&](std::size_t k) { return std::clamp(given.rgba[k], 0, 255); };
        m_given[given.value] = QColor(component(0), component(1), component(2), component(3));
    }
}

QColor LabelPalette::colorOf(std::int64_t value) const
{
    if (const auto it = m_given.find(value); it != m_given.end()) return it->second;
    if (value == 0) return QColor(0, 0, 0, 0);
    // Fibonacci hashing: value x 2^64 / phi, modulo 2^64, is the fraction of value / phi exactly
    // for every int64 (negatives included), where doubles would lose it for large values.
    const std::uint64_t turn = std::uint64_t(value) * 0x9E3779B97F4A7C15ull;
    const double hue = double(turn >> 40) / double(1ull << 24); // 0 <= hue < 1
    return QColor::fromHsvF(float(hue), 1.0f, 1.0f);
}

void overlayLabels(QImage &image, const std::vector<std::int64_t> &labels, int height, int width,
                   double opacity, const LabelPalette &palette)
{
    if (image.format() != QImage::Format_RGB32 || height <= 0 || width <= 0 || image.height() != height ||
        image.width() != width || labels.size() != std::size_t(height) * std::size_t(width) ||
        std::isnan(opacity))
        return;
    opacity = std::clamp(opacity, 0.0, 1.0);
    // A label image has few distinct values: look each one up once, not once per pixel.
    std::unordered_map<std::int64_t, QColor> colours;
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const std::int64_t label = labels[std::size_t(y) * std::size_t(width) + std::size_t(x)];
            auto it = colours.find(label);
            if (it == colours.end()) it = colours.emplace(label, palette.colorOf(label)).first;
            const QColor &colour = it->second;
            const double a = opacity * colour.alpha() / 255.0;
            if (a <= 0) continue;
            const QRgb in = line[x];
            const auto blend = [a](int below, int above) {
                return int(std::lround((1 - a) * below + a * above));
            };
            line[x] = qRgb(blend(qRed(in), colour.red()), blend(qGreen(in), colour.green()),
                           blend(qBlue(in), colour.blue()));
        }
    }
}

} // namespace zs::omeview
