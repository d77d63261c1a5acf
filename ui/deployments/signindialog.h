// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devicecodesignin.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fs::ui {

/**
 * @brief "Sign in with Microsoft" for Azure deployments: shows the code to type and the page to
 * type it into (Copy Code, Open Sign-in Page), waits while the person signs in in the browser,
 * and ends with a clear sentence: signed in (accept()), the code ran out, declined, cancelled or
 * failed (Try Again). Shows and forwards; the sign-in is DeviceCodeSignIn's.
 */
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    /// Starts signing in at once. `nam` is not owned.
    SignInDialog(QNetworkAccessManager *nam, const QUrl &loginRoot, const QString &tenant,
            const QString &connectionName, QWidget *parent = nullptr);

    fs::DeviceCodeSignIn *signIn() const { return m_signIn; }
    QLabel *codeLabel() const { return m_codeLabel; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QPushButton *copyButton() const { return m_copyButton; }
    QPushButton *openButton() const { return m_openButton; }
    QPushButton *retryButton() const { return m_retryButton; }

    /// Cancel, Close and Escape: the sign-in stops waiting (Cancelled) before the dialog closes.
    void reject() override;

Q_SIGNALS:
    void signedIn(const fs::AzureToken &token);

private:
    void update();
    void onFinished(fs::DeviceCodeSignIn::State state);
    void copyCode();
    void openPage();

    fs::DeviceCodeSignIn *m_signIn;
    QLabel *m_introLabel;
    QLabel *m_codeLabel;
    QLabel *m_urlLabel;
    QLabel *m_statusLabel;
    QProgressBar *m_progressBar;
    QDialogButtonBox *m_buttons;
    QPushButton *m_copyButton;
    QPushButton *m_openButton;
    QPushButton *m_retryButton;
    QPushButton *m_cancelButton;
};

} // namespace fs::ui
