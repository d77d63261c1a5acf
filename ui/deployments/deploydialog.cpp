// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploydialog.h"

#include "deploymentmanager.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace fs::ui {

DeployDialog::DeployDialog(DeploymentManager *manager, const QString &model, QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_model(model)
{
    setObjectName(QStringLiteral("deployDialog"));
    setWindowTitle(tr("Deploy to Try It"));
    const QString service = Connection::kindDisplayName(manager->connection().kind);
    const bool fixedTypes = manager->client()->dialect().fixedHardware(model).has_value();
    m_introLabel = new QLabel(introText(service, fixedTypes), this);
    m_introLabel->setWordWrap(true);
    m_introLabel->setTextFormat(Qt::RichText);

    auto *hardwareHeading =
            new QLabel(fixedTypes ? tr("Deployment type:") : tr("Hardware to run it on:"), this);
    m_hardwareList = new QListWidget(this);
    m_hardwareList->setObjectName(QStringLiteral("hardwareList"));
    m_hardwareList->addItem(tr("Reading the hardware and prices from %1…").arg(service));
    m_hardwareList->setEnabled(false);
    hardwareHeading->setBuddy(m_hardwareList);
    m_priceNoteLabel = new QLabel(this);
    m_priceNoteLabel->setObjectName(QStringLiteral("priceNoteLabel"));
    m_priceNoteLabel->setWordWrap(true);
    m_priceNoteLabel->setTextFormat(Qt::RichText);
    m_priceNoteLabel->setOpenExternalLinks(true);
    m_priceNoteLabel->hide();
    buildStatusParts();
    buildButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(hardwareHeading);
    layout->addWidget(m_hardwareList, 1);
    layout->addWidget(m_priceNoteLabel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    resize(560, 460);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &DeployDialog::updateStatus);
    followManager();
    // Already on its way (the dialog was closed while it started): follow that one.
    const auto latest = manager->latestFor(model);
    if (latest && latest->isComingUp()) {
        m_starting = true;
        m_deploymentId = latest->deployment.id;
        m_timer->start();
    }
    manager->loadHardware(model);
    updateStatus();
}

QString DeployDialog::introText(const QString &service, bool fixedTypes) const
{
    if (fixedTypes) // Azure: deployment types instead of hardware, and a hosting fee or none
        return tr("<p><b>%1</b></p><p>On %2 a fine-tuned model answers only through a "
                  "deployment. <b>Developer</b> has no hosting fee (you pay for the tokens "
                  "only) and Azure removes it after 24 hours. <b>Standard</b> costs an hourly "
                  "hosting fee for as long as it exists — also while nobody chats with it — "
                  "until it is deleted.</p><p>The status bar shows it while it exists; the app "
                  "offers to delete it when you quit.</p>")
                .arg(m_model.toHtmlEscaped(), service.toHtmlEscaped());
    const int idle = m_manager->idleStopMinutes();
    QString intro = tr("<p><b>%1</b></p><p>On %2 a fine-tuned model answers only while it runs on "
                       "hardware of its own. It is billed by the minute while it runs — also while "
                       "nobody chats with it — until it is stopped.</p>")
                            .arg(m_model.toHtmlEscaped(), service.toHtmlEscaped());
    intro += idle > 0 ? tr("<p>It stops by itself after %1 without a chat (you are warned "
                           "first). The status bar shows it and its cost while it runs.</p>")
                                .arg(DeploymentManager::formatDuration(qint64(idle) * 60))
                      : tr("<p>It does not stop by itself (the idle stop is off in the "
                           "Deployments list). The status bar shows it and its cost while it "
                           "runs.</p>");
    return intro;
}

void DeployDialog::buildStatusParts()
{
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("deployStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 0); // busy: the service does not say how far it is
    m_progressBar->setTextVisible(false);
    m_progressBar->hide();
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("deployProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problemLabel->hide();
}

void DeployDialog::buildButtons()
{
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_startButton = m_buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("startDeploymentButton"));
    m_startButton->setEnabled(false);
    m_startButton->setDefault(true);
    connect(m_startButton, &QPushButton::clicked, this, &DeployDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_hardwareList, &QListWidget::currentRowChanged, this, &DeployDialog::updateButtons);
}

void DeployDialog::followManager()
{
    connect(m_manager, &DeploymentManager::hardwareLoaded, this,
            [this](const QString &forModel, const QList<HardwareOption> &hardware) {
                if (forModel == m_model)
                    showHardware(hardware);
            });
    connect(m_manager, &DeploymentManager::hardwareFailed, this,
            [this](const QString &forModel, const QString &problem) {
                if (forModel != m_model)
                    return;
                m_hardwareList->clear();
                showProblem(tr("The hardware list could not be read: %1").arg(problem));
            });
    connect(m_manager, &DeploymentManager::deployStarted, this,
            [this](const QString &forModel, const QString &id) {
                if (m_starting && m_deploymentId.isEmpty() && forModel == m_model) {
                    m_deploymentId = id;
                    updateStatus();
                }
            });
    connect(m_manager, &DeploymentManager::deploymentChanged, this, [this](const QString &id) {
        if (!m_deploymentId.isEmpty() && id == m_deploymentId)
            updateStatus();
    });
    connect(m_manager, &DeploymentManager::deployFailed, this,
            [this](const QString &forModel, const QString &problem) {
                if (forModel != m_model || !m_starting)
                    return;
                m_starting = false;
                showProblem(tr("%1 did not start it: %2")
                                    .arg(Connection::kindDisplayName(m_manager->connection().kind),
                                            problem));
                updateButtons();
            });
}

void DeployDialog::showHardware(const QList<HardwareOption> &hardware)
{
    m_hardware = hardware;
    m_hardwareList->clear();
    int first = -1;
    QUrl checkAt;
    for (int i = 0; i < hardware.size(); ++i) {
        const HardwareOption &option = hardware.at(i);
        QString text = option.name.isEmpty() ? option.id : option.name;
        const bool estimate = option.pricePerHour && option.priceIsEstimate;
        text += QStringLiteral(" — ")
                + (!option.pricePerHour ? tr("price not stated")
                                : estimate
                                ? tr("about $%1 per hour (estimate)")
                                          .arg(*option.pricePerHour, 0, 'f', 2)
                                : tr("$%1 per hour").arg(*option.pricePerHour, 0, 'f', 2));
        if (estimate && checkAt.isEmpty())
            checkAt = option.priceCheckUrl;
        const bool unavailable = option.availability == HardwareOption::Availability::Unavailable
                || option.availability == HardwareOption::Availability::Insufficient;
        if (unavailable)
            text += QStringLiteral(" — ") + tr("not available now");
        auto *item = new QListWidgetItem(text, m_hardwareList);
        item->setData(Qt::UserRole, option.id);
        item->setToolTip(option.id);
        if (unavailable)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        else if (first < 0)
            first = i;
    }
    // An estimate says so, and where the real price is: the person pays what the service bills.
    const QString service = m_manager ? m_manager->client()->dialect().serviceName() : QString();
    const QString link = QStringLiteral("<a href=\"%1\">%2</a>")
                                 .arg(checkAt.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                         checkAt.host().toHtmlEscaped());
    m_priceNoteLabel->setText(checkAt.isEmpty()
                    ? QString()
                    : tr("Prices marked “estimate” are the app's own figures: %1 does not tell "
                         "them to the app, and they can differ by model, region and date. Check "
                         "the real price on %2 before you start.")
                              .arg(service.toHtmlEscaped(), link));
    m_priceNoteLabel->setVisible(!checkAt.isEmpty());
    if (hardware.isEmpty())
        showProblem(tr("The service offers no hardware for this model."));
    m_hardwareList->setEnabled(!hardware.isEmpty());
    if (first >= 0)
        m_hardwareList->setCurrentRow(first);
    updateButtons();
}

void DeployDialog::start()
{
    const int row = m_hardwareList->currentRow();
    if (!m_manager || row < 0 || row >= m_hardware.size() || m_starting)
        return;
    m_starting = true;
    m_deploymentId.clear();
    m_problemLabel->hide();
    m_manager->deploy(m_model, m_hardware.at(row));
    m_timer->start();
    updateStatus();
    updateButtons();
}

void DeployDialog::showProblem(const QString &problem)
{
    m_problemLabel->setText(problem);
    m_problemLabel->show();
    m_progressBar->hide();
    m_timer->stop();
}

void DeployDialog::updateStatus()
{
    if (!m_manager)
        return;
    if (!m_starting) {
        const bool fixedTypes = m_manager->client()->dialect().fixedHardware(m_model).has_value();
        m_statusLabel->setText(fixedTypes
                        ? tr("Choose the deployment type, then Start. You can delete it at any "
                             "time from the Deployments list or the status bar.")
                        : tr("Choose the hardware, then Start. You can stop it at any time "
                             "from the Deployments list or the status bar."));
        return;
    }
    const auto tracked = m_deploymentId.isEmpty() ? std::optional<TrackedDeployment>()
                                                  : m_manager->deployment(m_deploymentId);
    if (!tracked) {
        m_statusLabel->setText(tr("Asking for the hardware…"));
        m_progressBar->show();
        return;
    }
    const QDateTime now = m_manager->now();
    const QString state = DeploymentManager::describeState(tracked->deployment.state);
    if (tracked->isComingUp()) {
        m_statusLabel->setText(
                tr("%1 — waited %2 so far. Starting takes a few minutes; you "
                   "may close this window, it keeps starting.")
                        .arg(state,
                                DeploymentManager::formatDuration(tracked->waitedSeconds(now))));
        m_progressBar->show();
    } else if (tracked->isRunning()) {
        m_statusLabel->setText(
                tr("Running, ready after %1. The Playground uses it now.")
                        .arg(DeploymentManager::formatDuration(tracked->waitedSeconds(now))));
        m_progressBar->hide();
        m_timer->stop();
        m_starting = false;
        Q_EMIT deploymentReady(m_model);
        accept();
        return;
    } else {
        m_statusLabel->setText(state);
        m_starting = false;
        if (!tracked->problem.isEmpty())
            showProblem(tracked->problem);
        m_progressBar->hide();
        m_timer->stop();
    }
    updateButtons();
}

void DeployDialog::updateButtons()
{
    m_startButton->setEnabled(!m_starting && m_hardwareList->isEnabled()
            && m_hardwareList->currentRow() >= 0
            && m_hardwareList->currentRow() < m_hardware.size());
    m_hardwareList->setEnabled(!m_starting && !m_hardware.isEmpty());
}

} // namespace fs::ui
