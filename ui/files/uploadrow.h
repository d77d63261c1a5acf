// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace fs {
class UploadTask;
} // namespace fs

namespace fs::ui {

/**
 * @brief One upload in the Files area's progress panel: name, phase, bar, bytes of total, speed,
 * time left, parts; the pre-flight findings; Upload anyway / Resume / Cancel / Dismiss.
 */
class UploadRow : public QFrame
{
    Q_OBJECT
public:
    explicit UploadRow(UploadTask *task, QWidget *parent = nullptr);

    UploadTask *task() const { return m_task; }
    /// The detail line ("3.2 MB of 10 MB · 1.1 MB/s · about 6 s left · part 1 of 2").
    QString detailText() const;

Q_SIGNALS:
    /// The person closed a finished row.
    void dismissed();

private:
    void refreshRow();
    void updateProgress();
    void fillFindings();

    QPointer<UploadTask> m_task;
    QLabel *m_nameLabel;
    QLabel *m_stageLabel;
    QProgressBar *m_progressBar;
    QLabel *m_detailLabel;
    QLabel *m_warningLabel;
    QToolButton *m_findingsToggle;
    QListWidget *m_findingsList;
    QPushButton *m_uploadAnywayButton;
    QPushButton *m_skipCheckButton;
    QPushButton *m_resumeButton;
    QPushButton *m_cancelButton;
    QPushButton *m_dismissButton;
    bool m_findingsFilled = false;
};

} // namespace fs::ui
