#include "ConventionsModel.h"

#include <QColor>
#include <QCoreApplication>
#include <QStandardItemModel>

namespace zs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConventionsModel", text);
}

QStandardItem *section(QStandardItemModel *model, const QString &title)
{
    auto *item = new QStandardItem(title);
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    item->setEditable(false);
    model->appendRow({item, new QStandardItem});
    return item;
}

// Returns the "why" item.
QStandardItem *row(QStandardItem *parent, const QString &what, const QString &why)
{
    auto *whatItem = new QStandardItem(what);
    auto *whyItem = new QStandardItem(why);
    whyItem->setToolTip(why); // reasons can be long: the whole text on hover
    whatItem->setEditable(false);
    whyItem->setEditable(false);
    parent->appendRow({whatItem, whyItem});
    return whyItem;
}

// A section with nothing in it still says so: an empty "Refused" is news too.
void endSection(QStandardItem *item)
{
    if (item->rowCount() == 0) {
        auto *none = new QStandardItem(tr("none"));
        none->setForeground(QColor(Qt::gray));
        none->setEditable(false);
        item->appendRow({none, new QStandardItem});
    }
}

QString coordinateText(const cf::Coordinate &c)
{
    QStringList parts{QStringLiteral("/") + c.path};
    if (!c.units.isEmpty()) parts << c.units;
    if (!c.calendar.isEmpty()) parts << tr("calendar %1").arg(c.calendar);
    if (!c.standardName.isEmpty()) parts << c.standardName;
    return parts.join(QStringLiteral(", "));
}

} // namespace

void fillConventionsModel(QStandardItemModel *model, const cf::Conventions &c)
{
    model->removeRows(0, model->rowCount());
    QStandardItem *variable = section(model, tr("Variable"));
    if (!c.longName.isEmpty()) row(variable, QStringLiteral("long_name"), c.longName);
    if (!c.standardName.isEmpty()) row(variable, QStringLiteral("standard_name"), c.standardName);
    if (!c.units.isEmpty()) row(variable, QStringLiteral("units"), c.units);
    if (c.values.decodedType) row(variable, tr("decoded type"), c.values.decodedType->numpyTypeString());
    endSection(variable);

    QStandardItem *dimensions = section(model, tr("Dimensions"));
    for (std::size_t i = 0; i < c.dimensions.size(); ++i) {
        const cf::Dimension &d = c.dimensions[i];
        const QString name = d.name.isEmpty() ? tr("(unnamed %1)").arg(i) : d.name;
        row(dimensions, QStringLiteral("%1 (%2)").arg(name).arg(d.size),
            d.coordinate ? coordinateText(*d.coordinate) : tr("no coordinate: index positions"));
    }
    for (const cf::Coordinate &aux : c.auxiliaryCoordinates)
        row(dimensions, tr("auxiliary %1 (%2)").arg(aux.name, aux.dimensions.join(QStringLiteral(", "))),
            coordinateText(aux));
    endSection(dimensions);

    QStandardItem *applied = section(model, tr("Applied"));
    for (const cf::Decision &d : c.applied)
        row(applied, d.what, d.why);
    endSection(applied);

    QStandardItem *refused = section(model, tr("Refused"));
    for (const cf::Decision &d : c.refused) // left as stored: shown in the colour of errors
        row(refused, d.what, d.why)->setForeground(QColor(Qt::darkRed));
    endSection(refused);
}

} // namespace zs
