#include "ConnectionSettingsDialog.h"

#include "ErrorStyle.h"
#include "MaskedValueDelegate.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace zs {

namespace {
constexpr int kNameColumn = 0;
constexpr int kValueColumn = 1;

QLineEdit *field(const QString &name, const QString &placeholder, const QString &tip)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    return edit;
}
} // namespace

ConnectionSettingsDialog::ConnectionSettingsDialog(const ConnectionSettings &settings, QWidget *parent)
    : QDialog(parent), m_status(new QLabel), m_keychain(new QLabel),
      m_profile(field(QStringLiteral("s3Profile"), tr("default (or AWS_PROFILE)"),
                      tr("The AWS profile to sign with, from ~/.aws/credentials and ~/.aws/config "
                         "(as --s3-profile)"))),
      m_region(field(QStringLiteral("s3Region"), tr("from the profile, else us-east-1"),
                     tr("The bucket's AWS region, e.g. eu-west-1 (as --s3-region)"))),
      m_endpoint(field(QStringLiteral("s3Endpoint"), tr("AWS"),
                       tr("An S3-compatible server (MinIO, Ceph), e.g. http://127.0.0.1:9000, "
                          "addressed path style (as --s3-endpoint)"))),
      m_anonymous(new QCheckBox(tr("Anonymous: send unsigned requests"))),
      m_requesterPays(new QCheckBox(tr("Requester pays"))),
      m_gcsEndpoint(field(QStringLiteral("gcsEndpoint"), tr("storage.googleapis.com"),
                          tr("A GCS emulator or test server instead of Google's (as --gcs-endpoint)"))),
      m_gcsKeyFile(field(QStringLiteral("gcsKeyFile"), tr("GOOGLE_APPLICATION_CREDENTIALS"),
                         tr("A service-account key file (JSON) to sign gs:// reads with (as --gcs-key)"))),
      m_headers(new QTableWidget(0, 2))
{
    setWindowTitle(tr("Connection Settings — %1").arg(settings.location));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setToolTip(tr("Which credentials the store's requests carried when it was last opened"));
    m_keychain->setObjectName(QStringLiteral("keychainProblem"));
    m_keychain->setWordWrap(true);
    m_keychain->setStyleSheet(errorStyleSheet());
    m_keychain->setToolTip(tr("Header values are kept in the system keychain (Secret Service), never in "
                              "the settings file"));
    m_keychain->hide();
    m_anonymous->setObjectName(QStringLiteral("anonymous"));
    m_anonymous->setToolTip(tr("Unsigned requests whatever credentials are configured (as --anonymous)"));
    m_requesterPays->setObjectName(QStringLiteral("s3RequesterPays"));
    m_requesterPays->setToolTip(tr("Send x-amz-request-payer: requester: your account pays for the "
                                   "reads of a requester-pays bucket (as --s3-requester-pays)"));

    auto *browse = new QToolButton;
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a service-account key file"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Service-account key file"), QString(),
                                                          tr("JSON key files (*.json);;All files (*)"));
        if (!file.isEmpty()) m_gcsKeyFile->setText(file);
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_gcsKeyFile, 1);
    keyRow->addWidget(browse);

    m_headers->setObjectName(QStringLiteral("headers"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setItemDelegateForColumn(kValueColumn, new MaskedValueDelegate(m_headers));
    m_headers->setToolTip(tr("Extra headers sent with every request to the store's host (as --header), "
                             "e.g. Authorization: Bearer …; values are kept in the system keychain"));
    auto *add = new QPushButton(tr("Add Header"));
    add->setObjectName(QStringLiteral("addHeader"));
    add->setToolTip(tr("Add a row for a header's name and value"));
    connect(add, &QPushButton::clicked, this, [this] {
        addHeaderRow({});
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, kNameColumn));
    });
    auto *remove = new QPushButton(tr("Remove Header"));
    remove->setObjectName(QStringLiteral("removeHeader"));
    remove->setToolTip(tr("Remove the selected header (and its value from the keychain)"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_headers->currentRow() >= 0) m_headers->removeRow(m_headers->currentRow());
    });
    auto *headerButtons = new QHBoxLayout;
    headerButtons->addWidget(add);
    headerButtons->addWidget(remove);
    headerButtons->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("AWS profile:"), m_profile);
    form->addRow(tr("Region:"), m_region);
    form->addRow(tr("S3 endpoint:"), m_endpoint);
    form->addRow(QString(), m_anonymous);
    form->addRow(QString(), m_requesterPays);
    form->addRow(tr("GCS endpoint:"), m_gcsEndpoint);
    form->addRow(tr("GCS key file:"), keyRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)
        ->setToolTip(tr("Keep these settings and reopen the store with them"));
    buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without changing anything"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_keychain);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Headers:")));
    layout->addWidget(m_headers, 1);
    layout->addLayout(headerButtons);
    layout->addWidget(buttons);
    resize(560, 520);
    setSettings(settings);
}

void ConnectionSettingsDialog::addHeaderRow(const HeaderSetting &header)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    auto *name = new QTableWidgetItem(header.name);
    name->setToolTip(tr("The header's name, e.g. Authorization or X-Api-Key"));
    auto *value = new QTableWidgetItem(header.value);
    value->setToolTip(tr("The header's value, shown masked: double-click to replace it"));
    m_headers->setItem(row, kNameColumn, name);
    m_headers->setItem(row, kValueColumn, value);
}

void ConnectionSettingsDialog::setSettings(const ConnectionSettings &s)
{
    m_location = s.location;
    m_profile->setText(s.s3Profile);
    m_region->setText(s.s3Region);
    m_endpoint->setText(s.s3Endpoint);
    m_anonymous->setChecked(s.anonymous);
    m_requesterPays->setChecked(s.s3RequesterPays);
    m_gcsEndpoint->setText(s.gcsEndpoint);
    m_gcsKeyFile->setText(s.gcsKeyFile);
    m_headers->setRowCount(0);
    for (const HeaderSetting &h : s.headers)
        addHeaderRow(h);
}

ConnectionSettings ConnectionSettingsDialog::settings() const
{
    ConnectionSettings s;
    s.location = m_location;
    s.s3Profile = m_profile->text().trimmed();
    s.s3Region = m_region->text().trimmed();
    s.s3Endpoint = m_endpoint->text().trimmed();
    s.anonymous = m_anonymous->isChecked();
    s.s3RequesterPays = m_requesterPays->isChecked();
    s.gcsEndpoint = m_gcsEndpoint->text().trimmed();
    s.gcsKeyFile = m_gcsKeyFile->text().trimmed();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_headers->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        if (!text(kNameColumn).isEmpty()) s.headers.append({text(kNameColumn), text(kValueColumn)});
    }
    return s;
}

void ConnectionSettingsDialog::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? errorStyleSheet() : QString());
}

void ConnectionSettingsDialog::setKeychainProblem(const QString &problem)
{
    m_keychain->setText(problem);
    m_keychain->setVisible(!problem.isEmpty());
}

QString ConnectionSettingsDialog::statusText() const
{
    return m_status->text();
}

QString ConnectionSettingsDialog::keychainProblem() const
{
    return m_keychain->isHidden() ? QString() : m_keychain->text();
}

} // namespace zs
