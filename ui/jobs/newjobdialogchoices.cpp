// SPDX-License-Identifier: GPL-3.0-or-later
// The New Job dialog's choices: the models and files it offers, the rules of the chosen model,
// and how the form follows what a person picks. The rest is in newjobdialog.cpp.
#include "newjobdialog.h"

#include "apiclient.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "example.h"
#include "hyperparameteredit.h"
#include "providerclient.h"
#include "retirementcalendar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QRadioButton>
#include <QStyle>

namespace fs::ui {

namespace {

QString fileLabel(const fs::FileObject &file)
{
    QString text = file.filename.isEmpty() ? file.id
                                           : QStringLiteral("%1 (%2)").arg(file.filename, file.id);
    if (file.status == QLatin1String("uploaded"))
        text += NewJobDialog::tr(" — still being checked by the service");
    else if (file.status == QLatin1String("error"))
        text += NewJobDialog::tr(" — the service could not read it");
    return text;
}

} // namespace

void NewJobDialog::fillModels(const QList<fs::ModelObject> &connectionModels, bool includeUnknown)
{
    const QString previous = currentModel().id;
    m_models = fs::BaseModelCatalogue::merged(
            connectionModels, m_prices, includeUnknown, m_shape.provider);
    const QSignalBlocker blocker(m_modelComboBox);
    m_modelComboBox->clear();
    for (const fs::BaseModelInfo &info : std::as_const(m_models)) {
        // The price in the list; the whole note (price and example limit) below it.
        m_modelComboBox->addItem(tr("%1  —  %2").arg(info.id, info.priceText), info.id);
        m_modelComboBox->setItemData(m_modelComboBox->count() - 1, info.note, Qt::ToolTipRole);
        // A model that retires soon: a warning sign, and when in its tooltip.
        if (const QString retiring = retirementText(info.id); !retiring.isEmpty()) {
            const int row = m_modelComboBox->count() - 1;
            m_modelComboBox->setItemIcon(row, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            m_modelComboBox->setItemData(
                    row, QString(info.note + QLatin1Char('\n') + retiring), Qt::ToolTipRole);
        }
    }
    // The model used last time, else the cheapest that suits (decided in core).
    m_modelComboBox->setCurrentIndex(fs::BaseModelCatalogue::defaultIndex(
            m_models, previous.isEmpty() ? m_lastUsedModel : previous, currentMethod()));
    onModelChanged();
}

void NewJobDialog::loadServiceModels()
{
    // A service that lists exactly the models it can fine-tune (Together AI) adds those the
    // registry does not know yet.
    if (!m_provider || !m_shape.serviceListsBaseModels)
        return;
    m_modelsReply = m_provider->listBaseModels(
            [this](const fs::ProviderResult<QList<fs::ModelObject>> &result) {
                if (result.ok())
                    fillModels(*result.value, true);
            });
}

void NewJobDialog::showRule(HyperRow &h)
{
    HyperparameterEdit::applyRule(h.spinBox, h.rule); // the wizard's mapped settings too
    h.explanation->setText(HyperparameterEdit::note(h.rule));
}

void NewJobDialog::applyRules()
{
    const QString method = currentMethod();
    for (HyperRow &h : m_hyper) {
        h.rule =
                m_limits ? fs::JobFormRules::withLimits(h.baseRule, *m_limits, method) : h.baseRule;
        showRule(h);
    }
    // LoRA or full training as the model allows.
    const bool full = !m_limits || m_limits->supportsFullTraining;
    const bool lora = !m_limits || m_limits->supportsLora;
    m_fullRadioButton->setEnabled(full);
    m_loraRadioButton->setEnabled(lora);
    if (!full && m_fullRadioButton->isChecked())
        m_loraRadioButton->setChecked(true);
    else if (!lora && m_loraRadioButton->isChecked())
        m_fullRadioButton->setChecked(true);
}

void NewJobDialog::loadModelLimits()
{
    const QString model = currentModel().id;
    if (model == m_limitsModel)
        return; // asked already
    m_limitsModel = model;
    if (m_limitsReply)
        m_limitsReply->abort();
    const bool had = m_limits.has_value();
    m_limits.reset();
    if (had)
        applyRules();
    if (!m_provider || !m_shape.serviceStatesModelLimits || model.isEmpty())
        return;
    m_limitsReply = m_provider->modelLimits(
            model, [this, model](const fs::ProviderResult<fs::ModelLimits> &result) {
                // Without an answer the registry's ranges stay: the service checks again.
                if (!result.ok() || model != currentModel().id)
                    return;
                m_limits = *result.value;
                applyRules();
                onSettingChanged();
            });
}

void NewJobDialog::fillFiles(const QList<fs::FileObject> &files)
{
    m_files = files;
    const QString training = m_trainingComboBox->currentData().toString();
    const QString validation = m_validationComboBox->currentData().toString();
    const QSignalBlocker b1(m_trainingComboBox);
    const QSignalBlocker b2(m_validationComboBox);
    m_trainingComboBox->clear();
    m_validationComboBox->clear();
    m_validationComboBox->addItem(tr("None"), QString());

    const fs::DatasetDocument *document = m_datasets ? m_datasets->document() : nullptr;
    if (document && document->count() > 0) {
        m_trainingComboBox->addItem(
                tr("The open dataset: %1 (%n example(s), uploaded when you start)", nullptr,
                        document->count())
                        .arg(document->displayName()),
                openDatasetId());
    }
    for (const fs::FileObject &file : files) {
        m_trainingComboBox->addItem(fileLabel(file), file.id);
        m_validationComboBox->addItem(fileLabel(file), file.id);
    }
    if (m_trainingComboBox->count() == 0)
        m_trainingComboBox->addItem(tr("No training files yet"), QString());
    const int t = m_trainingComboBox->findData(training);
    m_trainingComboBox->setCurrentIndex(t >= 0 ? t : 0);
    const int v = m_validationComboBox->findData(validation);
    m_validationComboBox->setCurrentIndex(v >= 0 ? v : 0);

    if (!m_filesLoaded)
        m_filesNoteLabel->setText(tr("Reading the files on the service…"));
    else if (files.isEmpty() && !(document && document->count() > 0))
        m_filesNoteLabel->setText(tr("There are no training files on the service yet. Open a "
                                     "dataset in Datasets, or upload a file in Files."));
    else
        m_filesNoteLabel->setText(tr("Files on the service made for fine-tuning (newest first). "
                                     "Validation examples are optional: they show whether the "
                                     "model also does well on examples it did not learn from."));
    updateCost();
    updateProblems();
}

void NewJobDialog::reloadFiles()
{
    if (!m_provider)
        return;
    if (m_filesReply)
        m_filesReply->abort();
    fs::FileListQuery query;
    query.purpose = QStringLiteral("fine-tune");
    query.order = QStringLiteral("desc");
    query.limit = 10000;
    m_filesReply = m_provider->listFiles(
            query, [this](const fs::ProviderResult<fs::Page<fs::FileObject>> &result) {
                m_filesLoaded = true;
                if (result.ok()) {
                    fillFiles(fs::JobFormRules::trainingFiles(result.value->data));
                } else if (result.error.kind != fs::ApiError::Kind::Cancelled) {
                    fillFiles({});
                    m_filesNoteLabel->setText(tr("The files on the service could not be read: %1")
                                                      .arg(result.error.plainMessage()));
                }
                Q_EMIT filesReady();
            });
}

fs::BaseModelInfo NewJobDialog::currentModel() const
{
    const int index = m_modelComboBox->currentIndex();
    if (index >= 0 && index < m_models.size())
        return m_models.at(index);
    return {};
}

QString NewJobDialog::currentMethod() const
{
    return m_dpoRadioButton->isChecked() ? QStringLiteral("dpo") : QStringLiteral("supervised");
}

QString NewJobDialog::retirementText(const QString &model) const
{
    const fs::RetirementCalendar &calendar = fs::RetirementCalendar::current();
    const QDate today = fs::RetirementCalendar::today();
    if (model.isEmpty() || calendar.notice(m_shape.provider, model, today).isEmpty())
        return {};
    const fs::RetirementInfo info = calendar.lookup(m_shape.provider, model);
    //: %1 e.g. "new fine-tuning stops on 6 Jan 2027 — in 30 days", %2 e.g. "stops answering on
    //: 14 Jan 2027 — in 38 days" (a model trained now stops answering then too)
    return tr("Retiring: %1; this model %2, and its fine-tunes with it.")
            .arg(info.newFineTuningSentence(today), info.sentence(today));
}

void NewJobDialog::onModelChanged()
{
    const fs::BaseModelInfo info = currentModel();
    const QString retiring = retirementText(info.id);
    m_modelNoteLabel->setText(
            retiring.isEmpty() ? info.note : info.note + QLatin1Char('\n') + retiring);
    m_dpoRadioButton->setEnabled(info.id.isEmpty() || info.dpo);
    m_dpoRadioButton->setToolTip(
            info.dpo ? QString() : tr("This model cannot learn from preferred answers."));
    m_supervisedRadioButton->setEnabled(info.id.isEmpty() || info.supervised);
    if (!info.id.isEmpty() && !info.dpo && m_dpoRadioButton->isChecked())
        m_supervisedRadioButton->setChecked(true);
    loadModelLimits();
    updateCost();
    updateProblems();
}

fs::TrainingSettings::Type NewJobDialog::currentTrainingType() const
{
    if (!m_shape.chooseTrainingType) // nothing to choose: the service's only way (Fireworks: LoRA)
        return m_shape.defaultTrainingType;
    return m_fullRadioButton->isChecked() ? fs::TrainingSettings::Type::Full
                                          : fs::TrainingSettings::Type::Lora;
}

void NewJobDialog::onSettingChanged()
{
    // A greyed automatic setting shows the number it stands for (LoRA alpha follows the rank).
    const fs::CreateJobRequest r = request();
    for (const HyperRow &h : std::as_const(m_hyper)) {
        if (!h.rule.autoAllowed || !h.autoCheckBox->isChecked())
            continue;
        if (const auto value = fs::JobFormRules::automaticValue(h.rule, r)) {
            const QSignalBlocker blocker(h.spinBox);
            h.spinBox->setValue(*value);
        }
    }
    updateCost();
    updateProblems();
}

void NewJobDialog::onMethodChanged()
{
    if (m_limits)
        applyRules(); // DPO has its own largest batch
    const QString method = currentMethod();
    const fs::TrainingSettings::Type type = currentTrainingType();
    for (HyperRow &h : m_hyper) {
        const bool visible = h.rule.appliesTo(method, type);
        h.label->setVisible(visible);
        h.autoCheckBox->setVisible(visible && h.rule.autoAllowed);
        h.spinBox->setVisible(visible);
        h.explanation->setVisible(visible);
    }
    updateCost();
    updateProblems();
}

bool NewJobDialog::selectModel(const QString &model)
{
    const int index = m_modelComboBox->findData(model);
    if (index < 0)
        return false;
    m_modelComboBox->setCurrentIndex(index);
    return true;
}

bool NewJobDialog::selectTrainingFile(const QString &fileId)
{
    const int index = m_trainingComboBox->findData(fileId);
    if (index < 0)
        return false;
    m_trainingComboBox->setCurrentIndex(index);
    return true;
}

bool NewJobDialog::selectValidationFile(const QString &fileId)
{
    const int index = m_validationComboBox->findData(fileId);
    if (index < 0)
        return false;
    m_validationComboBox->setCurrentIndex(index);
    return true;
}

} // namespace fs::ui
