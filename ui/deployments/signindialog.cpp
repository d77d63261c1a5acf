// SPDX-License-Identifier: GPL-3.0-or-later
#include "signindialog.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace fs::ui {

SignInDialog::SignInDialog(QNetworkAccessManager *nam, const QUrl &loginRoot, const QString &tenant,
        const QString &connectionName, QWidget *parent)
    : QDialog(parent)
    , m_signIn(new DeviceCodeSignIn(nam, loginRoot, tenant, this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign In with Microsoft"));
    m_introLabel = new QLabel(
            tr("<p>Deployments on Azure are made with your Microsoft account, not with the API "
               "key of “%1”. Sign in once: the app keeps the sign-in in the system keychain "
               "and renews it by itself.</p><p>Type this code on Microsoft’s sign-in page:</p>")
                    .arg(connectionName.toHtmlEscaped()),
            this);
    m_introLabel->setWordWrap(true);
    m_introLabel->setTextFormat(Qt::RichText);

    m_codeLabel = new QLabel(this);
    m_codeLabel->setObjectName(QStringLiteral("signInCodeLabel"));
    QFont big = m_codeLabel->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    big.setLetterSpacing(QFont::AbsoluteSpacing, 2);
    m_codeLabel->setFont(big);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codeLabel->setMinimumHeight(m_codeLabel->fontMetrics().height() + 16);

    m_urlLabel = new QLabel(this);
    m_urlLabel->setObjectName(QStringLiteral("signInUrlLabel"));
    m_urlLabel->setAlignment(Qt::AlignCenter);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_copyButton = new QPushButton(tr("&Copy Code"), this);
    m_copyButton->setObjectName(QStringLiteral("copyCodeButton"));
    m_openButton = new QPushButton(tr("&Open Sign-in Page"), this);
    m_openButton->setObjectName(QStringLiteral("openSignInPageButton"));
    m_openButton->setToolTip(tr("Copies the code and opens Microsoft’s sign-in page in your "
                                "browser"));
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_copyButton);
    actions->addWidget(m_openButton);
    actions->addStretch(1);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("signInStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 0);
    m_progressBar->setTextVisible(false);

    m_buttons = new QDialogButtonBox(this);
    m_retryButton = m_buttons->addButton(tr("&Try Again"), QDialogButtonBox::ActionRole);
    m_retryButton->setObjectName(QStringLiteral("retrySignInButton"));
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelSignInButton"));

    connect(m_copyButton, &QPushButton::clicked, this, &SignInDialog::copyCode);
    connect(m_openButton, &QPushButton::clicked, this, &SignInDialog::openPage);
    connect(m_retryButton, &QPushButton::clicked, m_signIn, &DeviceCodeSignIn::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_signIn, &DeviceCodeSignIn::stateChanged, this, &SignInDialog::update);
    connect(m_signIn, &DeviceCodeSignIn::finished, this, &SignInDialog::onFinished);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(m_codeLabel);
    layout->addWidget(m_urlLabel);
    layout->addLayout(actions);
    layout->addSpacing(8);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_progressBar);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(520, 400);

    update();
    m_signIn->start();
}

void SignInDialog::update()
{
    using State = DeviceCodeSignIn::State;
    const State state = m_signIn->state();
    const bool hasCode = state == State::WaitingForPerson;
    m_codeLabel->setText(hasCode ? m_signIn->userCode() : QStringLiteral("…"));
    m_urlLabel->setText(hasCode ? m_signIn->verificationUrl().toString() : QString());
    m_copyButton->setEnabled(hasCode);
    m_openButton->setEnabled(hasCode);
    m_statusLabel->setText(m_signIn->statusText());
    m_progressBar->setVisible(state == State::RequestingCode || state == State::WaitingForPerson);
    const bool ended = m_signIn->isFinished() && state != State::SignedIn;
    m_retryButton->setVisible(ended);
    m_cancelButton->setText(ended ? tr("Close") : tr("Cancel"));
}

void SignInDialog::onFinished(DeviceCodeSignIn::State state)
{
    update();
    if (state == DeviceCodeSignIn::State::SignedIn) {
        Q_EMIT signedIn(m_signIn->token());
        accept();
    }
}

void SignInDialog::reject()
{
    m_signIn->cancel();
    QDialog::reject();
}

void SignInDialog::copyCode()
{
    QGuiApplication::clipboard()->setText(m_signIn->userCode());
    m_copyButton->setText(tr("Copied"));
}

void SignInDialog::openPage()
{
    copyCode();
    QDesktopServices::openUrl(m_signIn->verificationUrl());
}

} // namespace fs::ui
