// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QTableWidget;

namespace fs {
class AppSettings;
}

namespace fs::ui {

/**
 * @brief Lets the person correct the training prices per model (they change, and an account may
 * get another price); shows the date of the built-in defaults and can go back to them.
 * The table itself (and its storage in the settings) belongs to fs_core.
 */
class PriceTableDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PriceTableDialog(AppSettings *settings, QWidget *parent = nullptr);

    /// The models with a price, in the table's order.
    static QStringList models(AppSettings *settings);
    /// USD per million training tokens; negative when unknown.
    static double price(AppSettings *settings, const QString &model);
    /// The model the cost panel starts with: the one last used (shared with the New job form),
    /// else the cheapest suitable one (BaseModelCatalogue::defaultModel()).
    static QString defaultModel(AppSettings *settings);
    /// Remembers the user's choice of model for the cost panel and the New job form.
    static void rememberModel(AppSettings *settings, const QString &model);
    /// Where the prices come from, e.g. "built-in prices of mid-2026" or "your prices".
    static QString priceSourceText(AppSettings *settings);

    QTableWidget *tableWidget() const { return m_tableWidget; }

public Q_SLOTS:
    void accept() override;
    void resetToDefaults();

private:
    void fill();

    AppSettings *m_settings;
    QTableWidget *m_tableWidget;
};

} // namespace fs::ui
