// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;

namespace fs::ui {

/**
 * @brief The welcome a new user meets on the first start (and from Help → Welcome…): what the
 * app does in four steps, that it runs on the built-in practice service, and how to connect a
 * real one.
 */
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    /// `practiceService`: the built-in sandbox is the active connection; otherwise
    /// `connectionName` is the one in use.
    explicit WelcomeDialog(
            bool practiceService, const QString &connectionName, QWidget *parent = nullptr);

    /// The paragraph about where the user is (tests read it).
    QString whereText() const;

Q_SIGNALS:
    /// "Guide: Your First Fine-tune" was pressed (the dialog closes).
    void guideRequested();
    /// "Manage Connections…" was pressed (the dialog closes).
    void manageConnectionsRequested();

private:
    /// The four steps, numbered.
    QGridLayout *buildSteps();
    /// Where the person is: the practice service or a real one, and how to connect.
    QFrame *buildWhereFrame(bool practiceService, const QString &connectionName);
    QDialogButtonBox *buildButtons();

    QLabel *m_whereLabel = nullptr;
};

} // namespace fs::ui
