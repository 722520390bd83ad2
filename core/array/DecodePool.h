#pragma once
// Decoding is CPU work: one pool, sized to the cores, shared by every reader.

class QThreadPool;

namespace zs {

QThreadPool *decodePool();

} // namespace zs
