#pragma once
// How the variable-length elements of a read result are shown and written: `get` writes
// them as NumPy fixed-width arrays (<U{n} for strings, |S{n} for bytes, n the longest item
// of the selection and at least 1), the browser as text. json2 items read as their string
// values when every item of the result is a string, else each as its JSON text (<U{n}).

#include "array/NdArray.h"

namespace zs {

class VarLengthValues
{
public:
    // `array` must outlive this object and hold a variable-length dtype.
    explicit VarLengthValues(const NdArray &array);

    // The fixed-width NumPy type: "<U{n}" (n code points) or "|S{n}" (n bytes).
    DataType fixedType() const { return m_fixed; }
    // Element `i` in that form: UTF-8 text for <U (strings, json2), raw bytes for |S.
    QByteArray value(std::uint64_t i) const;
    // Element `i` for people: text as is, bytes with non-printable ones as \xNN escapes.
    QString text(std::uint64_t i) const;
    bool jsonItemsAreStrings() const { return m_jsonStrings; }

private:
    const NdArray &m_array;
    bool m_jsonStrings = false;
    DataType m_fixed;
};

// Python's bytes repr without the b'' quotes: printable ASCII as is, the rest escaped.
QString escapedBytes(QByteArrayView bytes);

} // namespace zs
