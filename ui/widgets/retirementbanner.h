// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "retirementwarnings.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace fs {
class AppSettings;
}

namespace fs::ui {

/// A hidden, word-wrapped note in the banner's quiet yellow, for the retirement sentence where a
/// model is shown (the job monitor, a Playground pane).
QLabel *retirementNoteLabel(const QString &objectName, QWidget *parent);

/**
 * @brief The start-up banner: a model in the job history stops answering soon. One line per
 * model (soonest first, at most kMaxRows; the rest counted), each with "Keep This Model's
 * Behaviour…" and "Remind Me Later" (remembered in the settings per model, core's
 * RetirementReminders). Hidden when nothing warns. Which models warn is core's
 * (RetirementWarnings); the banner only shows them and forwards the action.
 */
class RetirementBanner : public QFrame
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 3;

    /// `settings` (not owned; null: the app's settings) remembers "Remind Me Later".
    explicit RetirementBanner(AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~RetirementBanner() override;

    /// Shows the models of `models` that warn on `today` with `calendar`; hidden when none.
    void showFor(const QList<HistoryModel> &models, const RetirementCalendar &calendar,
            const QDate &today);
    /// The warnings shown now, soonest first.
    QList<RetirementWarning> warnings() const { return m_warnings; }

    /// The sentence of one row, e.g. "Your fine-tuned model “support-bot” (from gpt-4o-mini,
    /// connection “Work”) stops answering on 14 Jan 2027 — in 39 days."
    static QString rowText(const RetirementWarning &warning, const QDate &today);

    QLabel *rowLabel(int row) const;
    QPushButton *keepButton(int row) const;
    QPushButton *remindButton(int row) const;
    QLabel *moreLabel() const { return m_more; }

Q_SIGNALS:
    /// "Keep This Model's Behaviour…" for `modelId` of the connection named `connectionName`:
    /// the way to capture its answers (and move it) should open.
    void keepBehaviourRequested(const QString &modelId, const QString &connectionName);

private:
    void rebuild();
    void remindLater(int row);

    AppSettings *m_settings;
    QDate m_today;
    QList<RetirementWarning> m_warnings;
    QVBoxLayout *m_rows;
    QLabel *m_title;
    QLabel *m_more;
    QList<QWidget *> m_rowWidgets;
};

} // namespace fs::ui
