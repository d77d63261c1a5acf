// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricetable.h"

#include "costestimate.h"

#include <QCoreApplication>
#include <QSettings>

#include <cmath>

namespace fs {

namespace {

// OpenAI's training prices per 1M tokens (reference §10). o4-mini's reinforcement fine-tuning is
// billed per hour of training, not per token, so it has no entry.
struct DefaultPrice
{
    const char *model;
    double usdPerMillion;
};
constexpr DefaultPrice kDefaults[] = {
        {"gpt-4.1-2025-04-14", 25.00},
        {"gpt-4.1-mini-2025-04-14", 5.00},
        {"gpt-4.1-nano-2025-04-14", 1.50},
        {"gpt-4o-2024-08-06", 25.00},
        {"gpt-4o-mini-2024-07-18", 3.00},
        {"gpt-3.5-turbo-0125", 8.00},
        {"davinci-002", 6.00},
        {"babbage-002", 0.40},
};

bool validPrice(double v)
{
    return v >= 0 && std::isfinite(v);
}

} // namespace

PriceTable::PriceTable()
{
    for (const DefaultPrice &d : kDefaults)
        m_entries.append({QLatin1String(d.model), d.usdPerMillion, d.usdPerMillion});
}

QString PriceTable::settingsGroup()
{
    return QStringLiteral("trainingPrices");
}

QDate PriceTable::defaultsCapturedOn()
{
    return QDate(2026, 5, 7);
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
    // Model names hold dots and dashes but never '/', so each is a plain key; the value is
    // kept as text so that no locale can change the decimal separator.
    const QStringList keys = settings->childKeys();
    for (const QString &model : keys) {
        bool ok = false;
        const double v = settings->value(model).toString().toDouble(&ok);
        if (ok && validPrice(v))
            table.setPrice(model, v);
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
            settings->setValue(e.model, QString::number(e.usdPerMillion, 'g', 17));
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
    const QString family = withoutSnapshotDate(base);
    for (int i = int(m_entries.size()) - 1; i >= 0; --i) {
        if (withoutSnapshotDate(m_entries.at(i).model.toLower()) == family)
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
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || !validPrice(usdPerMillion))
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
