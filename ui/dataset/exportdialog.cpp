// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "datasetdocument.h"
#include "datasetexport.h"
#include "filedialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fs::ui {

ExportSplitDialog::ExportSplitDialog(
        DatasetDocument *document, const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("exportSplitDialog"));
    setWindowTitle(tr("Export Training and Validation Files"));
    auto *intro = new QLabel(tr("The validation examples are kept out of training, so the service "
                                "can measure how well the model does on examples it has not seen."),
            this);
    intro->setWordWrap(true);
    m_percentSpinBox = new QSpinBox(this);
    m_percentSpinBox->setObjectName(QStringLiteral("percentSpinBox"));
    m_percentSpinBox->setRange(1, 90);
    m_percentSpinBox->setValue(20);
    m_percentSpinBox->setSuffix(QStringLiteral(" %"));
    m_seedSpinBox = new QSpinBox(this);
    m_seedSpinBox->setObjectName(QStringLiteral("seedSpinBox"));
    m_seedSpinBox->setRange(0, 999999);
    m_seedSpinBox->setValue(42);
    m_seedSpinBox->setToolTip(tr("The same number always gives the same split"));
    m_trainingLineEdit = new QLineEdit(this);
    m_trainingLineEdit->setObjectName(QStringLiteral("trainingLineEdit"));
    m_validationLineEdit = new QLineEdit(this);
    m_validationLineEdit->setObjectName(QStringLiteral("validationLineEdit"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("splitCountLabel"));
    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("splitWarningLabel"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setStyleSheet(QStringLiteral("color: #b05a00;"));

    const QFileInfo info(m_document && !m_document->filePath().startsWith(QLatin1Char(':'))
                            && !m_document->filePath().isEmpty()
                    ? m_document->filePath()
                    : QDir(folder.isEmpty() ? QDir::homePath() : folder)
                              .filePath(QStringLiteral("dataset.jsonl")));
    const QString stem = info.dir().filePath(info.completeBaseName());
    setPaths(stem + QStringLiteral("-training.jsonl"), stem + QStringLiteral("-validation.jsonl"));

    auto pathRow = [this](QLineEdit *edit) {
        auto *row = new QHBoxLayout;
        auto *browse = new QPushButton(tr("Choose…"), this);
        connect(browse, &QPushButton::clicked, this, [this, edit] {
            const QString path = FileDialog::getSaveFileName(this, edit->objectName(),
                    tr("Save As"), edit->text(), tr("Training files (*.jsonl)"));
            if (!path.isEmpty())
                edit->setText(path);
        });
        row->addWidget(edit, 1);
        row->addWidget(browse);
        return row;
    };
    auto *form = new QFormLayout;
    form->addRow(tr("Share for validation:"), m_percentSpinBox);
    form->addRow(tr("Shuffle number:"), m_seedSpinBox);
    form->addRow(tr("Training file:"), pathRow(m_trainingLineEdit));
    form->addRow(tr("Validation file:"), pathRow(m_validationLineEdit));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("exportPushButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(buttons);
    connect(m_percentSpinBox, &QSpinBox::valueChanged, this, &ExportSplitDialog::updateCounts);
    updateCounts();
    resize(560, height());
}

double ExportSplitDialog::validationRatio() const
{
    return m_percentSpinBox->value() / 100.0;
}

quint32 ExportSplitDialog::seed() const
{
    return quint32(m_seedSpinBox->value());
}

QString ExportSplitDialog::trainingPath() const
{
    return m_trainingLineEdit->text();
}

QString ExportSplitDialog::validationPath() const
{
    return m_validationLineEdit->text();
}

void ExportSplitDialog::setPaths(const QString &training, const QString &validation)
{
    m_trainingLineEdit->setText(training);
    m_validationLineEdit->setText(validation);
}

void ExportSplitDialog::updateCounts()
{
    const int count = m_document ? m_document->count() : 0;
    const DatasetSplit split = DatasetSplit::make(count, validationRatio(), seed());
    m_countLabel->setText(tr("%1 examples for training, %2 for validation.")
                                  .arg(split.training.size())
                                  .arg(split.validation.size()));
    m_warningLabel->setVisible(split.hasTooFewForTraining());
    m_warningLabel->setText(
            tr("The fine-tuning service refuses a training file with fewer than %1 examples. "
               "Add examples, or keep fewer of them for validation.")
                    .arg(DatasetSplit::minimumTrainingExamples()));
}

DatasetError ExportSplitDialog::exportNow()
{
    if (!m_document)
        return {};
    const DatasetSplit split = DatasetSplit::make(m_document->count(), validationRatio(), seed());
    return DatasetExporter::exportSplit(*m_document, split, trainingPath(), validationPath());
}

} // namespace fs::ui
