// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
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

    Kind kind() const;
    void setKind(Kind kind);
    QString preferredAnswer() const;
    void setPreferredAnswer(const QString &text);
    QPlainTextEdit *answerEdit() const { return m_answerEdit; }

private:
    QRadioButton *m_correctedRadio;
    QRadioButton *m_preferenceRadio;
    QPlainTextEdit *m_answerEdit;
};

} // namespace fs::ui
