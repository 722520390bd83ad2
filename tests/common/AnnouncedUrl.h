#pragma once
// Test servers started as child processes say where they listen on stdout (`zarrscope-cli serve`:
// "serving DIR at http://127.0.0.1:PORT/", Azurite: "successfully listens on http://..."). This
// waits for that line: the first capture of `pattern` in what the process printed.

#include <QProcess>
#include <QRegularExpression>
#include <QString>

namespace zstest {

// The URL, or empty when the process ended or `timeoutMs` passed first; `printed` keeps what came
// (for the caller's error message).
QString waitForAnnouncedUrl(QProcess &process, const QRegularExpression &pattern, int timeoutMs,
                            QByteArray *printed);

} // namespace zstest
