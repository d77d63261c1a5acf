// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelpicker.h"

#include "modelregistry.h"
#include "retirementcalendar.h"

#include <QCoreApplication>
#include <QStandardItemModel>
#include <QStyle>

namespace fs::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

ModelChoice::Kind ModelChoice::kindOf(const QString &id)
{
    const FineTunedName name = ModelRegistry::parseFineTuned(id);
    if (!name.isValid())
        return Kind::Base;
    return name.checkpointStep > 0 ? Kind::Checkpoint : Kind::FineTuned;
}

QString ModelChoice::baseOf(const QString &id)
{
    const FineTunedName name = ModelRegistry::parseFineTuned(id);
    return name.isValid() ? name.base : id;
}

bool ModelChoice::canChat(const QString &id)
{
    static const char *const notChat[] = {"embedding", "tts", "whisper", "dall-e", "moderation",
            "transcribe", "image", "realtime", "audio", "search", "davinci", "babbage", "sora"};
    for (const char *part : notChat) {
        if (id.contains(QLatin1String(part), Qt::CaseInsensitive))
            return false;
    }
    return true;
}

QString ModelChoice::describe(const QString &id)
{
    const FineTunedName parts = ModelRegistry::parseFineTuned(id);
    if (!parts.isValid())
        return id;
    // The suffix is what the person chose to call it; else the job's id.
    const QString name = parts.suffix.isEmpty() ? parts.jobId : parts.suffix;
    QString text = name.isEmpty()
            ? QCoreApplication::translate("fs::ui::ModelPicker", "Fine-tuned %1").arg(parts.base)
            : QCoreApplication::translate("fs::ui::ModelPicker", "%1 (from %2)")
                      .arg(name, parts.base);
    if (parts.checkpointStep > 0)
        text = QCoreApplication::translate("fs::ui::ModelPicker", "%1, step %2")
                       .arg(text, QString::number(parts.checkpointStep));
    return text;
}

ModelPicker::ModelPicker(QWidget *parent)
    : QComboBox(parent)
    , m_model(new QStandardItemModel(this))
{
    setModel(m_model);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(18);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_rebuilding)
            Q_EMIT modelChanged(currentModel());
    });
}

void ModelPicker::setChoices(const QList<ModelChoice> &choices)
{
    const QString keep = currentModel();
    m_choices = choices;
    rebuild(keep);
}

void ModelPicker::setPlaceholder(const QString &text)
{
    m_rebuilding = true;
    m_model->clear();
    m_choices.clear();
    auto *item = new QStandardItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    m_model->appendRow(item);
    setCurrentIndex(0);
    m_rebuilding = false;
    Q_EMIT modelChanged(QString());
}

void ModelPicker::rebuild(const QString &keep)
{
    m_rebuilding = true;
    m_model->clear();
    const struct
    {
        ModelChoice::Kind kind;
        QString heading;
    } groups[] = {
            {ModelChoice::Kind::FineTuned, tr("Your fine-tuned models")},
            {ModelChoice::Kind::Checkpoint, tr("Checkpoints (saved during training)")},
            {ModelChoice::Kind::Base, tr("Base models")},
    };
    int keepRow = -1;
    int firstRow = -1;
    for (const auto &group : groups) {
        bool headed = false;
        for (const ModelChoice &choice : std::as_const(m_choices)) {
            if (choice.kind != group.kind)
                continue;
            if (!headed) {
                auto *heading = new QStandardItem(group.heading);
                heading->setFlags(Qt::NoItemFlags);
                QFont font = heading->font();
                font.setBold(true);
                heading->setFont(font);
                m_model->appendRow(heading);
                headed = true;
            }
            auto *item = new QStandardItem(QStringLiteral("  ") + choice.displayText());
            item->setData(choice.id, kIdRole);
            item->setToolTip(choice.id);
            if (const QString notice = retirementNotice(choice.id); !notice.isEmpty()) {
                item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
                item->setToolTip(choice.id + QLatin1Char('\n') + notice);
            }
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_model->appendRow(item);
            if (firstRow < 0)
                firstRow = item->row();
            if (choice.id == keep)
                keepRow = item->row();
        }
    }
    setCurrentIndex(keepRow >= 0 ? keepRow : firstRow);
    m_rebuilding = false;
    if (currentModel() != keep)
        Q_EMIT modelChanged(currentModel());
}

void ModelPicker::setRetirementService(std::optional<ProviderKind> service)
{
    if (service == m_retirementService)
        return;
    m_retirementService = service;
    if (!m_choices.isEmpty())
        rebuild(currentModel());
}

QString ModelPicker::retirementNotice(const QString &model) const
{
    if (!m_retirementService || model.isEmpty())
        return {};
    return RetirementCalendar::current().notice(
            *m_retirementService, model, RetirementCalendar::today());
}

QString ModelPicker::currentModel() const
{
    return currentData(kIdRole).toString();
}

bool ModelPicker::hasModel(const QString &model) const
{
    for (const ModelChoice &choice : m_choices) {
        if (choice.id == model)
            return true;
    }
    return false;
}

void ModelPicker::setCurrentModel(const QString &model)
{
    if (model.isEmpty())
        return;
    if (!hasModel(model)) {
        ModelChoice choice;
        choice.id = model;
        choice.kind = ModelChoice::kindOf(model);
        choice.baseModel = ModelChoice::baseOf(model);
        m_choices.append(choice);
        rebuild(model);
        return;
    }
    const int row = findData(model, kIdRole);
    if (row >= 0)
        setCurrentIndex(row);
}

} // namespace fs::ui
