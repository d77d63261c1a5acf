// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace fs::ui {

/**
 * @brief Turns a lost comparison into training data: the better answer (editable) as a
 * corrected example, or the better and the worse answer as a preference (DPO) pair.
 */
class TrainingExampleDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Corrected, Preference };

    TrainingExampleDialog(const QString &prompt, const QString &preferred,
            const QString &nonPreferred, QWidget *parent = nullptr);
    /// For a round where both answers were bad: the person writes the answer the model should
    /// have given, which becomes a corrected example. The two bad answers are shown for
    /// reference; the answer box starts empty.
    static TrainingExampleDialog *forWrittenAnswer(const QString &prompt, const QString &answerA,
            const QString &answerB, QWidget *parent = nullptr);
    /// True for a dialog made by forWrittenAnswer().
    bool isWrittenAnswer() const { return m_written; }

    Kind kind() const;
    void setKind(Kind kind);
    QString preferredAnswer() const;
    void setPreferredAnswer(const QString &text);
    QPlainTextEdit *answerEdit() const { return m_answerEdit; }

private:
    void updateOk();

    QLabel *m_introLabel;
    QLabel *m_answerLabel;
    QLabel *m_worseLabel;
    QPushButton *m_okButton;
    bool m_written = false;
    QRadioButton *m_correctedRadio;
    QRadioButton *m_preferenceRadio;
    QPlainTextEdit *m_answerEdit;
};

} // namespace fs::ui
