#pragma once
// qcustomplot.h uses the `signals`/`slots`/`foreach` keywords, but zarrscope-core builds with
// QT_NO_KEYWORDS (public), so every UI file includes QCustomPlot through here.

#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
#else
#include <qcustomplot.h>
#endif
