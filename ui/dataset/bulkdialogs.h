// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTimer;

#include "datasetdocument.h" // FindReplaceOptions

namespace fs::ui {

/// Sets the system message (the instructions) of every example or of the selected ones.
class SystemPromptDialog : public QDialog
{
    Q_OBJECT
public:
    SystemPromptDialog(
            DatasetDocument *document, const QList<int> &selectedRows, QWidget *parent = nullptr);

    QString prompt() const;
    bool onlySelected() const;
    /// Starts setting the prompt in the background (one undo step when it is done; the
    /// document's bulkFinished() tells how many examples changed). False: nothing started.
    bool apply();

private:
    QPointer<DatasetDocument> m_document;
    QList<int> m_selected;
    QPlainTextEdit *m_promptEdit;
    QRadioButton *m_allRadioButton;
    QRadioButton *m_selectedRadioButton;
};

/// Find and replace in the message texts, with a count before and after.
class FindReplaceDialog : public QDialog
{
    Q_OBJECT
public:
    FindReplaceDialog(
            DatasetDocument *document, const QList<int> &selectedRows, QWidget *parent = nullptr);

    FindReplaceOptions options() const;
    QList<int> rows() const;
    /// Starts replacing everything that matches in the background (one undo step); the count
    /// shows when it is done.
    void replaceAll();

Q_SIGNALS:
    void replaceStarted();

private:
    void updateCount();
    void countStep();
    void onBulkFinished(int count);

    QPointer<DatasetDocument> m_document;
    QList<int> m_selected;
    QLineEdit *m_findLineEdit;
    QLineEdit *m_replaceLineEdit;
    QCheckBox *m_caseCheckBox;
    QCheckBox *m_wordsCheckBox;
    QComboBox *m_roleComboBox;
    QCheckBox *m_selectedCheckBox;
    QLabel *m_countLabel;
    QPushButton *m_replaceButton;
    QTimer *m_countTimer;
    QTimer *m_countStepTimer;
    bool m_replacing = false;
    // The match count is made in slices (a 100,000-example dataset takes a few hundred ms).
    FindReplaceOptions m_countOptions;
    QList<int> m_countRows;
    qsizetype m_countNext = 0;
    qsizetype m_countChunk = 256;
    int m_countTotal = 0;
};

} // namespace fs::ui
