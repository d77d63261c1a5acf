// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace fs::ui {

/// A plain-text editor as tall as its text (within limits), so a message card shows the whole
/// message without an inner scroll bar; the conversation itself scrolls.
class AutoGrowingTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit AutoGrowingTextEdit(QWidget *parent = nullptr);

    void setMinimumLines(int lines);
    void setMaximumLines(int lines);
    /// Replaces the text without emitting textEdited() (for updates that come from the model).
    void setTextSilently(const QString &text);

Q_SIGNALS:
    /// The person changed the text (not setTextSilently()).
    void textEdited(const QString &text);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateHeight();

    int m_minimumLines = 1;
    int m_maximumLines = 30;
    bool m_silent = false;
};

} // namespace fs::ui
