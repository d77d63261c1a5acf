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

namespace fs {
class DatasetDocument;
struct FindReplaceOptions;
} // namespace fs

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
    /// Applies the prompt to the document (one undo step); returns how many examples changed.
    int apply();

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
    /// Replaces everything that matches (one undo step) and shows the count; returns it.
    int replaceAll();

private:
    void updateCount();

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
};

} // namespace fs::ui
