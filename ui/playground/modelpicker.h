// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providerkind.h"

#include <QComboBox>
#include <QList>
#include <QString>

#include <optional>

class QStandardItemModel;

namespace fs::ui {

/// One model a pane can talk to, with the words shown for it.
struct ModelChoice
{
    enum class Kind { Base, FineTuned, Checkpoint };
    QString id; ///< what is sent as "model"
    Kind kind = Kind::Base;
    QString label; ///< plain words; empty: made from the id
    QString baseModel; ///< for fine-tuned models and checkpoints, when known
    qint64 created = 0; ///< unix seconds, when known (the newest fine-tune is offered first)

    /// The kind an id suggests by its provider's naming (ModelRegistry): checkpoint, fine-tuned
    /// or base.
    static Kind kindOf(const QString &id);
    /// The base model inside a fine-tuned id; a base model's id itself.
    static QString baseOf(const QString &id);
    /// Readable words for an id, e.g. "support-bot (from gpt-4.1-mini), step 24".
    static QString describe(const QString &id);
    /// False for models that cannot chat (embeddings, speech, images, moderation, …), which
    /// a /models list of a real service includes.
    static bool canChat(const QString &id);
    QString displayText() const { return label.isEmpty() ? describe(id) : label; }
};

/**
 * @brief A model list grouped under plain headings: "Base models", "Your fine-tuned models",
 * "Checkpoints (saved during training)". Headings cannot be chosen. The full id is the tooltip.
 */
class ModelPicker : public QComboBox
{
    Q_OBJECT
public:
    explicit ModelPicker(QWidget *parent = nullptr);

    /// Replaces the list, keeping the current model when it is still there.
    void setChoices(const QList<ModelChoice> &choices);
    QList<ModelChoice> choices() const { return m_choices; }
    /// Shows a single disabled line ("Loading models…", "No models: …").
    void setPlaceholder(const QString &text);

    QString currentModel() const;
    /// Selects `model`; when it is not in the list it is added (under its kind) first.
    void setCurrentModel(const QString &model);
    bool hasModel(const QString &model) const;

    /// The service the listed models run on: those that stop answering soon (or already have)
    /// by its retirement calendar get a warning sign, and the sentence in their tooltip.
    void setRetirementService(std::optional<ProviderKind> service);
    /// The retirement sentence the list shows for `model` ("stops answering on …"); empty when
    /// none.
    QString retirementNotice(const QString &model) const;

Q_SIGNALS:
    void modelChanged(const QString &model);

private:
    void rebuild(const QString &keep);

    QStandardItemModel *m_model;
    QList<ModelChoice> m_choices;
    std::optional<ProviderKind> m_retirementService;
    bool m_rebuilding = false;
};

} // namespace fs::ui
