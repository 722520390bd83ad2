# Zarr v3 conformance: fixtures written at test time by make_v3_fixtures.py (numpy + numcodecs,
# run with Debian's /usr/bin/python3), read by the core and cross-checked with zarrita (tests/js).
zs_add_qt_test(tst_conformance_v3 ${CMAKE_CURRENT_LIST_DIR}/tst_conformance_v3.cpp LABELS integration sanitizer)
target_compile_definitions(tst_conformance_v3 PRIVATE
  ZS_V3_GENERATOR="${CMAKE_CURRENT_LIST_DIR}/make_v3_fixtures.py"
  ZS_JS_DIR="${PROJECT_SOURCE_DIR}/tests/js")
