#include "ExampleStores.h"

#include <QCoreApplication>

namespace zs {

QList<ExampleStore> publicExampleStores()
{
    auto tr = [](const char *text) { return QCoreApplication::translate("ExampleStores", text); };
    return {
        {tr("MUR sea surface temperature, daily 0.01° (NASA JPL, AWS S3, Zarr v2)"),
         QStringLiteral("https://mur-sst.s3.us-west-2.amazonaws.com/zarr")},
        {tr("OME-NGFF 0.4 microscopy image with multiscales (IDR, EBI S3)"),
         QStringLiteral("https://uk1s3.embassy.ebi.ac.uk/idr/zarr/v0.4/idr0062A/6001240.zarr")},
        {tr("GPCP daily precipitation, 1° (Pangeo Forge, Open Storage Network)"),
         QStringLiteral("https://ncsa.osn.xsede.org/Pangeo/pangeo-forge/gpcp-feedstock/gpcp.zarr")},
        {tr("ARCO ERA5 reanalysis, hourly 0.25°, 37 levels (Google Cloud Storage, large)"),
         QStringLiteral("gs://gcp-public-data-arco-era5/ar/full_37-1h-0p25deg-chunk-1.zarr-v3")},
    };
}

} // namespace zs
