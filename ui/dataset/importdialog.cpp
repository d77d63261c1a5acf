// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QPlainTextEdit *templateEdit(QWidget *parent, const QString &name, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    return edit;
}

QString brace(const QString &column)
{
    return QLatin1Char('{') + column + QLatin1Char('}');
}

} // namespace

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Examples"));
    m_fileLabel = new QLabel(this);
    m_fileLabel->setWordWrap(true);
    auto *help = new QLabel(tr("Each row of the file becomes one example. Write what each message "
                               "says; a column name in braces, like {question}, is replaced by "
                               "that row's value."),
            this);
    help->setWordWrap(true);
    QFormLayout *form = buildTemplateForm();
    buildPreviewTable();
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("importSummaryLabel"));
    m_summaryLabel->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_importButton = buttons->button(QDialogButtonBox::Ok);
    m_importButton->setObjectName(QStringLiteral("importPushButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fileLabel);
    layout->addWidget(help);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview of the first rows:"), this));
    layout->addWidget(m_previewTableWidget, 1);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(buttons);
    resize(760, 640);
}

QFormLayout *ImportDialog::buildTemplateForm()
{
    m_columnComboBox = new QComboBox(this);
    m_columnComboBox->setObjectName(QStringLiteral("columnComboBox"));
    auto *insertButton = new QPushButton(tr("Insert Column"), this);
    insertButton->setObjectName(QStringLiteral("insertColumnPushButton"));
    insertButton->setToolTip(tr("Puts the chosen column into the message you were writing"));
    connect(insertButton, &QPushButton::clicked, this,
            [this] { insertColumn(m_lastFocused ? m_lastFocused : m_userEdit); });

    m_systemEdit = templateEdit(this, QStringLiteral("systemTemplatePlainTextEdit"),
            tr("Optional: instructions for the model, the same for every example"));
    m_userEdit = templateEdit(this, QStringLiteral("userTemplatePlainTextEdit"),
            tr("What the user says, e.g. {question}"));
    m_assistantEdit = templateEdit(this, QStringLiteral("assistantTemplatePlainTextEdit"),
            tr("What the model should answer, e.g. {answer}"));
    for (QPlainTextEdit *edit : {m_systemEdit, m_userEdit, m_assistantEdit}) {
        connect(edit, &QPlainTextEdit::textChanged, this, &ImportDialog::updatePreview);
    }
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QPlainTextEdit *edit : {m_systemEdit, m_userEdit, m_assistantEdit}) {
            if (now == edit)
                m_lastFocused = edit;
        }
    });

    auto *columnRow = new QHBoxLayout;
    columnRow->addWidget(m_columnComboBox, 1);
    columnRow->addWidget(insertButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Columns:"), columnRow);
    form->addRow(tr("System message:"), m_systemEdit);
    form->addRow(tr("User message:"), m_userEdit);
    form->addRow(tr("Assistant answer:"), m_assistantEdit);
    return form;
}

void ImportDialog::buildPreviewTable()
{
    m_previewTableWidget = new QTableWidget(this);
    m_previewTableWidget->setObjectName(QStringLiteral("previewTableWidget"));
    m_previewTableWidget->setColumnCount(4);
    m_previewTableWidget->setHorizontalHeaderLabels(
            {tr("Row"), tr("System"), tr("User"), tr("Assistant")});
    m_previewTableWidget->verticalHeader()->hide();
    m_previewTableWidget->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_previewTableWidget->horizontalHeader()->setSectionResizeMode(
            0, QHeaderView::ResizeToContents);
    m_previewTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTableWidget->setWordWrap(true);
    // Each row as tall as its text at the columns' current width (measured again whenever the
    // width changes, so the first look is right too), but never more than a few lines.
    QHeaderView *rows = m_previewTableWidget->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::ResizeToContents);
    rows->setMaximumSectionSize(fontMetrics().lineSpacing() * kPreviewLines + 8);
}

bool ImportDialog::load(const QString &path, DatasetError *error)
{
    m_path = path;
    DatasetError readError;
    m_data = TabularReader::read(path, TabularReader::formatForPath(path), &readError);
    if (readError.isError()) {
        if (error)
            *error = readError;
        return false;
    }
    m_fileLabel->setText(
            tr("<b>%1</b>: rows: %2, columns: %3")
                    .arg(QFileInfo(path).fileName().toHtmlEscaped(),
                            QString::number(m_data.rows.size()),
                            m_data.columns.join(QStringLiteral(", ")).toHtmlEscaped()));
    m_columnComboBox->clear();
    for (const QString &column : std::as_const(m_data.columns))
        m_columnComboBox->addItem(column);
    // A reasonable start: the first column asks, the second answers.
    ImportMapping guess;
    if (!m_data.columns.isEmpty())
        guess.userTemplate = brace(m_data.columns.at(0));
    if (m_data.columns.size() > 1)
        guess.assistantTemplate = brace(m_data.columns.at(1));
    setMapping(guess);
    return true;
}

ImportMapping ImportDialog::mapping() const
{
    ImportMapping mapping;
    mapping.systemTemplate = m_systemEdit->toPlainText();
    mapping.userTemplate = m_userEdit->toPlainText();
    mapping.assistantTemplate = m_assistantEdit->toPlainText();
    return mapping;
}

void ImportDialog::setMapping(const ImportMapping &mapping)
{
    m_systemEdit->setPlainText(mapping.systemTemplate);
    m_userEdit->setPlainText(mapping.userTemplate);
    m_assistantEdit->setPlainText(mapping.assistantTemplate);
    updatePreview();
}

ImportResult ImportDialog::result() const
{
    return DatasetImporter::convert(m_data, mapping());
}

void ImportDialog::insertColumn(QPlainTextEdit *edit)
{
    if (m_columnComboBox->currentIndex() < 0)
        return;
    edit->insertPlainText(brace(m_columnComboBox->currentText()));
    edit->setFocus();
}

void ImportDialog::updatePreview()
{
    const ImportMapping current = mapping();
    const ImportResult preview = DatasetImporter::preview(m_data, current, kPreviewRows);
    const int rows = int(qMin<qsizetype>(kPreviewRows, m_data.rows.size()));
    m_previewTableWidget->setRowCount(rows);
    QHash<int, QString> errors;
    for (const ImportRowError &error : preview.errors)
        errors[error.row] +=
                (errors.contains(error.row) ? QStringLiteral("\n") : QString()) + error.message;
    for (int row = 0; row < rows; ++row) {
        // Counted as people count rows; where it is in the file (records may span several
        // lines) goes into the tooltip.
        auto *number = new QTableWidgetItem(QLocale().toString(row + 1));
        if (row < m_data.sourceLines.size())
            number->setToolTip(tr("Line %1 of the file").arg(m_data.sourceLines.at(row)));
        m_previewTableWidget->setItem(row, 0, number);
        if (errors.contains(row)) {
            auto *item = new QTableWidgetItem(errors.value(row));
            item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_previewTableWidget->setItem(row, 1, item);
            m_previewTableWidget->setSpan(row, 1, 1, 3);
            continue;
        }
        if (m_previewTableWidget->columnSpan(row, 1) > 1)
            m_previewTableWidget->setSpan(row, 1, 1, 1);
        const int at = int(preview.exampleRows.indexOf(row));
        const Example example = at >= 0 ? preview.examples.at(at) : Example();
        int column = 1;
        for (const char *role : {"system", "user", "assistant"}) {
            const QString text = example.firstText(QString::fromLatin1(role));
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text); // the whole text where a long one is cut off
            m_previewTableWidget->setItem(row, column++, item);
        }
    }

    // The whole file, so the count is right (converting is cheap next to reading it).
    const ImportResult all = result();
    QString summary = tr("Examples to add: %1.").arg(all.examples.size());
    if (!all.errors.isEmpty()) {
        summary +=
                QLatin1Char(' ') + tr("Rows with a problem, left out: %1.").arg(all.errors.size());
        summary += QLatin1Char(' ') + tr("First problem: %1").arg(all.errors.first().message);
    }
    m_summaryLabel->setText(summary);
    m_importButton->setEnabled(!all.examples.isEmpty());
    m_importButton->setText(tr("Import %1 Examples").arg(all.examples.size()));
}

} // namespace fs::ui
