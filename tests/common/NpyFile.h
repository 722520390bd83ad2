#pragma once
// Reads a NumPy .npy file (versions 1-3, C order) written by NumPy or by zarrscope,
// so tests compare against arrays the real zarr-python or zarrita produced.

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace zstest {

struct NpyFile
{
    QString descr; // e.g. "<f4"
    bool fortranOrder = false;
    std::vector<std::uint64_t> shape;
    QByteArray data;
};

std::optional<NpyFile> readNpy(const QString &path, QString *error = nullptr);
std::optional<NpyFile> parseNpy(const QByteArray &bytes, QString *error = nullptr);

} // namespace zstest
