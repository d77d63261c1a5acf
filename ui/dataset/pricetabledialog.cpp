// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricetabledialog.h"

#include "appsettings.h"
#include "basemodelcatalogue.h"
#include "pricetable.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

AppSettings &orStandard(AppSettings *settings)
{
    return settings ? *settings : AppSettings::standard();
}

PriceTable loadTable(AppSettings *settings)
{
    return PriceTable::load(&orStandard(settings));
}

} // namespace

QStringList PriceTableDialog::models(AppSettings *settings)
{
    QStringList names;
    for (const PriceTable::Entry &entry : loadTable(settings).entries())
        names << entry.model;
    return names;
}

double PriceTableDialog::price(AppSettings *settings, const QString &model)
{
    return loadTable(settings).price(model);
}

QString PriceTableDialog::defaultModel(AppSettings *settings)
{
    const PriceTable table = loadTable(settings);
    QStringList names;
    for (const PriceTable::Entry &entry : table.entries())
        names << entry.model;
    return BaseModelCatalogue::defaultModel(names, orStandard(settings).lastBaseModel(), table);
}

void PriceTableDialog::rememberModel(AppSettings *settings, const QString &model)
{
    orStandard(settings).setLastBaseModel(model);
}

QString PriceTableDialog::priceSourceText(AppSettings *settings)
{
    return loadTable(settings).isModified() ? tr("your prices")
                                            : tr("OpenAI's published prices of May 2026");
}

PriceTableDialog::PriceTableDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("priceTableDialog"));
    setWindowTitle(tr("Training Prices"));
    auto *intro = new QLabel(tr("What training costs per million tokens, in US dollars. The "
                                "built-in prices are OpenAI's, as published in May 2026. Check "
                                "the current prices and correct them here if yours differ."),
            this);
    intro->setWordWrap(true);
    m_tableWidget = new QTableWidget(this);
    m_tableWidget->setObjectName(QStringLiteral("pricesTableWidget"));
    m_tableWidget->setColumnCount(3);
    m_tableWidget->setHorizontalHeaderLabels(
            {tr("Model"), tr("USD per million tokens"), tr("Built-in price")});
    m_tableWidget->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tableWidget->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tableWidget->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tableWidget->verticalHeader()->hide();
    auto *buttons = new QDialogButtonBox(
            QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
            this);
    buttons->button(QDialogButtonBox::RestoreDefaults)
            ->setObjectName(QStringLiteral("restoreDefaultsPushButton"));
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &PriceTableDialog::resetToDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &PriceTableDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tableWidget, 1);
    layout->addWidget(buttons);
    fill();
    resize(560, 380);
}

void PriceTableDialog::fill()
{
    const QLocale locale;
    const QList<PriceTable::Entry> entries = loadTable(m_settings).entries();
    m_tableWidget->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const PriceTable::Entry &entry = entries.at(row);
        auto *model = new QTableWidgetItem(entry.model);
        model->setFlags(model->flags() & ~Qt::ItemIsEditable);
        auto *price = new QTableWidgetItem(locale.toString(entry.usdPerMillion, 'f', 2));
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *builtIn = new QTableWidgetItem(entry.isUserAdded()
                        ? QString()
                        : locale.toString(entry.defaultUsdPerMillion, 'f', 2));
        builtIn->setFlags(builtIn->flags() & ~Qt::ItemIsEditable);
        builtIn->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_tableWidget->setItem(row, 0, model);
        m_tableWidget->setItem(row, 1, price);
        m_tableWidget->setItem(row, 2, builtIn);
    }
}

void PriceTableDialog::resetToDefaults()
{
    PriceTable table = loadTable(m_settings);
    table.resetToDefaults();
    const QLocale locale;
    const QList<PriceTable::Entry> entries = table.entries();
    for (int row = 0; row < m_tableWidget->rowCount() && row < entries.size(); ++row)
        m_tableWidget->item(row, 1)->setText(
                locale.toString(entries.at(row).usdPerMillion, 'f', 2));
}

void PriceTableDialog::accept()
{
    PriceTable table = loadTable(m_settings);
    const QLocale locale;
    for (int row = 0; row < m_tableWidget->rowCount(); ++row) {
        bool ok = false;
        const QString text = m_tableWidget->item(row, 1)->text().trimmed();
        double value = locale.toDouble(text, &ok);
        if (!ok)
            value = text.toDouble(&ok); // "2.50" typed on a desktop that writes "2,50"
        const QString model = m_tableWidget->item(row, 0)->text();
        if (!ok || !table.setPrice(model, value)) {
            m_tableWidget->setCurrentCell(row, 1);
            m_tableWidget->editItem(m_tableWidget->item(row, 1));
            return;
        }
    }
    table.save(&orStandard(m_settings));
    QDialog::accept();
}

} // namespace fs::ui
