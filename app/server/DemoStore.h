#pragma once
// The bundled demo store (resources/demo/make_demo_store.py, written at build time) and the
// settings `zarrscope --demo` and `zarrscope-cli demo` share, so the two show the same thing.

#include <QString>

namespace zs::server {

// $ZARRSCOPE_DEMO_STORE if set, else <program dir>/../share/zarrscope/demo.zarr, which is where
// the build tree (build/bin, build/share) and an installed prefix (bin, share) both keep it.
// Empty when there is none.
QString demoStorePath();

constexpr int kDemoLatencyMs = 20;                   // a nearby cloud region's round trip
constexpr const char *kDemoTimingArray = "sst/time"; // 1289 chunks of 5 values: the seed's case
constexpr const char *kDemoViewArray = "sst/sst";    // what the browser shows first

} // namespace zs::server
