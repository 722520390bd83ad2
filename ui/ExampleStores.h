#pragma once
// Public Zarr stores a newcomer can open from the welcome page without knowing a URL: the seed's
// MUR sea surface temperature on S3, an OME-NGFF image from the IDR, a Pangeo Forge dataset and
// ERA5 on Google Cloud. They need the internet; offline they fail as any unreachable store does.

#include <QList>
#include <QString>

namespace zs {

struct ExampleStore
{
    QString title;    // what it is, in a few words
    QString location; // what openLocation is given
};

QList<ExampleStore> publicExampleStores();

} // namespace zs
