// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricsseries.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace fs {

/// Whether `bytes` look like base64 text rather than CSV (the service base64-encodes result
/// files; a plain CSV starts with a header such as "step,").
bool looksLikeBase64(const QByteArray &bytes);

/// A downloaded result file as its plain content: base64 is decoded, anything else is returned
/// as it is. `wasBase64` tells which (for the Files area's "decoded from base64" note).
QByteArray decodeResultFile(const QByteArray &bytes, bool *wasBase64 = nullptr);

/**
 * @brief A fine-tuning result file (step_metrics.csv) read into steps.
 *
 * Columns are found by header name: step, train_loss, train_accuracy or
 * train_mean_token_accuracy, valid_loss, valid_mean_token_accuracy (or valid_accuracy, or
 * validation_mean_token_accuracy as Azure OpenAI writes it),
 * full_valid_loss, full_valid_mean_token_accuracy (or full_valid_accuracy). Empty cells are
 * "not measured at this step". Other numeric columns are kept in `otherColumns`.
 */
struct ResultCsv
{
    enum class Error {
        None,
        Empty, ///< no content at all
        NotCsv, ///< no header with a "step" column (also broken base64)
    };

    Error error = Error::None;
    QString errorText; ///< plain words (translated), empty when ok
    bool wasBase64 = false;
    QStringList header;
    QList<MetricPoint> points; ///< one per valid row, in file order
    QMap<QString, QList<QPair<int, double>>>
            otherColumns; ///< unknown numeric columns: (step, value)
    int skippedRows = 0; ///< rows with a missing or non-numeric step, or unreadable numbers

    bool ok() const { return error == Error::None; }

    /// Parses a result file as downloaded (base64 or plain).
    static ResultCsv parse(const QByteArray &bytes);
};

} // namespace fs
