#pragma once
// An ordered codec pipeline for one array: array->array codecs, one array->bytes codec,
// then bytes->bytes codecs. Decoding runs it backwards, tracking the exact size every
// stage must produce so no decoder allocates more than the chunk needs.

#include "codec/Codec.h"

namespace zs {

class CodecChain
{
public:
    CodecChain() = default;
    CodecChain(std::vector<ArrayToArrayPtr> arrayToArray, ArrayToBytesPtr arrayToBytes,
               std::vector<BytesToBytesPtr> bytesToBytes);

    // Decodes one stored chunk into the C-order, in-memory representation of `spec`.
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &spec) const;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &spec) const;

    // [{"name": ..., "configuration": {...}}, ...] in encode order.
    nlohmann::json describe() const;
    bool isValid() const { return m_arrayToBytes != nullptr; }
    const ArrayToBytesCodec *arrayToBytes() const { return m_arrayToBytes.get(); }
    const std::vector<ArrayToArrayPtr> &arrayToArray() const { return m_arrayToArray; }
    const std::vector<BytesToBytesPtr> &bytesToBytes() const { return m_bytesToBytes; }

private:
    std::vector<ArrayToArrayPtr> m_arrayToArray;
    ArrayToBytesPtr m_arrayToBytes;
    std::vector<BytesToBytesPtr> m_bytesToBytes;
};

} // namespace zs
