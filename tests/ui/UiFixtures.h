#pragma once
// Stores for the UI tests, written at test time by Debian's zarr-python (ZS_DEBIAN_PYTHON).

#include "hierarchy/Hierarchy.h"
#include "hierarchy/HierarchyEntry.h"

#include <QDir>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

namespace zs::test {

// The node at `path` in `store`, or an empty one (the reason as a warning) for the test to fail on.
inline NodeMetadata nodeAt(Store &store, const QString &path)
{
    auto n = loadNode(store, path);
    if (!n) qWarning() << n.error().toString();
    return n ? *n : NodeMetadata{};
}

// The node at `path` among those a discovery found, or an empty one (with a warning) for the test to fail on.
inline NodeMetadata discoveredNode(const HierarchyEntries &entries, const QString &path)
{
    for (const auto &e : entries)
        if (e.path == path && e.node) return *e.node;
    qWarning() << "no node" << path;
    return {};
}

// Runs a Python snippet in `dir` (zarr and numpy imported as zarr, np); false with a warning on failure.
inline bool runZarrPython(const QString &dir, const QString &body)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(ZS_DEBIAN_PYTHON),
            {QStringLiteral("-c"), QStringLiteral("import zarr, numpy as np\n") + body});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning().noquote() << "python failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

// The tree the hierarchy tests browse: nested groups, arrays of several kinds, one broken array.
inline const char *kTreeStore = R"PY(
root = zarr.open_group('tree.zarr', mode='w')
root.attrs['title'] = 'ui test'
g = root.create_group('climate')
t = g.create_dataset('temperature', data=np.arange(2*6*8, dtype='f4').reshape(2, 6, 8), chunks=(1, 4, 4))
t.attrs['_ARRAY_DIMENSIONS'] = ['time', 'lat', 'lon']
t.attrs['units'] = 'K'
g.create_group('empty')
s = root.create_group('signals')
s.create_dataset('series', data=np.where(np.arange(20) == 7, np.nan, np.arange(20.0)), chunks=(6,))
s.create_dataset('be', data=np.arange(12, dtype='>i4').reshape(3, 4), chunks=(2, 2))
import os
os.makedirs('tree.zarr/signals/broken')
open('tree.zarr/signals/broken/.zarray', 'w').write('{"zarr_format": 2, "shape": [4')
)PY";

// A node zarr-python writes and we do not read (an LZMA compressor): its document still says what it is.
inline const char *kUnsupportedStore = R"PY(
import numcodecs
root = zarr.open_group('unsupported.zarr', mode='w')
root.create_dataset('packed', data=np.arange(16, dtype='<i2'), chunks=(4,), compressor=numcodecs.LZMA())
root.create_dataset('plain', data=np.arange(3, dtype='<i2'))
)PY";

// An SST analysis as xarray writes one (packed int16 with _FillValue, CF time, lat/lon with units),
// an auxiliary coordinate (cell_area, named by `coordinates`), a flag variable (surface), and two
// arrays the conventions layer must refuse: a coordinate of the wrong length (sub/short
// over lat; sub/anom's lat and lon are the root's) and a calendar nobody knows (sols). Needs python3-xarray
// and python3-pandas.
inline const char *kXarraySstStore = R"PY(
try:
    import xarray as xr, pandas as pd
except ImportError as e:
    raise SystemExit('needs xarray (apt install python3-xarray python3-pandas): %s' % e)
rng = np.random.default_rng(15)
nt, ny, nx = 3, 6, 8
sst = 271.0 + 30.0 * rng.random((nt, ny, nx))
sst[:, :2, :] = np.nan
ds = xr.Dataset(
    {'sst': (('time', 'lat', 'lon'), sst,
             {'units': 'kelvin', 'long_name': 'analysed sea surface temperature',
              'standard_name': 'sea_surface_foundation_temperature'}),
     'surface': (('lat', 'lon'), rng.integers(0, 3, (ny, nx)).astype('u1'),
                 {'flag_values': [0, 1, 2], 'flag_meanings': 'water land ice'})},
    coords={'time': ('time', pd.date_range('2002-06-01', periods=nt, freq='D')),
            'lat': ('lat', np.linspace(-50.0, 50.0, ny), {'units': 'degrees_north', 'axis': 'Y'}),
            'lon': ('lon', np.linspace(-170.0, 170.0, nx), {'units': 'degrees_east', 'axis': 'X'}),
            'cell_area': (('lat', 'lon'), np.full((ny, nx), 2.5), {'units': 'km2'})})
ds.to_zarr('conv.zarr', mode='w', encoding={
    'sst': {'dtype': 'int16', 'scale_factor': 0.001, 'add_offset': 298.15, '_FillValue': -32768},
    'time': {'units': 'days since 1981-01-01', 'calendar': 'standard'}})
root = zarr.open_group('conv.zarr', mode='a')
short = root.create_group('sub').create_dataset('short', data=np.arange(5.0), chunks=(5,))
short.attrs['_ARRAY_DIMENSIONS'] = ['lat']
anom = root['sub'].create_dataset('anom', data=rng.random((ny, nx)), chunks=(3, 4))
anom.attrs.update({'_ARRAY_DIMENSIONS': ['lat', 'lon'], 'units': 'K'})
sols = root.create_dataset('sols', data=np.arange(4, dtype='i4'), chunks=(4,))
sols.attrs.update({'_ARRAY_DIMENSIONS': ['sol'], 'units': 'days since 2000-01-01', 'calendar': 'martian'})
zarr.consolidate_metadata('conv.zarr')
)PY";

} // namespace zs::test
