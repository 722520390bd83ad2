#include "ColorMapStops.h"

#include <utility>

namespace zs {

namespace {

// Equally spaced, low end first: 17 stops for the smooth maps, 33 for turbo and twilight, whose
// hue turns faster (with fewer, interpolating in RGB would dull them between stops).
const char *const kViridis[] = {
    "#440154", "#48186a", "#472d7b", "#424086", "#3b528b", "#33638d", "#2c728e", "#26828e", "#21918c",
    "#1fa088", "#28ae80", "#3fbc73", "#5ec962", "#84d44b", "#addc30", "#d8e219", "#fde725",
};
const char *const kMagma[] = {
    "#000004", "#0a0822", "#1d1147", "#36106b", "#51127c", "#6a1c81", "#832681", "#9c2e7f", "#b73779",
    "#d0416f", "#e75263", "#f56b5c", "#fc8961", "#fea772", "#fec488", "#fde2a3", "#fcfdbf",
};
const char *const kCividis[] = {
    "#00224e", "#002e6a", "#1a386f", "#32436d", "#434e6c", "#535a6d", "#61656f", "#6f7073", "#7d7c78",
    "#8c8878", "#9b9476", "#aba072", "#bcae6c", "#cdbb63", "#dec958", "#f0d846", "#fee838",
};
const char *const kPlasma[] = {
    "#0d0887", "#310597", "#4c02a1", "#6600a7", "#7e03a8", "#9511a1", "#aa2395", "#bc3587", "#cc4778",
    "#da5a6a", "#e66c5c", "#f0804e", "#f89540", "#fdac33", "#fdc527", "#f8df25", "#f0f921",
};
const char *const kInferno[] = {
    "#000004", "#0b0724", "#210c4a", "#3d0965", "#57106e", "#71196e", "#8a226a", "#a32c61", "#bc3754",
    "#d24644", "#e45a31", "#f1731d", "#f98e09", "#fcac11", "#f9cb35", "#f2ea69", "#fcffa4",
};
const char *const kTurbo[] = {
    "#30123b", "#392a73", "#4040a2", "#4456c7", "#466be3", "#4680f6", "#4294ff", "#37a8fa", "#28bceb",
    "#1ccdd8", "#18ddc2", "#1fe9af", "#32f298", "#4ef97d", "#6dfe62", "#8bff4b", "#a4fc3c", "#b9f635",
    "#cdec34", "#dfdf37", "#eecf3a", "#f8be39", "#fdac34", "#fe962b", "#fb7e21", "#f46617", "#eb500e",
    "#df3f08", "#d02f05", "#be2102", "#a91601", "#920b01", "#7a0403",
};
const char *const kTwilight[] = {
    "#e2d9e2", "#d7d7dd", "#c4ced4", "#acc2cc", "#95b5c7", "#81a6c3", "#7297c1", "#6887be", "#6276ba",
    "#5f64b5", "#5e51ad", "#5d3da1", "#592a8f", "#511b77", "#45135c", "#381145", "#2f1436", "#3a113a",
    "#4a1342", "#5f174a", "#741e4f", "#872750", "#983550", "#a64550", "#b25652", "#bb6958", "#c27c63",
    "#c89073", "#cca389", "#d1b6a3", "#d8c7be", "#dfd4d6", "#e2d9e2",
};
const char *const kCoolwarm[] = {
    "#3b4cc0", "#4e68d8", "#6282ea", "#779af7", "#8db0fe", "#a3c2fe", "#b9d0f9", "#ccd9ed", "#dddcdc",
    "#ecd3c5", "#f5c4ac", "#f7b093", "#f4987a", "#eb7d62", "#dd5f4b", "#ca3b37", "#b40426",
};

template <std::size_t N> QList<QColor> stopList(const char *const (&stops)[N])
{
    QList<QColor> out;
    out.reserve(qsizetype(N));
    for (const char *s : stops)
        out << QColor(QLatin1String(s));
    return out;
}

} // namespace

QList<QColor> colorMapStops(const QString &name)
{
    static const std::pair<const char *, QList<QColor>> kMaps[] = {
        {"viridis", stopList(kViridis)},   {"magma", stopList(kMagma)},       {"cividis", stopList(kCividis)},
        {"plasma", stopList(kPlasma)},     {"inferno", stopList(kInferno)},   {"turbo", stopList(kTurbo)},
        {"twilight", stopList(kTwilight)}, {"coolwarm", stopList(kCoolwarm)},
    };
    for (const auto &[mapName, stops] : kMaps) {
        if (name == QLatin1String(mapName)) return stops;
    }
    return {};
}

} // namespace zs
