#pragma once
// Memory behaviour for reading many large chunks: avoid handing every freed chunk
// buffer back to the kernel only to fault it in again for the next chunk.

#include <cstddef>

namespace zs {

// Programs call this once at start: keeps chunk-sized buffers (up to 64 MiB) in the
// allocator's free lists instead of mmap/munmap per chunk. Process-wide, so not done by the library.
void tuneAllocatorForChunkBuffers();
// Asks for transparent huge pages on a large buffer not yet touched: one fault per
// 2 MiB instead of per 4 KiB when the result is first written. A hint only.
void adviseHugePages(void *data, std::size_t bytes);

} // namespace zs
