// `plate` (rows, columns, wells by row and column, acquisitions, field count) and `well`
// (its field images, each with its acquisition).

#include "ome/OmeFields.h"
#include "ome/OmeParts.h"

namespace zs::ome {

using nlohmann::json;

namespace {

Result<QStringList> names(const Fields &plate, const char *name)
{
    ZS_TRY(const json *list, plate.list(name, true));
    QStringList out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        ZS_TRY(const Fields item, objectAt((*list)[i], Fields::itemPath(plate.pathOf(name), i)));
        ZS_TRY(QString n, item.text("name"));
        if (n.isEmpty() || out.contains(n))
            return item.error(
                n.isEmpty() ? QStringLiteral("is empty") : QStringLiteral("\"%1\" twice").arg(n), "name");
        out << n;
    }
    return out;
}

// rowIndex/columnIndex since 0.4; before, the path "A/1" alone says where the well is.
Result<PlateWell> parseWellRef(const json &v, const QString &where, const Plate &plate)
{
    ZS_TRY(const Fields f, objectAt(v, where));
    PlateWell well;
    ZS_TRY(well.path, f.text("path"));
    const QStringList parts = well.path.split(u'/');
    if (parts.size() != 2) return f.error(QStringLiteral("\"%1\" is not ROW/COLUMN").arg(well.path), "path");
    ZS_TRY(const std::optional<std::int64_t> row, f.optionalInteger("rowIndex"));
    ZS_TRY(const std::optional<std::int64_t> column, f.optionalInteger("columnIndex"));
    well.row = int(row.value_or(plate.rows.indexOf(parts[0])));
    well.column = int(column.value_or(plate.columns.indexOf(parts[1])));
    if (well.row < 0 || well.row >= plate.rows.size() || plate.rows[well.row] != parts[0])
        return f.error(QStringLiteral("row \"%1\" is not the plate's row %2").arg(parts[0]).arg(well.row),
                       row ? "rowIndex" : "path");
    if (well.column < 0 || well.column >= plate.columns.size() || plate.columns[well.column] != parts[1])
        return f.error(
            QStringLiteral("column \"%1\" is not the plate's column %2").arg(parts[1]).arg(well.column),
            column ? "columnIndex" : "path");
    return well;
}

} // namespace

Result<Plate> parsePlate(const json &block, const QString &where)
{
    ZS_TRY(const Fields f, objectAt(block, where));
    Plate plate;
    ZS_TRY(plate.name, f.optionalText("name"));
    ZS_TRY(plate.rows, names(f, "rows"));
    ZS_TRY(plate.columns, names(f, "columns"));
    ZS_TRY(const json *wells, f.list("wells", true));
    for (std::size_t i = 0; i < wells->size(); ++i) {
        ZS_TRY(PlateWell w, parseWellRef((*wells)[i], Fields::itemPath(f.pathOf("wells"), i), plate));
        plate.wells.push_back(std::move(w));
    }
    if (f.has("acquisitions")) {
        ZS_TRY(const json *list, f.list("acquisitions"));
        for (std::size_t i = 0; i < list->size(); ++i) {
            ZS_TRY(const Fields a, objectAt((*list)[i], Fields::itemPath(f.pathOf("acquisitions"), i)));
            ZS_TRY(const std::optional<std::int64_t> id, a.optionalInteger("id"));
            if (!id) return a.error(QStringLiteral("missing"), "id");
            Acquisition acquisition{*id, {}, {}};
            ZS_TRY(acquisition.name, a.optionalText("name"));
            ZS_TRY(acquisition.maximumFieldCount, a.optionalInteger("maximumfieldcount"));
            plate.acquisitions.push_back(std::move(acquisition));
        }
    }
    ZS_TRY(plate.fieldCount, f.optionalInteger("field_count"));
    return plate;
}

Result<Well> parseWell(const json &block, const QString &where)
{
    ZS_TRY(const Fields f, objectAt(block, where));
    Well well;
    ZS_TRY(const json *images, f.list("images", true));
    for (std::size_t i = 0; i < images->size(); ++i) {
        ZS_TRY(const Fields image, objectAt((*images)[i], Fields::itemPath(f.pathOf("images"), i)));
        WellImage w;
        ZS_TRY(w.path, image.text("path"));
        if (w.path.isEmpty()) return image.error(QStringLiteral("is empty"), "path");
        ZS_TRY(w.acquisition, image.optionalInteger("acquisition"));
        well.images.push_back(std::move(w));
    }
    return well;
}

} // namespace zs::ome
