// SPDX-License-Identifier: GPL-3.0-or-later
// The New Job dialog's cost: the estimated price (counted here, or asked of the service), the
// tokens of the training file, and the epochs the service would choose. The rest is in
// newjobdialog.cpp.
#include "newjobdialog.h"

#include "apiclient.h"
#include "costestimate.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"
#include "example.h"
#include "providerclient.h"
#include "tokenizer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace fs::ui {

namespace {

/// Files above this size are not downloaded just to count their tokens.
constexpr qint64 kMaxCountedFileBytes = 64LL * 1024 * 1024;

} // namespace

std::optional<fs::PriceEstimate> NewJobDialog::priceEstimate() const
{
    if (m_estimate && m_estimateKey == estimateKey())
        return m_estimate;
    return std::nullopt;
}

void NewJobDialog::updateCost()
{
    if (!m_costLabel)
        return;
    if (m_shape.servicePricesJob) {
        updateServiceEstimate();
        return;
    }
    const fs::CreateJobRequest r = request();
    const int epochs = r.hyperparameters.nEpochs.isAuto ? 0 : int(r.hyperparameters.nEpochs.value);
    const QString training = m_trainingComboBox->currentData().toString();
    const TrainingTokens counted = trainingTokens(training);

    // The number of examples is known before their tokens are (the open dataset): the epochs
    // "Automatic" stands for can show at once.
    qint64 examples = counted.known ? counted.tokens.size() : -1;
    if (training == openDatasetId() && m_datasets && m_datasets->document())
        examples = m_datasets->document()->count();
    showAutomaticEpochs(examples);

    m_costLabel->setText(costText(training, counted, epochs));
}

NewJobDialog::TrainingTokens NewJobDialog::trainingTokens(const QString &training)
{
    QList<qint32> tokens;
    bool known = false;
    QString unknownReason;
    if (training == openDatasetId()) {
        const fs::DatasetDocument *document = m_datasets ? m_datasets->document() : nullptr;
        if (document) {
            tokens.reserve(document->count());
            int uncounted = 0;
            for (int row = 0; row < document->count(); ++row) {
                const qint32 t = document->summary(row).tokens;
                tokens << t;
                uncounted += t < 0 ? 1 : 0;
            }
            known = uncounted == 0;
            if (!known)
                unknownReason = tr("The open dataset's tokens are still being counted.");
        }
    } else if (!training.isEmpty()) {
        if (m_fileTokens.contains(training)) {
            tokens = m_fileTokens.value(training);
            known = true;
        } else if (m_countingFileId == training) {
            unknownReason = tr("Counting the tokens of %1…").arg(training);
        } else if (!m_countProblem.isEmpty()) {
            unknownReason = m_countProblem;
        } else {
            countFileTokens(training);
            unknownReason = tr("Counting the tokens of %1…").arg(training);
        }
    }
    return {tokens, known, unknownReason};
}

QString NewJobDialog::costText(
        const QString &training, const TrainingTokens &counted, int epochs) const
{
    const fs::BaseModelInfo model = currentModel();
    const QLocale locale;
    QString text;
    if (model.id.isEmpty()) {
        text = tr("Choose a base model to see the estimated cost.");
    } else if (training.isEmpty()) {
        text = tr("Choose the training examples to see the estimated cost.");
    } else if (!counted.known) {
        text = tr("Estimated cost: not known yet. %1").arg(counted.unknownReason);
    } else {
        const fs::CostEstimate estimate = fs::CostEstimate::compute(
                counted.tokens, model.id, model.trainingUsdPerMillion, epochs);
        const QString billed =
                tr("%1 examples × %2 epochs: %3 tokens billed")
                        .arg(locale.toString(estimate.examples), locale.toString(estimate.epochs),
                                locale.toString(estimate.billedTokens));
        if (estimate.hasCost()) {
            text = tr("<b>Estimated cost: %1</b> (%2 at %3 per million tokens). The service "
                      "bills what it actually trains; this is an estimate.")
                           .arg(fs::formatCostUsd(estimate.costUsd, locale), billed,
                                   fs::formatCostUsd(estimate.usdPerMillion, locale));
        } else {
            text = tr("<b>Estimated cost: unknown</b>: the price of %1 is not in the price "
                      "table (%2).")
                           .arg(model.id, billed);
        }
        if (epochs == 0)
            text += QLatin1Char(' ')
                    + tr("With automatic epochs the service may choose differently.");
    }
    return text;
}

QByteArray NewJobDialog::estimateKey() const
{
    if (!m_provider)
        return {};
    const fs::CreateJobRequest r = request();
    if (r.trainingFile.isEmpty() || r.model.isEmpty())
        return {};
    const fs::Expected<fs::HttpCall> call = m_provider->dialect().estimatePrice(r);
    return call.ok() ? call.value().path.toUtf8() + '\n' + call.value().body : QByteArray();
}

void NewJobDialog::updateServiceEstimate()
{
    const QByteArray key = estimateKey();
    const bool asked = !m_estimateKey.isEmpty() && key == m_estimateKey;
    m_estimateAgainButton->setVisible(asked && !m_estimateProblem.isEmpty() && !m_busy);
    if (asked && m_estimate) {
        m_costLabel->setText(fs::JobFormRules::priceEstimateText(*m_estimate, m_shape.serviceName));
        return;
    }
    if (asked && !m_estimateProblem.isEmpty()) {
        m_costLabel->setText(m_estimateProblem.toHtmlEscaped());
        return;
    }
    if (asked && m_estimateReply) {
        m_costLabel->setText(tr("Asking %1 for the price…").arg(m_shape.serviceName));
        return;
    }
    // The form changed since the last estimate: it no longer applies.
    m_estimate.reset();
    m_estimateProblem.clear();
    m_estimateKey.clear();
    if (m_estimateReply)
        m_estimateReply->abort();
    m_estimateTimer->stop();

    const fs::CreateJobRequest r = request();
    const QString training = m_trainingComboBox->currentData().toString();
    if (r.model.isEmpty()) {
        m_costLabel->setText(tr("Choose a base model to see the price."));
    } else if (training == openDatasetId() && m_uploadedFileId.isEmpty()) {
        m_costLabel->setText(tr("%1 states the price once the open dataset is uploaded: "
                                "“Upload and show the price” sends it, then shows the price; "
                                "training starts only when you press Start.")
                                     .arg(m_shape.serviceName));
    } else if (r.trainingFile.isEmpty()) {
        m_costLabel->setText(tr("Choose the training examples to see the price."));
    } else if (!problems().isEmpty() || key.isEmpty()) {
        m_costLabel->setText(tr("Correct the settings above to see the price."));
    } else {
        m_costLabel->setText(tr("Asking %1 for the price…").arg(m_shape.serviceName));
        m_estimateTimer->start(); // once the form rests
    }
}

void NewJobDialog::requestEstimate()
{
    if (!m_provider)
        return;
    const QByteArray key = estimateKey();
    if (key.isEmpty())
        return;
    if (m_estimateReply)
        m_estimateReply->abort();
    m_estimate.reset();
    m_estimateProblem.clear();
    m_estimateKey = key;
    m_estimateAgainButton->hide();
    m_costLabel->setText(tr("Asking %1 for the price…").arg(m_shape.serviceName));
    m_estimateReply = m_provider->estimatePrice(
            request(), [this, key](const fs::ProviderResult<fs::PriceEstimate> &result) {
                if (key != m_estimateKey)
                    return; // an answer for a form that has changed since
                if (!result.ok() && result.error.kind == fs::ApiError::Kind::Cancelled)
                    return;
                m_estimateReply = nullptr;
                if (result.ok())
                    m_estimate = *result.value;
                else
                    m_estimateProblem = fs::JobFormRules::priceEstimateFailure(
                            result.error, m_shape.serviceName);
                updateServiceEstimate();
                updateProblems();
                Q_EMIT priceEstimateShown();
            });
    updateProblems();
}

void NewJobDialog::showAutomaticEpochs(qint64 examples)
{
    for (const HyperRow &h : std::as_const(m_hyper)) {
        if (h.rule.name != fs::HyperparameterRule::Name::Epochs)
            continue;
        if (examples <= 0) {
            h.autoCheckBox->setText(tr("Automatic"));
            continue;
        }
        // The rule the estimate uses (EpochRule, in core): the greyed number is the one counted.
        const int epochs = fs::EpochRule::defaultEpochs(examples);
        h.autoCheckBox->setText(tr("Automatic (%1 for this dataset)").arg(epochs));
        if (h.autoCheckBox->isChecked()) {
            const QSignalBlocker blocker(h.spinBox);
            h.spinBox->setValue(epochs);
        }
    }
}

void NewJobDialog::countFileTokens(const QString &fileId)
{
    if (!m_provider || m_countingFileId == fileId)
        return;
    qint64 bytes = 0;
    for (const fs::FileObject &file : std::as_const(m_files)) {
        if (file.id == fileId)
            bytes = file.bytes;
    }
    if (bytes > kMaxCountedFileBytes) {
        m_countProblem = tr("The file is too large to count here; the cost shows on the "
                            "service's invoice.");
        return;
    }
    if (m_countReply)
        m_countReply->abort();
    m_countingFileId = fileId;
    m_countProblem.clear();
    const fs::Tokenizer::Encoding encoding = fs::Tokenizer::encodingForModel(currentModel().id);
    m_countReply = m_provider->fileContent(
            fileId, [this, fileId, encoding](const fs::ProviderResult<QByteArray> &result) {
                if (!result.ok()) {
                    if (m_countingFileId == fileId)
                        m_countingFileId.clear();
                    if (result.error.kind != fs::ApiError::Kind::Cancelled) {
                        m_countProblem = tr("The file could not be read to count its tokens: %1")
                                                 .arg(result.error.plainMessage());
                        updateCost();
                    }
                    return;
                }
                // Counting a large file takes a moment: in the background, the form responsive.
                // The same count as the sandbox bills (trained_tokens).
                m_tokenCount->startFile(fileId, *result.value, encoding);
            });
}

void NewJobDialog::onFileTokensCounted(const QString &fileId, const QList<qint32> &tokens)
{
    m_fileTokens.insert(fileId, tokens);
    if (m_countingFileId == fileId)
        m_countingFileId.clear();
    updateCost();
}

QString NewJobDialog::costText() const
{
    return m_costLabel->text();
}

} // namespace fs::ui
