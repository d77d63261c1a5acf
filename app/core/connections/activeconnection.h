// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "connectiontester.h"

#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace fs {

class ConnectionStore;
class SecretStore;

/**
 * @brief The connection the app works with right now, with its key, and whether it works.
 *
 * Follows ConnectionStore's active connection: reads its key from the SecretStore, then checks
 * it with ConnectionTester. Every area asks this object for connection() (key included) and
 * shows state(); the main window's status widget and overview page render it.
 */
class ActiveConnection : public QObject
{
    Q_OBJECT
public:
    enum class State {
        ReadingKey, ///< waiting for the keychain
        Checking, ///< the models call is running
        Connected, ///< reachable and authenticated
        Problem, ///< see check() / message()
    };
    Q_ENUM(State)

    ActiveConnection(ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
            QObject *parent = nullptr);

    /// The active connection, apiKey filled in when one could be read.
    Connection connection() const { return m_connection; }
    State state() const { return m_state; }
    /// The last finished check (its models, outcome and plain message).
    ConnectionCheck check() const { return m_check; }
    /// A few words for the status bar: "Checking…", "Connected", "Key not accepted", …
    QString shortText() const;
    /// Plain words for the overview: the check's message, plus a keychain note when relevant.
    QString message() const;
    /// A note about the key (e.g. no keychain: used for this run only); empty when none.
    QString keyNote() const { return m_keyNote; }
    /// True once a check has finished for the current connection.
    bool isSettled() const { return m_state == State::Connected || m_state == State::Problem; }
    ConnectionTester *tester() const { return m_tester; }

public Q_SLOTS:
    /// Reads the key again and tests again (e.g. "Test again", or after the key was saved).
    void refresh();

Q_SIGNALS:
    /// A different connection became active, or the active one was edited.
    void connectionChanged();
    void stateChanged(fs::ActiveConnection::State state);

private:
    void setState(State state);
    void startCheck();

    ConnectionStore *m_store;
    SecretStore *m_secrets;
    ConnectionTester *m_tester;
    Connection m_connection;
    ConnectionCheck m_check;
    QString m_keyNote;
    State m_state = State::ReadingKey;
    int m_generation = 0;
};

} // namespace fs
