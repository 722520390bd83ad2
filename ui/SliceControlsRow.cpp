// SliceControls' top row taking widgets the view adds (the Plot / Table switch), apart from
// SliceControls.cpp so each addition stays a line of its own.

#include "SliceControls.h"

#include <QBoxLayout>

namespace zs {

void SliceControls::addToControlRow(QWidget *widget)
{
    // The constructor's first layout item is the top row; its last item is the stretch.
    auto *row = qobject_cast<QBoxLayout *>(layout()->itemAt(0)->layout());
    if (!row) return;
    row->insertWidget(row->count() - 1, widget);
}

} // namespace zs
