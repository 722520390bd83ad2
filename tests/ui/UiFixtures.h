#pragma once
// Stores for the UI tests, written at test time by Debian's zarr-python (ZS_DEBIAN_PYTHON).

#include <QDir>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

namespace zs::test {

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

} // namespace zs::test
