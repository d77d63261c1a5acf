// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QProcess>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fs::ui {

/**
 * @brief "Keep this model's behaviour": what to do before a fine-tuned model stops answering
 * (capture its answers, train a new model on them elsewhere, compare the two), and a way to
 * start the capture at once with `finetune-studio capture` on a prompts file — run in the
 * background, resumable, its output shown here. Opened from the retirement banner when no
 * guided flow is connected.
 */
class KeepBehaviourDialog : public QDialog
{
    Q_OBJECT
public:
    KeepBehaviourDialog(const QString &modelId, const QString &connectionName,
            const QString &retirementSentence, QWidget *parent = nullptr);
    ~KeepBehaviourDialog() override;

    QString modelId() const { return m_model; }
    /// The program run for the capture (default: this app's own binary).
    void setProgram(const QString &program);
    /// Sets the prompts file (and the answers file next to it, unless chosen).
    void setPromptsFile(const QString &path);
    QString answersFile() const;
    /// The command as a person could type it.
    QString commandLine() const;

    QLineEdit *promptsEdit() const { return m_prompts; }
    QLineEdit *answersEdit() const { return m_answers; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *copyButton() const { return m_copy; }
    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *commandView() const { return m_command; }

Q_SIGNALS:
    /// The capture ended well: the answers are in `path` (a chat dataset).
    void captured(const QString &path);

private:
    QStringList arguments() const;
    /// The prompts file with Choose…, and where the answers go.
    QFormLayout *buildFilesForm();
    /// The command line view, the status line and the buttons.
    QDialogButtonBox *buildCommandParts();
    void suggestAnswersFile(const QString &prompts);
    void choosePrompts();
    void update();
    void start();
    void finished(int exitCode, QProcess::ExitStatus status);
    void readOutput();

    QString m_model;
    QString m_connection;
    QString m_program;
    bool m_answersChosen = false;
    QLineEdit *m_prompts;
    QLineEdit *m_answers;
    QPlainTextEdit *m_command;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_start;
    QProcess *m_process = nullptr;
    QString m_lastLine;
};

} // namespace fs::ui
