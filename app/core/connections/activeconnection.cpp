// SPDX-License-Identifier: GPL-3.0-or-later
#include "activeconnection.h"

#include "connectionstore.h"
#include "secretstore.h"

#include <QCoreApplication>

namespace fs {

ActiveConnection::ActiveConnection(
        ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_tester(new ConnectionTester(nam, this))
{
    connect(m_tester, &ConnectionTester::finished, this, [this](const ConnectionCheck &result) {
        m_check = result;
        setState(result.ok() ? State::Connected : State::Problem);
    });
    connect(m_store, &ConnectionStore::activeChanged, this, &ActiveConnection::refresh);
    connect(m_store, &ConnectionStore::connectionUpdated, this, [this](const QString &id) {
        if (id == m_store->activeId())
            refresh();
    });
    // Later, so whoever created us can connect to the signals before the first check.
    QMetaObject::invokeMethod(this, &ActiveConnection::refresh, Qt::QueuedConnection);
}

void ActiveConnection::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString ActiveConnection::shortText() const
{
    switch (m_state) {
    case State::ReadingKey:
    case State::Checking:
        return QCoreApplication::translate("ActiveConnection", "Checking…");
    case State::Connected:
    case State::Problem:
        break;
    }
    return m_check.shortText();
}

QString ActiveConnection::message() const
{
    QString text;
    switch (m_state) {
    case State::ReadingKey:
        text = QCoreApplication::translate("ActiveConnection", "Reading the API key…");
        break;
    case State::Checking:
        text = QCoreApplication::translate("ActiveConnection", "Checking the connection…");
        break;
    case State::Connected:
    case State::Problem:
        text = m_check.plainMessage();
        break;
    }
    if (!m_keyNote.isEmpty())
        text += QLatin1Char('\n') + m_keyNote;
    return text;
}

void ActiveConnection::refresh()
{
    const int generation = ++m_generation;
    m_tester->cancel();
    m_connection = m_store->active();
    m_check = ConnectionCheck();
    m_keyNote.clear();
    Q_EMIT connectionChanged();

    if (m_connection.kind == Connection::Kind::Sandbox) {
        startCheck();
        return;
    }
    // Asked even without the hasKey flag: a key kept for this run only (no keychain) has none.
    const bool expectKey = m_store->hasKey(m_connection.id);
    setState(State::ReadingKey);
    m_secrets->readKey(
            m_connection.id, this, [this, generation, expectKey](const SecretResult &result) {
                if (generation != m_generation)
                    return;
                if (result.ok()) {
                    m_connection.apiKey = result.secret;
                } else if (!expectKey) {
                    // No key was ever saved: the check itself says whether the server needs one.
                } else if (result.keychainUnavailable()) {
                    m_keyNote = result.message;
                } else {
                    m_keyNote = QCoreApplication::translate("ActiveConnection",
                            "The saved API key was not found in the keychain. Enter it again in "
                            "Manage "
                            "connections.");
                }
                startCheck();
            });
}

void ActiveConnection::startCheck()
{
    setState(State::Checking);
    m_tester->test(m_connection);
}

} // namespace fs
