// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace fs {

/**
 * @brief One running app per user and profile: a second start hands its files to the first.
 *
 * The running app listen()s on a local socket named from the user id (and the profile, so apps
 * with separate settings folders, as tests use, stay apart). A second start calls
 * sendToRunning(): it sends the absolute paths of its files (possibly none: the window only
 * comes to the front) and exits once the running app has acknowledged them.
 *
 * Protocol: one JSON line {"open":[paths…]} from the new process, answered with "ok\n".
 */
class InstanceChannel : public QObject
{
    Q_OBJECT
public:
    explicit InstanceChannel(const QString &name = defaultName(), QObject *parent = nullptr);
    ~InstanceChannel() override;

    /// nameFor() the app's data folder.
    static QString defaultName();
    /// "finetune-studio-<uid>-<hash of dataDir>".
    static QString nameFor(const QString &dataDir);
    /// Hands `files` to an app listening on `name`; true once it has acknowledged them (false:
    /// nobody listens, or it did not answer within `timeoutMs`).
    static bool sendToRunning(const QString &name, const QStringList &files, int timeoutMs = 5000);

    /// Starts listening (removing a socket left behind by a crash); false when another app
    /// listens already or the socket can't be created (`problem` says why).
    bool listen(QString *problem = nullptr);
    QString name() const { return m_name; }

Q_SIGNALS:
    /// A second start asked to open these files (absolute paths; empty: just come to the front).
    void filesReceived(const QStringList &files);

private:
    void onNewConnection();

    QString m_name;
    QLocalServer *m_server;
};

} // namespace fs
