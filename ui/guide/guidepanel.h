// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "firstfinetuneguide.h"

#include <QDockWidget>
#include <QWidget>

class QLabel;
class QTimer;
class QVBoxLayout;

namespace fs {
class AppSettings;
class ActiveConnection;
} // namespace fs

namespace fs::ui {

class DatasetArea;
class JobsArea;
class MainWindow;

/**
 * @brief "Your First Fine-tune": the checklist of FirstFineTuneGuide, read from the open
 * dataset, its checks and the job history, and ticked again shortly after each change.
 *
 * Every rule lives in core (GuideFacts, FirstFineTuneGuide); this panel only shows the steps.
 */
class GuidePanel : public QWidget
{
    Q_OBJECT
public:
    /// None of the pointers is owned; `jobs` and `active` may be null. `settings` (the price
    /// table) null: the application's settings.
    GuidePanel(DatasetArea *datasets, JobsArea *jobs, ActiveConnection *active,
            AppSettings *settings = nullptr, QWidget *parent = nullptr);

    /// The steps as shown now.
    QList<GuideStep> steps() const { return m_steps; }
    GuideStep step(GuideStep::Id id) const;
    /// "3 of 6 done"
    QString progressText() const;

public Q_SLOTS:
    /// Reads the facts and shows the steps now (normally shortly after a change).
    void refresh();

Q_SIGNALS:
    /// The steps were read again.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    void connectSources();
    QWidget *makeRow(const GuideStep &step);

    DatasetArea *m_datasets;
    JobsArea *m_jobs;
    ActiveConnection *m_active;
    AppSettings *m_settings;
    QTimer *m_timer;
    QLabel *m_progressLabel;
    QVBoxLayout *m_rowsLayout;
    QList<QWidget *> m_rows;
    QList<GuideStep> m_steps;
    bool m_stale = false; ///< a change came while hidden: read again when shown
};

/// The guide in a dock on the right of `window`, hidden until Help → "Guide: Your First
/// Fine-tune" (added to the window's Help menu) or the welcome's guide button shows it.
QDockWidget *installGuide(MainWindow *window, DatasetArea *datasets, JobsArea *jobs);

} // namespace fs::ui
