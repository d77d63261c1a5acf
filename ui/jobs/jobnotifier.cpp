// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobnotifier.h"

#include "deploymentplan.h"
#include "jobtexts.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace fs::ui {

JobNotifier::JobNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
}

JobNotifier::~JobNotifier() = default;

bool JobNotifier::usesSystemTray() const
{
    return m_trayAllowed && QSystemTrayIcon::isSystemTrayAvailable()
            && QSystemTrayIcon::supportsMessages();
}

QString JobNotifier::titleFor(const fs::FineTuningJob &job)
{
    switch (job.status) {
    case fs::FineTuningJob::Status::Succeeded:
        return tr("Training finished");
    case fs::FineTuningJob::Status::Failed:
        return tr("Training failed");
    case fs::FineTuningJob::Status::Cancelled:
        return tr("Training cancelled");
    default:
        return {};
    }
}

QString JobNotifier::textFor(const fs::FineTuningJob &job, fs::ProviderKind provider)
{
    switch (job.status) {
    case fs::FineTuningJob::Status::Succeeded:
        if (job.fineTunedModel.isEmpty())
            return tr("Job %1 finished.").arg(job.id);
        if (fs::needsDeployment(provider, job.fineTunedModel))
            return tr("Your model %1 is ready. To try it, deploy it first: press “Deploy to Try "
                      "It…”. It is billed while it runs.")
                    .arg(job.fineTunedModel);
        return tr("Your model %1 is ready. Try it in the Playground.").arg(job.fineTunedModel);
    case fs::FineTuningJob::Status::Failed: {
        const QString why = job.error ? fs::JobTexts::errorText(job.error->code, job.error->message)
                                      : QString();
        return why.isEmpty() ? tr("Job %1 stopped with an error.").arg(job.id)
                             : tr("Job %1 stopped: %2").arg(job.id, why);
    }
    case fs::FineTuningJob::Status::Cancelled:
        return tr("Job %1 was cancelled.").arg(job.id);
    default:
        return {};
    }
}

void JobNotifier::notifyJobEnded(const fs::FineTuningJob &job, fs::ProviderKind provider)
{
    if (!job.isTerminal())
        return;
    m_lastTitle = titleFor(job);
    m_lastText = textFor(job, provider);
    m_lastJobId = job.id;
    ++m_count;
    if (usesSystemTray()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(this);
            m_tray->setIcon(m_window ? m_window->window()->windowIcon() : qApp->windowIcon());
            m_tray->setToolTip(QApplication::applicationDisplayName());
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
                if (m_window) {
                    QWidget *top = m_window->window();
                    top->show();
                    top->raise();
                    top->activateWindow();
                }
                Q_EMIT activated(m_lastJobId);
            });
        }
        m_tray->show();
        const auto icon = job.status == fs::FineTuningJob::Status::Succeeded
                ? QSystemTrayIcon::Information
                : job.status == fs::FineTuningJob::Status::Failed ? QSystemTrayIcon::Critical
                                                                  : QSystemTrayIcon::Warning;
        m_tray->showMessage(m_lastTitle, m_lastText, icon, 15000);
    } else if (m_window) {
        // No desktop notifications: at least make the task bar entry ask for attention.
        QApplication::alert(m_window->window());
    }
    Q_EMIT noticeRequested(job.id, m_lastTitle, m_lastText, job.status);
}

} // namespace fs::ui
