// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trainingdata.h"

#include <QList>
#include <QString>

namespace fs::sandbox {

/**
 * @brief The sandbox's "model": base models give a deterministic, plausible generic answer;
 * fine-tuned models answer in the manner of their training data (the reply of the example whose
 * user message shares the most words with the prompt).
 */
class ChatReplier
{
public:
    /// A generic answer that depends only on the model and the prompt.
    static QString baseReply(const QString &model, const QString &prompt);
    /// The reply of the nearest training pair; baseReply() when there are no pairs.
    static QString fineTunedReply(
            const QString &model, const QString &prompt, const QList<TrainingPair> &pairs);
    /// Splits a reply into stream fragments: words with their leading white space.
    static QStringList fragments(const QString &reply);
};

} // namespace fs::sandbox
