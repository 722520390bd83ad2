#pragma once
// One clock for request timings taken on different threads and by different objects (the HTTP
// scheduler stamps its exchanges, MeasuredStore its calls, a bench pass its chunks): ns of the
// steady clock, which QElapsedTimer also reads on Linux. Differences are what carry meaning.

#include <QtGlobal>
#include <chrono>

namespace zs {

inline qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace zs
