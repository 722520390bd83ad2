#pragma once
// Shows a table cell's text as bullets and edits it in a password field: the Connection
// settings' header values are tokens and API keys, not for someone looking over a shoulder.

#include <QStyledItemDelegate>

namespace zs {

class MaskedValueDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant &value, const QLocale &locale) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
};

} // namespace zs
