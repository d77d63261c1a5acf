// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace fs {
class ActiveConnection;
class ConnectionStore;
} // namespace fs

namespace fs::ui {

/**
 * @brief The "Connection" area: the active connection, whether it works (in plain words), the
 * models it serves with the fine-tuned ones marked, and the "Test again" / "Manage
 * connections…" actions.
 */
class ConnectionPage : public QWidget
{
    Q_OBJECT
public:
    ConnectionPage(ActiveConnection *active, ConnectionStore *store, QWidget *parent = nullptr);

Q_SIGNALS:
    void manageConnectionsRequested();

private:
    void updateView();
    void updateModels();

    ActiveConnection *m_active;
    ConnectionStore *m_store;
    QLabel *m_nameLabel;
    QLabel *m_sandboxNoteLabel;
    QLabel *m_kindLabel;
    QLabel *m_addressLabel;
    QLabel *m_stateDotLabel;
    QLabel *m_stateLabel;
    QLabel *m_messageLabel;
    QLabel *m_modelsSummaryLabel;
    QTreeWidget *m_modelsTreeWidget;
    QPushButton *m_testAgainPushButton;
    QPushButton *m_manageConnectionsPushButton;
};

} // namespace fs::ui
