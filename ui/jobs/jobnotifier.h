// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "providerkind.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace fs::ui {

/**
 * @brief Tells the person when a job succeeded, failed or was cancelled: a desktop notification
 * through the system tray when there is one (it also reaches a hidden window), and always an
 * in-window notice (noticeRequested) that stays until it is dismissed.
 */
class JobNotifier : public QObject
{
    Q_OBJECT
public:
    /// `window` is raised when the person clicks the desktop notification.
    explicit JobNotifier(QWidget *window, QObject *parent = nullptr);
    ~JobNotifier() override;

    /// Whether notifications go to the desktop (a system tray is available).
    bool usesSystemTray() const;
    /// Tests: pretend there is no system tray.
    void setSystemTrayAllowed(bool allowed) { m_trayAllowed = allowed; }

    /// The title and text a job ending gives ("Training finished", "Your model … is ready.").
    static QString titleFor(const fs::FineTuningJob &job);
    /// On a service where a fine-tuned model must be deployed first (Together AI), the text
    /// says so instead of sending the person to the Playground, where it would not answer.
    static QString textFor(
            const fs::FineTuningJob &job, fs::ProviderKind provider = fs::ProviderKind::OpenAI);

    QString lastTitle() const { return m_lastTitle; }
    QString lastText() const { return m_lastText; }
    int count() const { return m_count; }

public Q_SLOTS:
    /// For a job that just reached a terminal status; other statuses are ignored.
    void notifyJobEnded(
            const fs::FineTuningJob &job, fs::ProviderKind provider = fs::ProviderKind::OpenAI);

Q_SIGNALS:
    /// Show this in the window (the area's notice bar).
    void noticeRequested(const QString &jobId, const QString &title, const QString &text,
            fs::FineTuningJob::Status status);
    /// The person clicked the desktop notification of this job.
    void activated(const QString &jobId);

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastTitle;
    QString m_lastText;
    QString m_lastJobId;
    int m_count = 0;
    bool m_trayAllowed = true;
};

} // namespace fs::ui
