// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricetable.h"

#include "appsettings.h"
#include "costestimate.h"
#include "modelregistry.h"

#include <QCoreApplication>

#include <cmath>

namespace fs {

namespace {

bool validPrice(double v)
{
    return v >= 0 && std::isfinite(v);
}

} // namespace

PriceTable::PriceTable()
{
    // The model registry's per-token training prices (Azure shares OpenAI's models; models
    // billed per hour or with no published price have none).
    for (const ProviderKind kind : ModelRegistry::providers()) {
        if (kind == ProviderKind::AzureOpenAI)
            continue;
        for (const RegisteredModel &m : ModelRegistry::provider(kind).models()) {
            if (m.hasTrainingPrice())
                m_entries.append({m.id, m.trainingUsdPerMillion, m.trainingUsdPerMillion});
        }
    }
}

QDate PriceTable::defaultsCapturedOn()
{
    return ModelRegistry::provider(ProviderKind::OpenAI).pricesCapturedOn();
}

QString PriceTable::defaultsCapturedText()
{
    return QCoreApplication::translate("fs::PriceTable",
            "OpenAI's prices as published in mid-2026 (after 7 May "
            "2026). Check the current prices before you spend money.");
}

PriceTable PriceTable::load(const AppSettings *settings)
{
    PriceTable table;
    if (!settings)
        return table;
    const QMap<QString, double> saved = settings->trainingPrices();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        if (validPrice(it.value()))
            table.setPrice(it.key(), it.value());
    }
    return table;
}

void PriceTable::save(AppSettings *settings) const
{
    if (!settings)
        return;
    QMap<QString, double> changed; // prices back at their default are not kept
    for (const Entry &e : m_entries) {
        if (!e.isDefault())
            changed.insert(e.model, e.usdPerMillion);
    }
    settings->setTrainingPrices(changed);
}

int PriceTable::indexOf(const QString &model) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).model.compare(model, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QString PriceTable::resolve(const QString &model) const
{
    const QString base = baseModelName(model);
    if (base.isEmpty())
        return {};
    if (const int i = indexOf(base); i >= 0)
        return m_entries.at(i).model;
    // An alias or another snapshot of a family: the family's entry, the user's own entries
    // (later in the list) taking precedence over the defaults.
    const QString family = ModelRegistry::withoutSnapshot(base);
    for (int i = int(m_entries.size()) - 1; i >= 0; --i) {
        if (ModelRegistry::withoutSnapshot(m_entries.at(i).model.toLower()) == family)
            return m_entries.at(i).model;
    }
    return {};
}

double PriceTable::price(const QString &model) const
{
    const int i = indexOf(resolve(model));
    return i >= 0 ? m_entries.at(i).usdPerMillion : -1;
}

bool PriceTable::setPrice(const QString &model, double usdPerMillion)
{
    const QString name = model.trimmed();
    if (name.isEmpty() || !validPrice(usdPerMillion))
        return false;
    if (const int i = indexOf(name); i >= 0)
        m_entries[i].usdPerMillion = usdPerMillion;
    else
        m_entries.append({name, usdPerMillion, -1});
    return true;
}

void PriceTable::resetPrice(const QString &model)
{
    const int i = indexOf(model.trimmed());
    if (i < 0)
        return;
    if (m_entries.at(i).isUserAdded())
        m_entries.removeAt(i);
    else
        m_entries[i].usdPerMillion = m_entries.at(i).defaultUsdPerMillion;
}

void PriceTable::resetToDefaults()
{
    *this = PriceTable();
}

bool PriceTable::isModified() const
{
    for (const Entry &e : m_entries) {
        if (!e.isDefault())
            return true;
    }
    return false;
}

} // namespace fs
