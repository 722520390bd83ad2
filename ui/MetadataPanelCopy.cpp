// The Metadata tab's context menus: copy a fact's cell, the selected rows or every fact (as
// "Property<TAB>Value" lines, which paste into a spreadsheet), and the raw JSON's selection or
// all of it.

#include "MetadataPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <algorithm>

namespace zs {

namespace {

QString rowText(const QTableWidget *table, int row)
{
    const QTableWidgetItem *name = table->item(row, 0), *value = table->item(row, 1);
    return (name ? name->text() : QString()) + u'\t' + (value ? value->text() : QString());
}

QAction *addCopyAction(QWidget *widget, const QString &text, const QKeySequence &keys = {})
{
    auto *action = new QAction(text, widget);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetShortcut);
    widget->addAction(action);
    return action;
}

} // namespace

void MetadataPanel::setUpCopyActions()
{
    m_facts->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_facts->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_facts->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(addCopyAction(m_facts, tr("Copy Cell"), QKeySequence::Copy), &QAction::triggered, this, [this] {
        if (const QTableWidgetItem *item = m_facts->currentItem())
            QApplication::clipboard()->setText(item->text());
    });
    connect(addCopyAction(m_facts, tr("Copy Selection")), &QAction::triggered, this, [this] {
        QList<int> rows; // whole rows, in table order, whichever of their cells are selected
        for (const QModelIndex &index : m_facts->selectionModel()->selectedIndexes()) {
            if (!rows.contains(index.row())) rows << index.row();
        }
        std::sort(rows.begin(), rows.end());
        QStringList lines;
        for (int row : rows)
            lines << rowText(m_facts, row);
        QApplication::clipboard()->setText(lines.join(u'\n'));
    });
    connect(addCopyAction(m_facts, tr("Copy All")), &QAction::triggered, this, [this] {
        QStringList lines;
        for (int row = 0; row < m_facts->rowCount(); ++row)
            lines << rowText(m_facts, row);
        QApplication::clipboard()->setText(lines.join(u'\n'));
    });

    m_raw->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(addCopyAction(m_raw, tr("Copy Selection"), QKeySequence::Copy), &QAction::triggered, m_raw,
            &QPlainTextEdit::copy);
    connect(addCopyAction(m_raw, tr("Copy All")), &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(m_raw->toPlainText()); });
    connect(addCopyAction(m_raw, tr("Select All"), QKeySequence::SelectAll), &QAction::triggered, m_raw,
            &QPlainTextEdit::selectAll);
}

QList<QAction *> MetadataPanel::factsActions() const
{
    return m_facts->actions();
}

QList<QAction *> MetadataPanel::rawActions() const
{
    return m_raw->actions();
}

} // namespace zs
