# Precompiled headers. Parsing dominates this project's compile time: a typical core file spends
# about two thirds of its compile in nlohmann/json.hpp and Qt's QFuture/QObject headers, and most
# test programs parse <QtTest> for seconds before their own code. Each big library precompiles the
# headers most of its files include; the test programs share two precompiled headers (one without
# Widgets, one with, since <QtTest> changes with QT_WIDGETS_LIB). A configure with
# -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON (scripts/lint.sh) compiles every file on its own includes,
# so a missing #include still shows up there.

set(ZS_PCH_CORE
    <nlohmann/json.hpp>
    <QByteArray>
    <QFuture>
    <QHash>
    <QMutex>
    <QObject>
    <QString>
    <QStringList>
    <QThreadPool>
    <algorithm>
    <cmath>
    <cstdint>
    <cstring>
    <functional>
    <memory>
    <optional>
    <string>
    <vector>)

set(ZS_PCH_WIDGETS
    ${ZS_PCH_CORE}
    <QComboBox>
    <QHBoxLayout>
    <QLabel>
    <QLineEdit>
    <QPushButton>
    <QVBoxLayout>
    <QWidget>
    "${PROJECT_SOURCE_DIR}/ui/QCustomPlotInclude.h")

set(ZS_PCH_TEST ${ZS_PCH_CORE} <QProcess> <QTemporaryDir> <QtTest>)
set(ZS_PCH_TEST_WIDGETS ${ZS_PCH_WIDGETS} <QProcess> <QTemporaryDir> <QtTest>)

# zs_precompile(TARGET LIST): TARGET precompiles the headers of the list variable LIST.
function(zs_precompile target list)
  target_precompile_headers(${target} PRIVATE ${${list}})
endfunction()

# zs_share_test_pch(): called (deferred, by zs_add_qt_test) at the end of a test directory. Its
# test programs share one precompiled header per Widgets use. Per directory, because Qt6::Test
# defines QT_TESTCASE_BUILDDIR as the target's build directory and <QtTest> reads it, so a header
# precompiled in one directory cannot serve another. A lone program precompiles nothing: building
# the header would cost what it saves.
function(zs_share_test_pch)
  get_directory_property(tests ZS_QT_TESTS)
  set(plain "")
  set(widgets "")
  foreach(target IN LISTS tests)
    get_target_property(libs ${target} LINK_LIBRARIES)
    if("zarrscope-ui" IN_LIST libs)
      list(APPEND widgets ${target})
    else()
      list(APPEND plain ${target})
    endif()
  endforeach()
  file(RELATIVE_PATH dir ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  string(MAKE_C_IDENTIFIER "${dir}" dir)
  zs_share_pch_group(zs-pch-${dir} ZS_PCH_TEST "zarrscope-core;zs-test-common;Qt6::Test" ${plain})
  zs_share_pch_group(zs-pch-${dir}-widgets ZS_PCH_TEST_WIDGETS "zarrscope-ui;zs-test-common;Qt6::Test" ${widgets})
endfunction()

# zs_share_pch_group(OWNER LIST LIBS TARGET...): a program OWNER, built with LIBS as the test
# programs are, precompiles the headers of LIST for the TARGETs to reuse.
function(zs_share_pch_group owner list libs)
  list(LENGTH ARGN count)
  if(count LESS 2)
    return()
  endif()
  add_executable(${owner} EXCLUDE_FROM_ALL ${PROJECT_SOURCE_DIR}/tests/common/PrecompiledHeader.cpp)
  target_link_libraries(${owner} PRIVATE ${libs})
  zs_precompile(${owner} ${list})
  foreach(target IN LISTS ARGN)
    target_precompile_headers(${target} REUSE_FROM ${owner})
  endforeach()
endfunction()
