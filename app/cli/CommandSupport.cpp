#include "Commands.h"

#include <cstdio>

int reportError(const zs::Error &error)
{
    // One line, whatever the message holds.
    QString line = error.toString();
    line.replace(u'\n', u' ');
    std::fprintf(stderr, "error: %s\n", qPrintable(line));
    return ExitCode::DataError;
}

int reportUsage(const QString &message)
{
    std::fprintf(stderr, "zarrscope-cli: %s\n%s", qPrintable(message), qPrintable(usageText()));
    return ExitCode::Usage;
}

void printOut(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, utf8.size(), stdout);
    std::fflush(stdout);
}
