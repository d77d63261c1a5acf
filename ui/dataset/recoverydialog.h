// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datasetrecovery.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace fs::ui {

/**
 * @brief Offers unsaved work left by a session that ended without saving (a crash).
 *
 * Shows what differs from the saved file in one plain sentence ("3 examples changed, 1 added"),
 * when it was autosaved, and on request the differing examples. Recover, Discard, or Not Now
 * (the work stays on disk and is offered again). Window-modal and non-blocking: decided() tells
 * the answer.
 */
class RecoveryDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Recover, Discard, Later };

    RecoveryDialog(const RecoveryFile &file, const RecoveryDiff &diff, QWidget *parent = nullptr);

    const RecoveryFile &file() const { return m_file; }
    /// The sentence about what differs and when it was kept.
    QString summaryText() const;

Q_SIGNALS:
    void decided(fs::ui::RecoveryDialog::Choice choice);

private:
    /// The list of differences (hidden) and the button that shows it.
    QPushButton *buildDifferences(const RecoveryDiff &diff);
    /// Recover, Discard, Not Now.
    QDialogButtonBox *buildButtons();
    void choose(Choice choice);

    RecoveryFile m_file;
    QLabel *m_summaryLabel;
    QListWidget *m_differencesListWidget;
    bool m_decided = false;
};

} // namespace fs::ui
