// The hierarchy tree's side of MainWindow, apart from MainWindow.cpp: the panel with its filter
// and discovery banner, following the current node, and the tree's context menu.

#include "HierarchyModel.h"
#include "MainWindow.h"
#include "MetadataPanel.h"
#include "SliceView.h"
#include "ome/OmePage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <functional>

namespace zs {

QWidget *MainWindow::buildTreePanel()
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true); // a match deep down keeps its ancestors visible
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(HierarchyModel::NameColumn);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_filter->setPlaceholderText(tr("Filter nodes by name"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::setFilterText);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentChanged);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &MainWindow::showTreeMenu);

    // Shown instead of an empty tree when discovery fails, with a way to open an array directly.
    auto *bannerLayout = new QVBoxLayout(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerText->setStyleSheet(QStringLiteral("color: #a00"));
    auto *row = new QHBoxLayout(m_openArrayRow);
    row->setContentsMargins(0, 0, 0, 0);
    m_arrayPath->setPlaceholderText(tr("array path in the store, e.g. data/temperature"));
    auto *open = new QPushButton(tr("Open array"));
    row->addWidget(m_arrayPath);
    row->addWidget(open);
    // A store that refused for want of credentials: its settings one click away.
    auto *settings = new QPushButton(tr("Connection settings…"));
    settings->setToolTip(tr("Give the store credentials (AWS profile, headers, …) and open it again"));
    connect(settings, &QPushButton::clicked, this, [this] { openConnectionSettings(m_location); });
    m_bannerSettings = settings;
    m_bannerSettings->hide();
    bannerLayout->addWidget(m_bannerText);
    bannerLayout->addWidget(m_bannerSettings, 0, Qt::AlignLeft);
    bannerLayout->addWidget(m_openArrayRow);
    connect(open, &QPushButton::clicked, this, [this] { openArrayPath(m_arrayPath->text().trimmed()); });
    connect(m_arrayPath, &QLineEdit::returnPressed, this,
            [this] { openArrayPath(m_arrayPath->text().trimmed()); });
    m_banner->hide();

    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_banner);
    layout->addWidget(m_tree, 1);
    return panel;
}

QStringList MainWindow::expandedPaths() const
{
    QStringList paths;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_proxy->rowCount(parent); ++r) {
            const QModelIndex child = m_proxy->index(r, 0, parent);
            if (!m_tree->isExpanded(child)) continue;
            paths << child.data(HierarchyModel::PathRole).toString();
            walk(child);
        }
    };
    walk({});
    return paths;
}

// Filtering removes and re-inserts rows, and a view whose current row goes moves it to a
// neighbour: the selection model's signals are held so that never reads another array. The
// node shown stays current while the filter shows it, and the expansion from before filtering
// comes back when the filter is cleared.
void MainWindow::setFilterText(const QString &text)
{
    if (m_filter->text() != text) return m_filter->setText(text); // its textChanged calls back
    if (m_proxy->filterRegularExpression().pattern().isEmpty() && !text.isEmpty())
        m_expandedBeforeFilter = expandedPaths();
    {
        const QSignalBlocker hold(m_tree->selectionModel());
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty()) {
            m_tree->expandAll();
        } else {
            m_tree->collapseAll(); // expandAll opened what the user had closed
            for (const QString &path : std::as_const(m_expandedBeforeFilter))
                m_tree->expand(m_proxy->mapFromSource(m_model->indexForPath(path)));
            m_expandedBeforeFilter.clear();
        }
        const QModelIndex current = m_proxy->mapFromSource(m_model->indexForPath(m_currentPath));
        if (current.isValid() && m_currentShown) {
            for (QModelIndex up = current.parent(); up.isValid(); up = up.parent())
                m_tree->expand(up);
            m_tree->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
        } else {
            m_tree->selectionModel()->clear();
        }
    }
    m_tree->viewport()->update();
    if (m_tree->currentIndex().isValid()) m_tree->scrollTo(m_tree->currentIndex());
}

QString MainWindow::currentPath() const
{
    return m_currentShown ? m_currentPath : QString();
}

void MainWindow::selectPath(const QString &path)
{
    const QModelIndex source = m_model->indexForPath(path);
    if (!source.isValid()) return;
    const QModelIndex index = m_proxy->mapFromSource(source);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void MainWindow::onCurrentChanged(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_proxy->mapToSource(proxyIndex);
    if (!index.isValid()) {
        // The tree was cleared (a new store): nothing of the old one stays on show.
        m_currentPath.clear();
        m_currentShown = false;
        m_metadata->clear();
        m_slice->clear();
        m_ome->clear();
        return;
    }
    m_currentPath = index.data(HierarchyModel::PathRole).toString();
    m_currentShown = true;
    const QString error = index.data(HierarchyModel::ErrorRole).toString();
    const QString path = index.data(HierarchyModel::PathRole).toString();
    if (!error.isEmpty()) {
        m_metadata->showError(*m_model->entry(index));
        m_slice->clear(tr("This node could not be loaded: %1").arg(error));
        return;
    }
    const NodeMetadata *node = m_model->node(index);
    if (!node) {
        m_metadata->clear();
        m_slice->clear(
            tr("“%1” has no metadata of its own (a directory on the way to other nodes).").arg(path));
        return;
    }
    // Coordinates come from the tree already discovered: no request, and during discovery what is
    // there so far (the Conventions section says which coordinate it found, or that it found none).
    const cf::NodeLookup lookup = [this](const QString &p) -> std::optional<HierarchyEntry> {
        const HierarchyEntry *e = m_model->entry(m_model->indexForPath(p));
        if (e && (e->node || e->failed())) return *e;
        return std::nullopt;
    };
    m_metadata->showNode(*node, m_store, lookup);
    const bool ome = m_ome->showNode(m_store, m_cache, *node);
    if (node->isArray()) {
        m_slice->setArray(m_store, *node, m_cache, discoveredLookup());
    } else if (ome) {
        m_slice->clear(
            tr("“%1” is OME-Zarr: the Image tab shows it.").arg(path.isEmpty() ? QStringLiteral("/") : path));
        if (m_tabs->currentWidget() == m_slice) m_tabs->setCurrentWidget(m_ome);
    } else {
        m_slice->clear(tr("“%1” is a group: choose an array to see its data.")
                           .arg(path.isEmpty() ? QStringLiteral("/") : path));
    }
}

// Coordinate variables are found among the nodes discovery already loaded: no I/O.
cf::NodeLookup MainWindow::discoveredLookup() const
{
    return [model = QPointer<HierarchyModel>(m_model)](const QString &path) -> std::optional<HierarchyEntry> {
        if (!model) return std::nullopt;
        const HierarchyEntry *entry = model->entry(model->indexForPath(path));
        if (!entry || (!entry->node && !entry->failed())) return std::nullopt;
        return *entry;
    };
}

void MainWindow::showTreeMenu(const QPoint &pos)
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->indexAt(pos));
    if (!index.isValid() || !m_store) return;
    const QString path = index.data(HierarchyModel::PathRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Export “%1”…").arg(path.isEmpty() ? QStringLiteral("/") : path), this,
                   [this, path] { openExportDialog(path); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}
} // namespace zs
