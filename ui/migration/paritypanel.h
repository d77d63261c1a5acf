// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modeltarget.h"

#include <QWidget>

#include <optional>

class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace fs {
class ParityCheck;
}

namespace fs::ui {

/**
 * @brief Runs a parity check (core's ParityCheck) and shows it: progress while the new model
 * answers, then a blind round (answers A and B, which model wrote which hidden; four buttons),
 * then the verdict and the report beside the dataset. Shared by the move wizard's last page and
 * the Playground's "Parity Check…".
 */
class ParityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ParityPanel(QNetworkAccessManager *nam, QWidget *parent = nullptr);
    ~ParityPanel() override;

    /// The held-out prompts (with the old answers as their last assistant turns, unless `old`
    /// is given: then the old model is asked first). Empty when fine, else why not.
    QString configure(const QString &promptsPath, const QString &oldName,
            const std::optional<ModelTarget> &old, const ModelTarget &newModel);

    ParityCheck *check() const { return m_check; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *reportButton() const { return m_reportButton; }
    QPushButton *voteButton(int vote) const; ///< fs::Vote: A, B, Tie, BothBad
    QLabel *statusLabel() const { return m_statusLabel; }
    QLabel *verdictLabel() const { return m_verdictLabel; }
    QString reportPath() const { return m_reportPath; }
    bool hasReport() const { return !m_reportPath.isEmpty(); }

Q_SIGNALS:
    /// The report was written (verdict: fs::ParityVerdict as int).
    void reportSaved(const QString &path, int verdict);

private:
    void run();
    void onFinished(bool cancelled);
    void showRound();
    void vote(int vote);
    void writeReport();

    ParityCheck *m_check;
    QPushButton *m_runButton;
    QPushButton *m_reportButton;
    QPushButton *m_openButton;
    QProgressBar *m_progress;
    QLabel *m_statusLabel;
    QWidget *m_blindBox;
    QLabel *m_roundLabel;
    QLabel *m_promptLabel;
    QPlainTextEdit *m_answerA;
    QPlainTextEdit *m_answerB;
    QList<QPushButton *> m_voteButtons;
    QLabel *m_verdictLabel;
    QString m_reportPath;
    int m_round = 0;
};

} // namespace fs::ui
