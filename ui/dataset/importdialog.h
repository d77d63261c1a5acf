// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datasetimport.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace fs::ui {

/**
 * @brief Makes chat examples from a spreadsheet-like file: which columns feed the system, user
 * and assistant messages, through templates such as "Summarize this:\n{dialogue}", with a
 * preview of the first rows and the problems of each row.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 8;
    /// A preview row shows at most this many lines of its text (the rest is cut off).
    static constexpr int kPreviewLines = 4;

    explicit ImportDialog(QWidget *parent = nullptr);

    /// Reads the file; false (with the reason shown to the person by the caller) when unreadable.
    bool load(const QString &path, DatasetError *error);
    const TabularData &data() const { return m_data; }
    ImportMapping mapping() const;
    void setMapping(const ImportMapping &mapping);
    /// Every row converted with the current mapping (rows with problems are left out).
    ImportResult result() const;

private:
    /// The column to insert and the three message templates.
    QFormLayout *buildTemplateForm();
    void buildPreviewTable();
    void updatePreview();
    void insertColumn(QPlainTextEdit *edit);

    QString m_path;
    TabularData m_data;
    QLabel *m_fileLabel;
    QComboBox *m_columnComboBox;
    QPlainTextEdit *m_systemEdit;
    QPlainTextEdit *m_userEdit;
    QPlainTextEdit *m_assistantEdit;
    QPlainTextEdit *m_lastFocused = nullptr;
    QTableWidget *m_previewTableWidget;
    QLabel *m_summaryLabel;
    QPushButton *m_importButton;
};

} // namespace fs::ui
