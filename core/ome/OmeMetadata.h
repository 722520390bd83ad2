#pragma once
// OME-Zarr (OME-NGFF 0.1-0.5) metadata of one group, as plain data: multiscale images, their
// omero rendering settings, labels, plates and wells. Parsed from the group's attributes by
// OmeParse.h, checked against the level arrays by OmeImage.h. Values are kept as written (a
// colour stays "RRGGBB", a missing translation stays missing) so the CLI can print them back.

#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace zs::ome {

struct Axis
{
    QString name;
    QString type; // "space", "time", "channel", a custom type, or "" when not given
    QString unit; // "" when not given

    bool isSpace() const { return type == QLatin1String("space"); }
};

// One scale, then at most one translation, as a dataset or a multiscale entry lists them.
struct Transform
{
    std::vector<double> scale;
    std::optional<std::vector<double>> translation;

    // Where index 0 of `axis` lies physically: its translation, 0 without one.
    double offset(int axis) const { return translation ? (*translation)[std::size_t(axis)] : 0.0; }
};

struct Level
{
    QString path; // relative to the image group
    Transform transform;
};

struct Multiscale
{
    QString name;
    QString type; // the downsampling method, "" when not given
    std::vector<Axis> axes;
    std::vector<Level> levels;          // the highest resolution first
    std::optional<Transform> transform; // applies to every level, after its own
};

struct ChannelWindow
{
    double start = 0;
    double end = 0;
    std::optional<double> min;
    std::optional<double> max;
};

struct Channel
{
    QString label; // "" when not given
    QString color; // "RRGGBB" as written, "" when not given
    std::optional<ChannelWindow> window;
    bool active = true;
    bool inverted = false;
};

struct Omero
{
    std::vector<Channel> channels;
    std::optional<std::int64_t> defaultZ;
    std::optional<std::int64_t> defaultT;
    QString model; // "color" or "greyscale", "" when not given
};

struct LabelColor
{
    std::int64_t value = 0;
    std::array<int, 4> rgba{0, 0, 0, 255};
};

// The image-label block of a label image.
struct ImageLabel
{
    std::vector<LabelColor> colors;
    QString sourceImage; // relative path to the image it labels ("../../"), "" when not given
};

struct PlateWell
{
    QString path; // "A/1"
    int row = 0;  // indices into Plate::rows and Plate::columns
    int column = 0;
};

struct Acquisition
{
    std::int64_t id = 0;
    QString name;
    std::optional<std::int64_t> maximumFieldCount;
};

struct Plate
{
    QString name;
    QStringList rows;
    QStringList columns;
    std::vector<PlateWell> wells;
    std::vector<Acquisition> acquisitions;
    std::optional<std::int64_t> fieldCount;
};

struct WellImage
{
    QString path;
    std::optional<std::int64_t> acquisition;
};

struct Well
{
    std::vector<WellImage> images;
};

// What the OME metadata of one group says. A group can be an image (multiscales, maybe with
// omero and image-label), the "labels" group, a plate or a well.
struct OmeGroup
{
    enum class Kind
    {
        Multiscales,
        Labels,
        Plate,
        Well
    };
    Kind kind = Kind::Multiscales;
    QString version; // "0.4", "0.5", ...

    std::vector<Multiscale> multiscales; // Kind::Multiscales: at least one
    std::optional<Omero> omero;
    std::optional<ImageLabel> imageLabel; // a label image
    QStringList labels;                   // Kind::Labels: the label images' paths
    std::optional<Plate> plate;
    std::optional<Well> well;
};

QString kindName(OmeGroup::Kind kind); // "multiscales", "labels", "plate", "well"

} // namespace zs::ome
