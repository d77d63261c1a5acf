// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricetable.h"

#include "costestimate.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QSettings>

#include <cmath>

namespace fs {

namespace {

// A settings key for a model: '/' would nest a settings group (Together's "Qwen/Qwen2.5-…"), so
// it is written as "%2F" (and '%' as "%25"); older keys hold neither.
QString keyOfModel(const QString &model)
{
    QString key = model;
    return key.replace(QLatin1Char('%'), QLatin1String("%25"))
            .replace(QLatin1Char('/'), QLatin1String("%2F"));
}

QString modelOfKey(const QString &key)
{
    QString model = key;
    return model.replace(QLatin1String("%2F"), QLatin1String("/"), Qt::CaseInsensitive)
            .replace(QLatin1String("%25"), QLatin1String("%"));
}

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

QString PriceTable::settingsGroup()
{
    return QStringLiteral("trainingPrices");
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

PriceTable PriceTable::load(QSettings *settings)
{
    PriceTable table;
    if (!settings)
        return table;
    settings->beginGroup(settingsGroup());
    // Each model is a plain key (its '/' escaped); the value is kept as text so that no locale
    // can change the decimal separator.
    const QStringList keys = settings->childKeys();
    for (const QString &key : keys) {
        bool ok = false;
        const double v = settings->value(key).toString().toDouble(&ok);
        if (ok && validPrice(v))
            table.setPrice(modelOfKey(key), v);
    }
    settings->endGroup();
    return table;
}

void PriceTable::save(QSettings *settings) const
{
    if (!settings)
        return;
    settings->beginGroup(settingsGroup());
    settings->remove(QString()); // the whole group: keys for prices back at default must go
    for (const Entry &e : m_entries) {
        if (!e.isDefault())
            settings->setValue(keyOfModel(e.model), QString::number(e.usdPerMillion, 'g', 17));
    }
    settings->endGroup();
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
