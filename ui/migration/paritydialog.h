// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fs::ui {

class ParityPanel;
class PlaygroundConnections;
class TargetSelector;

/**
 * @brief The Playground's "Parity Check…": is one model as good as another (a new fine-tune
 * against the old one, on any connections)? Prompts from a chat file (each example up to its
 * last assistant turn) go to the old model, then to the new one; each new answer is scored
 * against the old one, rated blind, and the report is written beside the file (ParityPanel).
 */
class ParityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ParityDialog(PlaygroundConnections *connections, QWidget *parent = nullptr);

    TargetSelector *oldSelector() const { return m_old; }
    TargetSelector *newSelector() const { return m_new; }
    QLineEdit *promptsEdit() const { return m_prompts; }
    QPushButton *prepareButton() const { return m_prepare; }
    ParityPanel *panel() const { return m_panel; }

private:
    void prepare();
    void updateReady();

    PlaygroundConnections *m_connections;
    TargetSelector *m_old;
    TargetSelector *m_new;
    QLineEdit *m_prompts;
    QPushButton *m_prepare;
    QLabel *m_problem;
    ParityPanel *m_panel;
};

} // namespace fs::ui
