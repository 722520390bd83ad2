#include "WelcomePage.h"

#include "ErrorStyle.h"

#include <QCommandLinkButton>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace zs {

namespace {

// A titled column whose entries scroll when there are more than fit.
QGroupBox *column(const QString &title, QVBoxLayout *entries)
{
    auto *box = new QGroupBox(title);
    auto *inner = new QWidget;
    inner->setLayout(entries);
    entries->setContentsMargins(0, 0, 0, 0);
    entries->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(scroll);
    return box;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_openUrl(new QPushButton(tr("Open URL…"))),
      m_openFolder(new QPushButton(tr("Open Folder…"))), m_openDemo(new QPushButton(tr("Open Demo"))),
      m_failure(new QLabel), m_connectionSettings(new QPushButton(tr("Connection settings…"))),
      m_noRecent(new QLabel(tr("None yet: stores you open are listed here."))), m_recentList(new QVBoxLayout),
      m_exampleList(new QVBoxLayout)
{
    m_openUrl->setToolTip(
        tr("Type a store's location in the URL bar: http(s)://, s3://, gs://, file:// or a path"));
    m_openFolder->setToolTip(tr("Choose a Zarr store folder on this computer"));
    connect(m_openUrl, &QPushButton::clicked, this, &WelcomePage::openUrlRequested);
    connect(m_openFolder, &QPushButton::clicked, this, &WelcomePage::openFolderRequested);
    connect(m_openDemo, &QPushButton::clicked, this, &WelcomePage::openDemoRequested);
    setDemoAvailable(false);

    auto *title = new QLabel(tr("Zarrscope"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    title->setFont(big);
    auto *intro = new QLabel(tr("Browse Zarr v2 and v3 stores on disk, over HTTP, on S3 and on Google Cloud: "
                                "their tree, metadata, data and how fast they read."));
    intro->setWordWrap(true);
    m_failure->setWordWrap(true);
    m_failure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failure->setStyleSheet(errorStyleSheet());
    m_failure->hide();
    m_connectionSettings->setToolTip(tr("The store refused the request: give it credentials (AWS profile, "
                                        "headers, …) in the Connection settings, then it opens again"));
    m_connectionSettings->hide();
    connect(m_connectionSettings, &QPushButton::clicked, this, &WelcomePage::connectionSettingsRequested);
    auto *failureRow = new QHBoxLayout;
    failureRow->addWidget(m_failure, 1);
    failureRow->addWidget(m_connectionSettings, 0, Qt::AlignTop);

    auto *start = new QVBoxLayout;
    for (QPushButton *b : {m_openUrl, m_openFolder, m_openDemo})
        start->addWidget(b);
    m_recentList->addWidget(m_noRecent);
    auto *columns = new QHBoxLayout;
    columns->addWidget(column(tr("Start"), start));
    columns->addWidget(column(tr("Recent stores"), m_recentList), 2);
    columns->addWidget(column(tr("Example public stores (need the internet)"), m_exampleList), 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(failureRow);
    layout->addLayout(columns, 1);
    setExamples(publicExampleStores());
}

void WelcomePage::dropButtons(QList<QAbstractButton *> &buttons)
{
    for (QAbstractButton *b : std::as_const(buttons)) {
        b->hide();
        b->deleteLater();
    }
    buttons.clear();
}

void WelcomePage::setRecentStores(const QStringList &locations)
{
    dropButtons(m_recent);
    for (const QString &location : locations) {
        auto *b = new QPushButton(location);
        b->setFlat(true);
        b->setStyleSheet(QStringLiteral("text-align: left"));
        b->setToolTip(tr("Open %1").arg(location));
        connect(b, &QPushButton::clicked, this, [this, location] { Q_EMIT openRequested(location); });
        m_recentList->insertWidget(int(m_recent.size()), b);
        m_recent << b;
    }
    m_noRecent->setVisible(locations.isEmpty());
}

void WelcomePage::setExamples(const QList<ExampleStore> &examples)
{
    dropButtons(m_examples);
    for (const ExampleStore &e : examples) {
        auto *b = new QCommandLinkButton(e.title, e.location);
        b->setToolTip(tr("Open %1 (needs the internet)").arg(e.location));
        connect(b, &QCommandLinkButton::clicked, this, [this, l = e.location] { Q_EMIT openRequested(l); });
        m_exampleList->insertWidget(int(m_examples.size()), b);
        m_examples << b;
    }
}

void WelcomePage::setDemoAvailable(bool available)
{
    m_openDemo->setEnabled(available);
    m_openDemo->setToolTip(available ? tr("Open the bundled demo store, served on loopback with a cloud "
                                          "region's latency (the same as zarrscope --demo)")
                                     : tr("No demo store here: it is written when the project is built"));
}

void WelcomePage::setFailure(const QString &message)
{
    m_failure->setText(message);
    m_failure->setVisible(!message.isEmpty());
    if (message.isEmpty()) setSettingsOffered(false);
}

void WelcomePage::setSettingsOffered(bool offered)
{
    m_connectionSettings->setVisible(offered);
}

bool WelcomePage::settingsOffered() const
{
    return !m_connectionSettings->isHidden();
}

QAbstractButton *WelcomePage::connectionSettingsButton() const
{
    return m_connectionSettings;
}

QAbstractButton *WelcomePage::openUrlButton() const
{
    return m_openUrl;
}

QAbstractButton *WelcomePage::openFolderButton() const
{
    return m_openFolder;
}

QAbstractButton *WelcomePage::openDemoButton() const
{
    return m_openDemo;
}

QString WelcomePage::failureText() const
{
    return m_failure->isHidden() ? QString() : m_failure->text();
}

} // namespace zs
