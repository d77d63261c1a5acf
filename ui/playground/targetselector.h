// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modeltarget.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace fs::ui {

class ModelPicker;
class PlaygroundConnections;

/**
 * @brief Which connection and which model: two combo boxes. The model list is loaded for the
 * chosen connection (its key read from the keychain first); a problem is shown in plain words.
 */
class TargetSelector : public QWidget
{
    Q_OBJECT
public:
    explicit TargetSelector(PlaygroundConnections *connections, QWidget *parent = nullptr);

    QString connectionId() const;
    void setConnectionId(const QString &id);
    QString model() const;
    /// Chooses `model` (added to the list when the connection does not list it).
    void setModel(const QString &model);
    /// The connection (with its key when read) and model; parameters stay unset.
    ModelTarget target() const;
    /// Connection and model of a target (e.g. from a loaded session).
    void setTarget(const ModelTarget &target);
    /// True once the model list of the chosen connection has arrived.
    bool isReady() const;

    ModelPicker *modelPicker() const { return m_modelPicker; }
    QComboBox *connectionComboBox() const { return m_connectionComboBox; }
    /// Hides the connection box when there is only the sandbox (fewer controls for newcomers).
    void setCompact(bool compact);

Q_SIGNALS:
    void targetChanged();
    void readyChanged(bool ready);

private:
    void rebuildConnections();
    void loadModels();
    void onReady(const QString &connectionId);
    void onFailed(const QString &connectionId, const QString &message);

    PlaygroundConnections *m_connections;
    QComboBox *m_connectionComboBox;
    ModelPicker *m_modelPicker;
    QLabel *m_problemLabel;
    QString m_wantedModel; ///< chosen before the list arrived
    bool m_ready = false;
};

} // namespace fs::ui
