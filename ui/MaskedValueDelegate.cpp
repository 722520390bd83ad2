#include "MaskedValueDelegate.h"

#include <QLineEdit>

namespace zs {

QString MaskedValueDelegate::displayText(const QVariant &value, const QLocale & /*locale*/) const
{
    // As many bullets as characters would tell a token's length; a fixed run tells only "set".
    return value.toString().isEmpty() ? QString() : QString(8, QChar(0x2022));
}

QWidget *MaskedValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem & /*option*/,
                                           const QModelIndex & /*index*/) const
{
    auto *editor = new QLineEdit(parent);
    editor->setEchoMode(QLineEdit::Password);
    editor->setToolTip(tr("The header's value (a token or key): kept in the system keychain"));
    return editor;
}

} // namespace zs
