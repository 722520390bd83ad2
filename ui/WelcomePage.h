#pragma once
// What the window shows in place of the tabs while no store is open: the ways in (a URL, a
// folder, the bundled demo), the recent stores and a few public example stores, each one click
// from opening. After a failed open it says what failed above them; the tree keeps its own
// explanation. It only asks: MainWindow opens (openLocation), so every entry takes the one path.

#include "ExampleStores.h"

#include <QWidget>

class QAbstractButton;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace zs {

class WelcomePage final : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setRecentStores(const QStringList &locations);
    void setExamples(const QList<ExampleStore> &examples);
    void setDemoAvailable(bool available);   // without a demo store the button is off, and says why
    void setFailure(const QString &message); // "" clears it (and the settings' offer)
    // After a failure for want of credentials: a "Connection settings…" button under it.
    void setSettingsOffered(bool offered);
    bool settingsOffered() const;
    QAbstractButton *connectionSettingsButton() const;

    // For tests: the entries as clickable buttons, and the failure as shown.
    QAbstractButton *openUrlButton() const;
    QAbstractButton *openFolderButton() const;
    QAbstractButton *openDemoButton() const;
    QList<QAbstractButton *> recentButtons() const { return m_recent; }
    QList<QAbstractButton *> exampleButtons() const { return m_examples; }
    QString failureText() const;

Q_SIGNALS:
    void openUrlRequested();
    void openFolderRequested();
    void openDemoRequested();
    void openRequested(const QString &location);
    void connectionSettingsRequested();

private:
    // Buttons of a list come and go when it changes; one may be the sender of the click that
    // changed it, so the old ones are deleted later, never now.
    static void dropButtons(QList<QAbstractButton *> &buttons);

    QPushButton *m_openUrl;
    QPushButton *m_openFolder;
    QPushButton *m_openDemo;
    QLabel *m_failure;
    QPushButton *m_connectionSettings;
    QLabel *m_noRecent;
    QVBoxLayout *m_recentList;
    QVBoxLayout *m_exampleList;
    QList<QAbstractButton *> m_recent;
    QList<QAbstractButton *> m_examples;
};

} // namespace zs
