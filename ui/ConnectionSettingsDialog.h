#pragma once
// File > Connection Settings…: the credentials one store opens with (profile, region, endpoints,
// anonymous, requester pays, a GCS key file, extra headers), above them a line saying which
// credentials the store used last ("signed with profile research from ~/.aws/credentials") or why
// it failed to open. It only edits a ConnectionSettings; MainWindow keeps and applies it.

#include "ConnectionSettings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace zs {

class ConnectionSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionSettingsDialog(const ConnectionSettings &settings, QWidget *parent = nullptr);

    void setSettings(const ConnectionSettings &settings); // fills every field
    ConnectionSettings settings() const;                  // what the fields say now
    // The store's credentialSource(), or the last open's error (shown as one).
    void setStatus(const QString &text, bool isError);
    void setKeychainProblem(const QString &problem); // "" hides it
    QString statusText() const;
    QString keychainProblem() const;

private:
    void addHeaderRow(const HeaderSetting &header);

    QString m_location;
    QLabel *m_status;
    QLabel *m_keychain;
    QLineEdit *m_profile;
    QLineEdit *m_region;
    QLineEdit *m_endpoint;
    QCheckBox *m_anonymous;
    QCheckBox *m_requesterPays;
    QLineEdit *m_gcsEndpoint;
    QLineEdit *m_gcsKeyFile;
    QTableWidget *m_headers;
};

} // namespace zs
