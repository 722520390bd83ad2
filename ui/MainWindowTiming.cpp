// The Timing tab's wiring, apart from MainWindow.cpp: it follows the tree's current array and
// the data view's selection, forgets kept results when a store is opened, and opens the export
// dialog for "Export with this chunking".

#include "ExportDialog.h"
#include "HierarchyModel.h"
#include "MainWindow.h"
#include "SliceView.h"
#include "timing/AdvisorView.h"
#include "timing/TimingPanel.h"

#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTreeView>

namespace zs {

// Called once the tree has its model (the selection model exists only then).
void MainWindow::wireTiming()
{
    m_timing = new TimingPanel;
    m_tabs->addTab(m_timing, tr("Timing"));
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const NodeMetadata *node = m_model->node(m_proxy->mapToSource(current));
                if (!node || !node->isArray()) return;
                m_timing->setArray(m_location, *node);
                m_timing->setViewSelection(
                    m_slice->shownSelection()); // the view may have started reading already
            });
    // Each array's last run is kept while its store is open; a store opened (or the same one
    // again) starts with none.
    connect(m_model, &QAbstractItemModel::modelReset, m_timing, &TimingPanel::forgetResults);
    connect(m_slice, &SliceView::readStarted, this,
            [this] { m_timing->setViewSelection(m_slice->shownSelection()); });
    // "Export with this chunking": the export dialog for that array, the suggestion filled in.
    connect(m_timing, &TimingPanel::exportRequested, this, [this](const QString &path, const Shape &chunks) {
        if (ExportDialog *dialog = openExportDialog(path)) dialog->presetChunks(chunks);
    });
}

} // namespace zs
