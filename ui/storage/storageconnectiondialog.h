// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storageconnection.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace fs::ui {

/// Adds or edits one storage connection; the secret goes to the keychain, never to settings.
class StorageConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StorageConnectionDialog(QWidget *parent = nullptr);

    /// Fills the form; `hasSecret`: one is saved, so an empty field keeps it.
    void setConnection(const StorageConnection &connection, bool hasSecret);
    /// What the form describes (the id of the edited connection kept).
    StorageConnection connection() const;
    /// The typed secret; empty when unchanged.
    QString secret() const;

    // The fields, for tests.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *regionEdit() const { return m_region; }
    QLineEdit *bucketEdit() const { return m_bucket; }
    QLineEdit *accessKeyEdit() const { return m_accessKey; }
    QLineEdit *secretEdit() const { return m_secret; }
    /// Why OK is not possible right now (empty: it is).
    QString problem() const;

public Q_SLOTS:
    void accept() override;

private:
    void updateState();

    QString m_id;
    bool m_hasSecret = false;
    QLineEdit *m_name;
    QLineEdit *m_endpoint;
    QLineEdit *m_region;
    QLineEdit *m_bucket;
    QLineEdit *m_accessKey;
    QLineEdit *m_secret;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace fs::ui
