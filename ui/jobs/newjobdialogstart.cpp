// SPDX-License-Identifier: GPL-3.0-or-later
// The New Job dialog's start: the request the form makes, its problems, whether it can start, and
// starting (uploading the open dataset first, then creating the job). The rest is in
// newjobdialog.cpp.
#include "newjobdialog.h"

#include "apiclient.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "example.h"
#include "providerclient.h"
#include "uploadqueue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>

namespace fs::ui {

fs::CreateJobRequest NewJobDialog::request() const
{
    fs::CreateJobRequest request;
    request.model = currentModel().id;
    const QString training = m_trainingComboBox->currentData().toString();
    request.trainingFile = training == openDatasetId() ? m_uploadedFileId : training;
    request.validationFile = m_validationComboBox->currentData().toString();
    request.suffix = m_suffixLineEdit->text().trimmed();
    if (m_seedCheckBox->isChecked())
        request.seed = m_seedSpinBox->value();
    request.methodType = currentMethod();
    request.settings.type = currentTrainingType();
    for (const HyperRow &h : m_hyper) {
        if (!h.rule.appliesTo(request.methodType, request.settings.type))
            continue;
        fs::Hyperparameter value;
        value.isAuto = h.rule.autoAllowed && h.autoCheckBox->isChecked();
        value.value = h.spinBox->value();
        fs::JobFormRules::setValue(&request, h.rule.name, value);
    }
    for (int row = 0; m_shape.metadata && row < m_metadataTable->rowCount(); ++row) {
        const QTableWidgetItem *key = m_metadataTable->item(row, 0);
        const QTableWidgetItem *value = m_metadataTable->item(row, 1);
        const QString k = key ? key->text().trimmed() : QString();
        if (!k.isEmpty())
            request.metadata.insert(k, value ? value->text() : QString());
    }
    return request;
}

QList<fs::FormProblem> NewJobDialog::problems() const
{
    fs::CreateJobRequest r = request();
    // The open dataset gets its file id on the way; it is not a problem before.
    if (m_trainingComboBox->currentData().toString() == openDatasetId() && r.trainingFile.isEmpty())
        r.trainingFile = QStringLiteral("file-pending-upload");
    QList<fs::FormProblem> problems =
            fs::JobFormRules::validate(r, m_shape.provider, m_limits ? &*m_limits : nullptr);
    if (!r.validationFile.isEmpty() && r.validationFile == r.trainingFile) {
        problems << fs::FormProblem {QStringLiteral("validation_file"),
                tr("The validation examples should be a different file from the training "
                   "examples, or none.")};
    }
    return problems;
}

void NewJobDialog::updateProblems()
{
    // Shown live once a first attempt was made or as soon as something is out of range; a
    // fresh form does not start with red text.
    const QList<fs::FormProblem> list = problems();
    QStringList lines;
    for (const fs::FormProblem &problem : list) {
        if (problem.field == QLatin1String("training_file") && !m_filesLoaded)
            continue;
        lines << QStringLiteral("• ") + problem.message;
    }
    m_problemsLabel->setText(lines.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!lines.isEmpty());
    if (m_shape.servicePricesJob) {
        const bool uploadFirst = m_trainingComboBox->currentData().toString() == openDatasetId()
                && m_uploadedFileId.isEmpty();
        m_startButton->setText(
                uploadFirst ? tr("Upload and show the price") : tr("Start training"));
    }
    m_startButton->setEnabled(canStart());
}

bool NewJobDialog::canStart() const
{
    if (m_busy)
        return false;
    if (!m_shape.servicePricesJob)
        return true;
    // The open dataset is uploaded first; its price is shown before training can start.
    if (m_trainingComboBox->currentData().toString() == openDatasetId()
            && m_uploadedFileId.isEmpty())
        return true;
    return m_estimate && m_estimate->allowed && !m_estimateKey.isEmpty()
            && m_estimateKey == estimateKey();
}

QWidget *NewJobDialog::widgetForField(const QString &field) const
{
    if (field == QLatin1String("model"))
        return m_modelComboBox;
    if (field == QLatin1String("training_file"))
        return m_trainingComboBox;
    if (field == QLatin1String("validation_file"))
        return m_validationComboBox;
    if (field == QLatin1String("suffix"))
        return m_suffixLineEdit;
    if (field == QLatin1String("seed"))
        return m_seedSpinBox;
    if (field == QLatin1String("metadata"))
        return m_metadataTable;
    if (field == QLatin1String("training_type"))
        return m_loraRadioButton;
    for (const HyperRow &h : m_hyper) {
        if (h.rule.key == field)
            return h.spinBox;
    }
    return nullptr;
}

QString NewJobDialog::refusalText() const
{
    return m_refusalLabel->isHidden() ? QString() : m_refusalLabel->text();
}

void NewJobDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_startButton->setEnabled(!busy && canStart());
    m_buttons->button(QDialogButtonBox::Cancel)->setText(busy ? tr("Stop") : tr("Cancel"));
    m_progressLabel->setText(text);
    m_progressLabel->setVisible(busy);
    m_progressBar->setVisible(busy);
    if (busy) {
        m_progressBar->setRange(0, 0);
        m_refusalLabel->hide();
    }
}

void NewJobDialog::showRefusal(const QString &message, const QString &field)
{
    setBusy(false);
    m_refusalLabel->setText(message);
    m_refusalLabel->show();
    if (QWidget *widget = widgetForField(field))
        widget->setFocus();
    Q_EMIT failed(message);
}

void NewJobDialog::accept()
{
    start();
}

void NewJobDialog::reject()
{
    if (m_busy) {
        if (m_task && m_task->isActive())
            m_task->cancel();
        if (m_reply)
            m_reply->abort();
        setBusy(false);
        return;
    }
    QDialog::reject();
}

void NewJobDialog::start()
{
    if (m_busy || !m_provider || !canStart())
        return;
    m_refusalLabel->hide();
    updateProblems();
    const QList<fs::FormProblem> list = problems();
    if (!list.isEmpty()) {
        if (QWidget *widget = widgetForField(list.first().field))
            widget->setFocus();
        return;
    }
    if (m_trainingComboBox->currentData().toString() == openDatasetId())
        uploadDataset();
    else
        createJob(m_trainingComboBox->currentData().toString());
}

void NewJobDialog::setUploadQueue(fs::UploadQueue *queue)
{
    m_queue = queue;
}

void NewJobDialog::uploadDataset()
{
    const fs::DatasetDocument *document = m_datasets ? m_datasets->document() : nullptr;
    if (!document) {
        showRefusal(tr("The dataset was closed. Choose a file on the service instead."),
                QStringLiteral("training_file"));
        return;
    }
    const QByteArray bytes = document->toBytes();
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    if (hash == m_uploadedHash && !m_uploadedFileId.isEmpty()) {
        createJob(m_uploadedFileId); // already sent, unchanged since
        return;
    }
    QString name = document->filePath().isEmpty() ? QStringLiteral("dataset.jsonl")
                                                  : document->displayName();
    if (!name.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive))
        name += QStringLiteral(".jsonl");
    if (!m_queue)
        m_queue = new fs::UploadQueue(new QNetworkAccessManager(this), this);
    fs::UploadSettings settings;
    settings.options = m_uploadOptions;
    settings.preflight = false; // the open dataset: its problems are shown in Datasets
    // The task goes to the dialog's service; the queue's next tasks still go where they did.
    const fs::Connection previous = m_queue->connection();
    m_queue->setConnection(m_client->connection());
    fs::UploadTask *task = m_queue->addData(name, bytes, settings);
    m_queue->setConnection(previous);
    m_task = task;
    setBusy(true, tr("Uploading %1…").arg(name));
    connect(task, &fs::UploadTask::progressChanged, this,
            [this, name](const fs::UploadProgress &progress) {
                const QLocale locale;
                switch (progress.phase) {
                case fs::UploadProgress::Phase::Preparing:
                case fs::UploadProgress::Phase::Completing:
                    m_progressBar->setRange(0, 0);
                    break;
                case fs::UploadProgress::Phase::Sending:
                    m_progressBar->setRange(0, 1000);
                    m_progressBar->setValue(progress.totalBytes > 0
                                    ? int(1000 * progress.sentBytes / progress.totalBytes)
                                    : 0);
                    m_progressLabel->setText(
                            tr("Uploading %1: %2 of %3")
                                    .arg(name, locale.formattedDataSize(progress.sentBytes),
                                            locale.formattedDataSize(progress.totalBytes)));
                    break;
                case fs::UploadProgress::Phase::Processing:
                    m_progressBar->setRange(0, 0);
                    m_progressLabel->setText(tr("The service is checking %1…").arg(name));
                    break;
                case fs::UploadProgress::Phase::Finished:
                    break;
                }
            });
    connect(task, &fs::UploadTask::finished, this, [this, task, hash] {
        switch (task->stage()) {
        case fs::UploadTask::Stage::Done:
            m_uploadedHash = hash;
            m_uploadedFileId = task->file().id;
            if (m_shape.servicePricesJob) {
                // The price of the uploaded file is shown before training can start.
                setBusy(false);
                onSettingChanged();
                break;
            }
            createJob(m_uploadedFileId);
            break;
        case fs::UploadTask::Stage::Cancelled:
            setBusy(false);
            break;
        default:
            showRefusal(tr("The open dataset could not be uploaded: %1").arg(task->errorMessage()),
                    QStringLiteral("training_file"));
            break;
        }
    });
}

void NewJobDialog::createJob(const QString &trainingFileId)
{
    fs::CreateJobRequest r = request();
    r.trainingFile = trainingFileId;
    setBusy(true, tr("Asking the service to start training…"));
    m_reply = m_provider->createJob(r, [this](const fs::ProviderResult<fs::FineTuningJob> &result) {
        if (result.ok()) {
            setBusy(false);
            Q_EMIT jobCreated(*result.value);
            QDialog::accept();
            return;
        }
        if (result.error.kind == fs::ApiError::Kind::Cancelled) {
            setBusy(false);
            return;
        }
        showRefusal(fs::JobFormRules::refusalMessage(result.error),
                fs::JobFormRules::refusalField(result.error));
    });
}

} // namespace fs::ui
