#pragma once
// The browser window: a URL bar with history, the store's tree (with a filter) on the left,
// the selected node's data and metadata on the right, read progress and Cancel in the status
// bar. Stores open from the URL bar, File > Open Folder, a dropped directory, the command line or
// the welcome page shown in place of the tabs while none is open (MainWindowWelcome.cpp).

#include "cf/NodeLookup.h"
#include "hierarchy/HierarchyEntry.h"
#include "store/Store.h"

#include <QMainWindow>
#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace zs {

class ChunkCache;
namespace omeview {
class OmePage;
}
class ConnectionSettingsDialog;
class ConnectionSettingsStore;
struct ConnectionSettings;
struct StoreOptions;

class ExportDialog;
class HierarchyLoader;
class HierarchyModel;
class MetadataPanel;
class ProfileView;
class ReadStatus;
class ShortcutsDialog;
class SliceView;
class StatisticsPanel;
class TimingPanel;
class WelcomePage;

// Where the bundled demo is once it is being served: the app starts its server on first use
// (zarrscope-server, which the widgets do not link), the window opens it like any store.
struct DemoLocation
{
    QString location;
    QString arrayPath; // selected first
};
using DemoLauncher = std::function<Result<DemoLocation>()>;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a store; `arrayPath` is selected once the tree is there (and loaded into it when
    // discovery did not find it, or alone when the store cannot be listed). A local folder inside
    // a store opens the store with that node selected.
    void openLocation(const QString &location, const QString &arrayPath = {});
    void selectPath(const QString &path);
    // Selects the node at `path`, loading it into the tree first when discovery did not find it.
    void openArrayPath(const QString &path);
    // F5: the store again, from scratch (new listing, no cached chunks), the same node selected.
    void reload();
    // MainWindowWelcome.cpp: the welcome page's Open Demo (off until a launcher is set), and
    // Help > Keyboard Shortcuts (the dialog it opened, for tests).
    void setDemoLauncher(DemoLauncher launcher);
    void openDemo();
    ShortcutsDialog *openShortcutsDialog();

    // The parts, for tests and screenshots.
    HierarchyModel *hierarchyModel() const { return m_model; }
    QSortFilterProxyModel *filterModel() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }
    MetadataPanel *metadataPanel() const { return m_metadata; }
    SliceView *sliceView() const { return m_slice; }
    omeview::OmePage *omePage() const { return m_ome; } // the Image tab (OME-Zarr)
    ReadStatus *readStatus() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }
    TimingPanel *timingPanel() const { return m_timing; }
    StatisticsPanel *statisticsPanel() const { return m_statistics; } // in the "Statistics" dock
    WelcomePage *welcomePage() const { return m_welcome; }
    bool welcomeShown() const; // in place of the tabs: no store is open
    ProfileView *profileView() const { return m_profile; }
    QDockWidget *profileDock() const { return m_profileDock; }
    QSplitter *splitter() const { return m_splitter; }
    QLineEdit *filterEdit() const { return m_filter; }
    ChunkCache *chunkCache() const { return m_cache.get(); }
    bool offersOpenArray() const;   // the discovery banner's "Open array" row is there
    QString discoveryError() const; // the explanation shown instead of a tree, empty when none
    void setFilterText(const QString &text);
    // The node the tree made current and the tabs show ("" for the root or none).
    QString currentPath() const;
    // Opens the Export dialog for the node at `path` ("" = root); null when no store is open.
    ExportDialog *openExportDialog(const QString &path);
    // MainWindowConnection.cpp: File > Connection Settings… for `location` (default: the store
    // bar's remote URL, else the open store); null when there is no remote location. OK keeps
    // the settings and reopens the store with them, the selected node kept as F5 does.
    ConnectionSettingsDialog *openConnectionSettings(const QString &location = {});
    ConnectionSettingsStore *connectionSettingsStore() const { return m_connections; }
    QAction *connectionSettingsAction() const { return m_connectionAction; }
    // A failed open asks for credentials: the tree's banner or the welcome page offers the settings.
    bool offersConnectionSettings() const;

Q_SIGNALS:
    void storeLoaded();
    void storeFailed(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override; // stops discovery: quitting must not wait for it

private:
    void buildMenus();
    // MainWindowConnection.cpp: the open after the Connection settings' keychain reads, the
    // settings' menu entry and the offers of them after an "access denied".
    void openWithSettings(const ConnectionSettings &settings, const QString &keychainProblem);
    void openStoreNow(const StoreOptions &options);
    void applyConnectionSettings(const QString &location, const ConnectionSettings &settings);
    void updateConnectionAction();
    QString connectionTarget() const; // the location File > Connection Settings… is for
    QString shownLocation() const;    // m_location as titles and messages may show it (no secrets)
    void wireTiming();                // MainWindowTiming.cpp
    // MainWindowWelcome.cpp: the welcome page and the tabs, one shown at a time.
    QWidget *buildPages();
    void showWelcome(const QString &failure);
    void showTabs();
    void wireProfile(QMenu *viewMenu); // MainWindowProfile.cpp
    QWidget *buildTreePanel();
    void rebuildRecentMenu();
    void openFolder();
    void saveView();
    // MainWindowSettings.cpp: geometry, toolbar state, splitter and tab across sessions.
    void restoreSettings();
    void saveSettings() const;
    QString rootName() const; // the tree's top row: the store's folder or file name
    void onNodesDiscovered(const HierarchyEntries &entries);
    cf::NodeLookup discoveredLookup() const;
    void onLoaded(const HierarchyEntries &entries);
    void onLoadFailed(const QString &message);
    void showDiscoveryError(const QString &message);
    void onCurrentChanged(const QModelIndex &proxyIndex);
    QStringList expandedPaths() const; // of the tree as shown, parents first
    void showTreeMenu(const QPoint &pos);
    // The Statistics dock and its View menu toggle (MainWindowStatistics.cpp).
    void buildStatisticsDock(QMenu *viewMenu);

    QComboBox *m_url;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QLineEdit *m_arrayPath;
    QWidget *m_openArrayRow;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    MetadataPanel *m_metadata;
    SliceView *m_slice;
    omeview::OmePage *m_ome;
    ReadStatus *m_status;
    TimingPanel *m_timing = nullptr;
    StatisticsPanel *m_statistics = nullptr;
    WelcomePage *m_welcome = nullptr;
    QStackedWidget *m_pages = nullptr; // the welcome page or the tabs
    DemoLauncher m_demoLauncher;
    ProfileView *m_profile = nullptr;
    QDockWidget *m_profileDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_connectionAction = nullptr;
    QWidget *m_bannerSettings = nullptr; // the banner's "Connection settings…" button
    HierarchyModel *m_model;
    QSortFilterProxyModel *m_proxy;
    HierarchyLoader *m_loader;
    ConnectionSettingsStore *m_connections;

    std::shared_ptr<Store> m_store;
    std::shared_ptr<ChunkCache> m_cache; // m_store's decoded chunks, shared by the views of it
    QString m_location;
    QString m_pendingArray; // to select (or load alone) once discovery ends
    bool m_triedDirect = false;
    quint64 m_openSerial = 0;    // of the latest openLocation: a keychain read for an older one is dropped
    QString m_lastOpenError;     // of m_location, for the Connection settings' status line
    QString m_keychainProblem;   // the last keychain read or write that failed, "" when fine
    int m_nodesFound = 0;        // by the walk so far, for the status bar
    QString m_currentPath;       // the node the tabs show, kept while a filter hides it
    bool m_currentShown = false; // m_currentPath names a node (the root's path is "")
    QStringList m_expandedBeforeFilter; // restored when the filter is cleared
};

} // namespace zs
