// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace fs {

class AppSettings;

/**
 * @brief Training prices per model (USD per 1M training tokens) that the user can edit.
 *
 * Defaults come from the model registry (resources/modelregistry/, ModelRegistry). Only the
 * user's changes are saved, in the settings (AppSettings::trainingPrices()), so that new defaults
 * in a later version still show for models the user never touched. A value type: load(), edit,
 * save().
 */
class PriceTable
{
public:
    struct Entry
    {
        QString model;
        double usdPerMillion = 0;
        double defaultUsdPerMillion = -1; ///< -1 for a model the user added
        bool isDefault() const
        {
            return defaultUsdPerMillion >= 0 && usdPerMillion == defaultUsdPerMillion;
        }
        bool isUserAdded() const { return defaultUsdPerMillion < 0; }
    };

    PriceTable(); ///< the defaults

    /// When the default prices were read from the pricing page (on or after this day), and the
    /// same in words for the price dialog.
    static QDate defaultsCapturedOn();
    static QString defaultsCapturedText();

    /// The defaults with the user's saved changes applied; a null settings gives the defaults.
    static PriceTable load(const AppSettings *settings);
    /// Writes the differences from the defaults (replacing what the group held).
    void save(AppSettings *settings) const;

    /// USD per 1M training tokens for `model`, or -1 when unknown. A dated snapshot, an alias
    /// without the date ("gpt-4.1-mini") and a fine-tuned name ("ft:gpt-4.1-mini-…:org::id")
    /// all find their base model's price.
    double price(const QString &model) const;
    /// The table's model name that price(model) uses; empty when none.
    QString resolve(const QString &model) const;

    /// Sets (or adds) a model's price. Negative or non-finite prices are refused (false).
    bool setPrice(const QString &model, double usdPerMillion);
    /// Removes a model the user added, or puts a default model back to its default price.
    void resetPrice(const QString &model);
    /// Back to the defaults only.
    void resetToDefaults();

    QList<Entry> entries() const { return m_entries; } ///< defaults first, then added models
    bool isModified() const; ///< differs from the defaults

private:
    int indexOf(const QString &model) const; // exact (case-insensitive) match
    QList<Entry> m_entries;
};

} // namespace fs
