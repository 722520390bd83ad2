#include "MainWindow.h"

#include "ChunkCacheSetting.h"
#include "ConnectionSettings.h"
#include "ConnectionSettingsStore.h"
#include "ExportDialog.h"
#include "HierarchyLoader.h"
#include "HierarchyModel.h"
#include "MainWindowStorePath.h"
#include "MetadataPanel.h"
#include "ProfileView.h"
#include "ReadStatus.h"
#include "RecentStores.h"
#include "ShortcutList.h"
#include "SliceView.h"
#include "WelcomePage.h"
#include "array/ChunkCache.h"
#include "auth/Redaction.h"
#include "ome/OmePage.h"
#include "store/StoreFactory.h"
#include "timing/TimingPanel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace zs {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_url(new QComboBox), m_filter(new QLineEdit), m_tree(new QTreeView),
      m_banner(new QWidget), m_bannerText(new QLabel), m_arrayPath(new QLineEdit),
      m_openArrayRow(new QWidget), m_splitter(new QSplitter), m_tabs(new QTabWidget),
      m_metadata(new MetadataPanel), m_slice(new SliceView), m_ome(new omeview::OmePage),
      m_status(new ReadStatus), m_model(new HierarchyModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_loader(new HierarchyLoader(this)), m_connections(new ConnectionSettingsStore(this))
{
    setWindowTitle(QStringLiteral("Zarrscope"));
    setAcceptDrops(true);
    resize(1360, 860);

    auto *toolbar = addToolBar(tr("Location"));
    toolbar->setObjectName(QStringLiteral("locationBar")); // for saveState
    toolbar->setMovable(false);
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_url->lineEdit()->setPlaceholderText(
        tr("Store: a folder, file://, http(s)://, s3://bucket/prefix or gs://bucket/prefix"));
    m_url->addItems(RecentStores::list());
    m_url->setCurrentIndex(-1);
    toolbar->addWidget(new QLabel(tr(" Store: ")));
    toolbar->addWidget(m_url);
    auto *go = new QPushButton(tr("Open"));
    toolbar->addWidget(go);
    connect(go, &QPushButton::clicked, this, [this] { openLocation(m_url->currentText()); });
    connect(m_url->lineEdit(), &QLineEdit::returnPressed, this,
            [this] { openLocation(m_url->currentText()); });
    connect(m_url, &QComboBox::activated, this, [this](int i) { openLocation(m_url->itemText(i)); });
    connect(m_url, &QComboBox::editTextChanged, this, &MainWindow::updateConnectionAction);

    m_tabs->addTab(m_slice, tr("Data"));
    m_tabs->addTab(m_metadata, tr("Metadata"));
    m_tabs->addTab(m_ome, tr("Image"));
    connect(m_ome, &omeview::OmePage::fieldChosen, this, &MainWindow::selectPath);
    m_splitter->addWidget(buildTreePanel());
    m_splitter->addWidget(buildPages());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({470, 890});
    setCentralWidget(m_splitter);
    wireTiming();

    statusBar()->addPermanentWidget(m_status);
    connect(m_status, &ReadStatus::cancelRequested, m_slice, &SliceView::cancelRead);
    connect(m_slice, &SliceView::saveViewRequested, this, &MainWindow::saveView); // the plot's menu
    connect(m_slice, &SliceView::readStarted, m_status, &ReadStatus::started);
    connect(m_slice, &SliceView::readProgress, m_status, &ReadStatus::update);
    connect(m_slice, &SliceView::readFinished, this, [this] { m_status->stopped(tr("done")); });
    connect(m_slice, &SliceView::readCancelled, this, [this] { m_status->stopped(tr("cancelled")); });
    connect(m_slice, &SliceView::readFailed, this, [this](const QString &error) {
        m_status->stopped(tr("failed"));
        statusBar()->showMessage(tr("Read failed: %1").arg(error));
    });
    connect(m_loader, &HierarchyLoader::nodesDiscovered, this, &MainWindow::onNodesDiscovered);
    connect(m_loader, &HierarchyLoader::loaded, this, &MainWindow::onLoaded);
    connect(m_loader, &HierarchyLoader::failed, this, &MainWindow::onLoadFailed);
    buildMenus();
    putShortcutsInToolTips(this);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &Folder…"), QKeySequence::Open, this, &MainWindow::openFolder);
    // A zip archive (zarr-python's ZipStore) is a store too; the folder dialog cannot pick files.
    file->addAction(tr("Open &Zip Archive…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
        const QString archive = QFileDialog::getOpenFileName(this, tr("Open a zipped Zarr store"), QString(),
                                                             tr("Zip archives (*.zip);;All files (*)"));
        if (!archive.isEmpty()) openLocation(archive);
    });
    file->addAction(tr("Open &Location"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] {
        m_url->setFocus();
        m_url->lineEdit()->selectAll();
    });
    m_recentMenu = file->addMenu(tr("&Recent Stores"));
    rebuildRecentMenu();
    file->addSeparator();
    m_connectionAction =
        file->addAction(tr("Co&nnection Settings…"), this, [this] { openConnectionSettings(); });
    m_connectionAction->setToolTip(tr("Credentials for the remote store: AWS profile, region, endpoint, "
                                      "anonymous, headers (values kept in the system keychain)"));
    updateConnectionAction();
    file->addSeparator();
    file->addAction(tr("&Save View As…"), QKeySequence::Save, this, &MainWindow::saveView);
    file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
        openExportDialog(
            m_proxy->mapToSource(m_tree->currentIndex()).data(HierarchyModel::PathRole).toString());
    });
    file->addAction(tr("&Reload Store"), QKeySequence(Qt::Key_F5), this, &MainWindow::reload);
    file->addAction(tr("&Cancel Read"), QKeySequence(Qt::Key_Escape), m_slice, &SliceView::cancelRead);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Data"), QKeySequence(Qt::CTRL | Qt::Key_1), this,
                    [this] { m_tabs->setCurrentIndex(0); });
    view->addAction(tr("&Metadata"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                    [this] { m_tabs->setCurrentIndex(1); });
    view->addAction(tr("&Timing"), QKeySequence(Qt::CTRL | Qt::Key_3), this,
                    [this] { m_tabs->setCurrentWidget(m_timing); });
    view->addAction(tr("&Filter Nodes"), QKeySequence::Find, this, [this] { m_filter->setFocus(); });
    buildStatisticsDock(view);
    view->addAction(tr("Chunk &Cache Size…"), this, [this] {
        bool ok = false;
        const int mib = QInputDialog::getInt(this, tr("Chunk Cache Size"),
                                             tr("Decoded chunks kept per open store (MiB, 0 = off):"),
                                             chunkCacheMiBSetting(), 0, 1 << 20, 64, &ok);
        if (!ok) return;
        setChunkCacheMiBSetting(mib);
        if (m_cache) m_cache->setBudget(mibToBytes(mib));
    });
    wireProfile(view);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts…"), QKeySequence::HelpContents, this,
                    [this] { openShortcutsDialog(); });
    help->addAction(tr("&About Zarrscope"), this, [this] {
        QMessageBox::about(
            this, tr("About Zarrscope"),
            tr("Zarrscope %1: a browser for Zarr v2 and v3 stores.").arg(QApplication::applicationVersion()));
    });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = RecentStores::list();
    for (const QString &location : recent)
        m_recentMenu->addAction(location, this, [this, location] { openLocation(location); });
    if (recent.isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    m_welcome->setRecentStores(recent);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear History"), this, [this] {
        RecentStores::clear();
        rebuildRecentMenu();
    });
}

void MainWindow::openFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a Zarr store folder"));
    if (!dir.isEmpty()) openLocation(dir);
}

void MainWindow::openLocation(const QString &input, const QString &requestedArray)
{
    QString location = input.trimmed();
    if (location.isEmpty()) return;
    QString arrayPath = requestedArray;
    if (!isRemoteLocation(location) && !location.startsWith(QStringLiteral("file:"))) {
        location = QFileInfo(location).absoluteFilePath();
        // A node's folder inside a store: the store, with the node in its tree.
        const LocalStorePath inside = splitLocalStorePath(location);
        if (!inside.nodePath.isEmpty()) {
            location = inside.storeRoot;
            arrayPath = arrayPath.isEmpty() ? inside.nodePath : inside.nodePath + u'/' + arrayPath;
        }
    }
    showTabs();
    m_slice->clear(tr("Choose an array in the tree to see its data."));
    m_metadata->clear();
    m_profile->clear();
    m_loader->cancel(); // a new store: the old walk stops now, and nothing of it arrives later
    m_model->clear();
    m_banner->hide();
    m_location = location;
    m_pendingArray = arrayPath;
    m_currentPath.clear(); // the reset model emits no currentChanged
    m_currentShown = false;
    m_expandedBeforeFilter.clear();
    m_triedDirect = false;
    m_nodesFound = 0;
    m_lastOpenError.clear();
    ++m_openSerial;
    setWindowTitle(QStringLiteral("Zarrscope — %1").arg(shownLocation()));
    updateConnectionAction();
    if (!isRemoteLocation(location)) {
        m_timing->setStoreOptions(StoreOptions{});
        return openStoreNow(StoreOptions{});
    }
    // A remote store opens with its Connection settings, whose header values may still have to
    // come from the keychain: the open waits for them (MainWindowConnection.cpp).
    const QString key = connectionSettingsKey(location);
    if (m_connections->isComplete(key)) return openWithSettings(m_connections->known(key), QString());
    m_store.reset(); // nothing may read the old store while the new one waits for the keychain
    m_cache.reset();
    statusBar()->showMessage(tr("Reading the Connection settings of %1 from the keychain…").arg(key));
    m_connections->load(
        key, this, [this, serial = m_openSerial](const ConnectionSettings &settings, const QString &problem) {
            if (serial != m_openSerial) return; // another store was opened meanwhile
            m_keychainProblem = problem;
            openWithSettings(settings, problem);
        });
}

void MainWindow::openStoreNow(const StoreOptions &options)
{
    auto store = openStore(m_location, options);
    if (!store) {
        m_store.reset();
        m_cache.reset();
        return onLoadFailed(store.error().toString());
    }
    m_store = *store;
    m_cache = std::make_shared<ChunkCache>(mibToBytes(chunkCacheMiBSetting()));
    RecentStores::add(m_location); // as displayLocation: no password or signature is kept
    rebuildRecentMenu();
    {
        const QSignalBlocker block(m_url);
        m_url->clear();
        m_url->addItems(RecentStores::list());
        m_url->setCurrentIndex(0);
    }
    statusBar()->showMessage(tr("Discovering nodes in %1…").arg(shownLocation()));
    m_loader->loadAll(m_store);
}

void MainWindow::reload()
{
    if (m_location.isEmpty()) return;
    const QString current = currentPath();
    openLocation(m_location, current); // a new store object and chunk cache: nothing cached stays
}

void MainWindow::openArrayPath(const QString &path)
{
    if (!m_store) return;
    const HierarchyEntry *known = m_model->entry(m_model->indexForPath(path));
    if (known && (known->node || known->failed())) return selectPath(path);
    m_pendingArray = path;
    m_triedDirect = true;
    statusBar()->showMessage(tr("Loading %1…").arg(path));
    m_loader->loadOne(m_store, path);
}

QString MainWindow::rootName() const
{
    // Of the location as shown: a SAS or presigned URL's signature would end up in the name.
    const QString shown = shownLocation();
    return QFileInfo(shown).fileName().isEmpty() ? shown : QFileInfo(shown).fileName();
}

void MainWindow::onNodesDiscovered(const HierarchyEntries &entries)
{
    // The tree fills while the walk goes on; the user may browse what is there already.
    const bool first = m_model->rowCount() == 0;
    m_model->addEntries(entries, rootName());
    if (first) m_tree->expandToDepth(0);
    m_nodesFound += int(entries.size());
    statusBar()->showMessage(
        tr("Discovering nodes in %1… %n so far", nullptr, m_nodesFound).arg(shownLocation()));
}

void MainWindow::onLoaded(const HierarchyEntries &entries)
{
    m_model->addEntries(entries,
                        rootName()); // the nodes not reported in batches (loadOne); the rest in place
    if (!m_triedDirect) m_banner->hide();
    m_tree->expandToDepth(1);
    // Every label whole (an error node's is short: its tooltip has the reason), unless a name is
    // so long it would push the other columns out of sight.
    for (int c = 0; c < HierarchyModel::ColumnCount; ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(HierarchyModel::NameColumn,
                           std::min(m_tree->columnWidth(HierarchyModel::NameColumn), 420));
    statusBar()->showMessage(tr("%n node(s) in %1", nullptr, int(entries.size())).arg(shownLocation()), 5000);
    // A node asked for that the walk did not reach (a listing that hides it): loaded beside the tree.
    const HierarchyEntry *asked = m_model->entry(m_model->indexForPath(m_pendingArray));
    if (!m_pendingArray.isEmpty() && !m_triedDirect && (!asked || (!asked->node && !asked->failed()))) {
        Q_EMIT storeLoaded();
        return openArrayPath(m_pendingArray);
    }
    selectPath(m_pendingArray);
    Q_EMIT storeLoaded();
}

void MainWindow::onLoadFailed(const QString &message)
{
    m_lastOpenError = message;
    // Told to open an array: a store that cannot be listed may still have it.
    if (m_store && !m_pendingArray.isEmpty() && !m_triedDirect) {
        showDiscoveryError(message);
        return openArrayPath(m_pendingArray);
    }
    if (m_triedDirect && m_model->rowCount() > 0) {
        // One node asked for beside a tree there already: the tree stays, the failure is said.
        const QString text = tr("Could not open “%1”: %2").arg(m_pendingArray, message);
        m_metadata->clear();
        m_slice->clear(text);
        statusBar()->showMessage(text);
        Q_EMIT storeFailed(message);
        return;
    }
    showDiscoveryError(message);
    statusBar()->showMessage(message);
    Q_EMIT storeFailed(message);
}

void MainWindow::showDiscoveryError(const QString &message)
{
    m_bannerText->setText(tr("The hierarchy could not be discovered:\n%1").arg(message));
    m_banner->setVisible(true);
    // An array path means something only in a store that is there: not in a missing folder.
    const bool local = !isRemoteLocation(m_location);
    const QString localPath =
        m_location.startsWith(QStringLiteral("file:")) ? QUrl(m_location).toLocalFile() : m_location;
    m_openArrayRow->setVisible(m_store != nullptr && (!local || QFileInfo::exists(localPath)));
    m_bannerSettings->setVisible(!local && isCredentialsFailure(message));
    m_slice->clear(message);
    HierarchyEntry failed;
    failed.error = message;
    m_metadata->showError(failed);
}

bool MainWindow::offersOpenArray() const
{
    return !m_banner->isHidden() && !m_openArrayRow->isHidden();
}

QString MainWindow::discoveryError() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

ExportDialog *MainWindow::openExportDialog(const QString &path)
{
    if (!m_store) return nullptr;
    const NodeMetadata *node = m_model->node(m_model->indexForPath(path));
    auto *dialog = new ExportDialog(m_store, path, node && node->isArray(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::saveView()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Save view"), QString(), tr("PNG image (*.png);;PDF (*.pdf)"));
    if (file.isEmpty()) return;
    const QString saved = SliceView::imageFileName(file); // "view" is saved as view.png
    if (m_slice->saveImage(saved))
        statusBar()->showMessage(tr("Saved %1").arg(saved), 5000);
    else
        statusBar()->showMessage(tr("Could not save %1").arg(saved));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // A store folder, or a zip archive holding one.
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile()) return;
    const QFileInfo dropped(urls.front().toLocalFile());
    if (dropped.isDir() ||
        (dropped.isFile() && dropped.suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        openLocation(urls.front().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace zs
