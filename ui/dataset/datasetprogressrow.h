// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace fs {
class DatasetDocument;
class LintRunner;
} // namespace fs

namespace fs::ui {

/**
 * @brief The row under the Datasets area's lists that shows what runs in the background:
 * opening the file (bytes read, Stop), checking the examples and counting tokens (Stop), or a
 * task that can't be stopped halfway — saving, a change to many examples — without a known
 * length (beginBusy()/endBusy()). Hidden when nothing runs.
 */
class DatasetProgressRow : public QWidget
{
    Q_OBJECT
public:
    DatasetProgressRow(DatasetDocument *document, LintRunner *runner, QWidget *parent = nullptr);

    /// A file starts opening (before its first progress report).
    void showOpening();
    /// Opening ended: the row stays for the check that follows, if it runs.
    void onLoadFinished();
    /// Shows a task without a known length; endBusy() gives the row back to loading and
    /// checking once the document has no save or bulk change running.
    void beginBusy(const QString &text);
    void endBusy();
    bool isBusy() const { return m_busy; }

private:
    void onLoadProgress(qint64 done, qint64 total);
    void onLintStarted(int total);
    void onLintProgress(int done, int total);
    void onLintFinished();
    void stop();

    DatasetDocument *m_document;
    LintRunner *m_runner;
    bool m_busy = false;
    QProgressBar *m_progressBar;
    QLabel *m_label;
    QPushButton *m_cancelButton;
};

} // namespace fs::ui
