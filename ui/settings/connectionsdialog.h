// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "connectiontester.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QVBoxLayout;

namespace fs {
class ConnectionStore;
class SecretStore;
} // namespace fs

namespace fs::ui {

/**
 * @brief Adds, edits, removes and tests connections, and picks the one to use.
 *
 * Keys go to the SecretStore only; the ConnectionStore keeps a flag that one exists. Edits are
 * applied with Save; leaving a connection with unsaved edits asks first.
 */
class ConnectionsDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionsDialog(ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
            QWidget *parent = nullptr);

    /// The connection shown in the form ("" when none).
    QString currentId() const { return m_currentId; }
    void selectConnection(const QString &id);
    /// Edits not saved yet, or a connection added with Add and never saved.
    bool hasUnsavedChanges() const { return m_dirty || isUnsavedNew(); }

public Q_SLOTS:
    /// Adds a new OpenAI connection and selects it for editing.
    void addConnection();
    /// Asks, then removes the selected connection and its saved key.
    void removeConnection();
    /// Saves the form (the key to the keychain first). Emits saved() when done.
    void save();
    /// Tests what the form says now (saved or not), with the typed key or the saved one.
    void test();
    /// Makes the selected connection the active one.
    void useSelected();
    void done(int result) override;

Q_SIGNALS:
    void saved(const QString &id);
    void testFinished(const fs::ConnectionCheck &result);

private:
    void buildUi();
    QVBoxLayout *createListColumn();
    void createAddressFields();
    QHBoxLayout *createAccountFields();
    void createAzureFields();
    void createWarningAndErrorNotes();
    /// The details form's rows, in the order a person fills them in.
    void createForm(QHBoxLayout *keyRow);
    QHBoxLayout *createTestRow();
    void connectForm();
    void rebuildList();
    void showConnection(const QString &id);
    void onSelectionChanged();
    void onKindChanged();
    void updateForm();
    /// The sandbox's own note (and where it also speaks Together AI), shown for the sandbox.
    void showSandboxInfo(bool isSandbox);
    /// Which rows the kind of service needs, and which fields may be edited now.
    void updateFieldRows(Connection::Kind kind, bool isSandbox);
    /// The address's label, placeholder and hint for the kind of service.
    void showAddressHelp(Connection::Kind kind);
    void markDirty();
    /// Save / Discard / Cancel when the form has unsaved edits (or shows a connection added and
    /// never saved); false when the user cancelled. Discarding a new connection removes it.
    bool confirmLeave();
    /// The form shows a connection made with Add that was never saved.
    bool isUnsavedNew() const { return !m_newId.isEmpty() && m_newId == m_currentId; }
    Connection formConnection() const;
    QString validate(const Connection &connection) const;
    void finishSave(const Connection &connection);
    void showTestResult(const ConnectionCheck &result);
    void setBusy(bool busy);

    ConnectionStore *m_store;
    SecretStore *m_secrets;
    ConnectionTester *m_tester;
    QString m_currentId;
    /// Added with Add and not saved yet: Discard takes it out of the store (and the settings).
    QString m_newId;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_busy = false;
    int m_testGeneration = 0;

    QListWidget *m_connectionsListWidget = nullptr;
    QPushButton *m_addPushButton = nullptr;
    QPushButton *m_removePushButton = nullptr;
    QPushButton *m_usePushButton = nullptr;
    QGroupBox *m_detailsGroupBox = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_sandboxInfoLabel = nullptr;
    QLineEdit *m_nameLineEdit = nullptr;
    QComboBox *m_kindComboBox = nullptr;
    QLabel *m_baseUrlLabel = nullptr;
    QLineEdit *m_baseUrlLineEdit = nullptr;
    QLabel *m_addressHintLabel = nullptr;
    QLabel *m_apiKeyLabel = nullptr;
    QLineEdit *m_apiKeyLineEdit = nullptr;
    QCheckBox *m_showKeyCheckBox = nullptr;
    QLabel *m_organizationLabel = nullptr;
    QLineEdit *m_organizationLineEdit = nullptr;
    QLabel *m_projectLabel = nullptr;
    QLineEdit *m_projectLineEdit = nullptr;
    // Azure: where the resource lives, for deployments (not secret: kept in the settings).
    QLabel *m_azureNoteLabel = nullptr;
    QLineEdit *m_azureSubscriptionLineEdit = nullptr;
    QLineEdit *m_azureResourceGroupLineEdit = nullptr;
    QLineEdit *m_azureAccountLineEdit = nullptr;
    QLineEdit *m_azureTenantLineEdit = nullptr;
    QLabel *m_accountLabel = nullptr; ///< Fireworks AI's account id
    QLineEdit *m_accountLineEdit = nullptr;
    QLabel *m_warningLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_savePushButton = nullptr;
    QPushButton *m_testPushButton = nullptr;
    QLabel *m_testDotLabel = nullptr;
    QLabel *m_testStateLabel = nullptr;
    QLabel *m_testResultLabel = nullptr;
    QPushButton *m_closePushButton = nullptr;
};

} // namespace fs::ui
