#pragma once
// File reads and writes are I/O, not CPU work: one pool for the process, sized once, shared by
// every local store and the export writer, apart from the decode pool so a slow disk never
// holds a core's worth of decoding back.

class QThreadPool;

namespace zs {

QThreadPool *fileIoPool();

} // namespace zs
