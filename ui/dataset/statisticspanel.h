// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>
#include <memory>

class QBarSet;
class QBarSeries;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QValueAxis;

namespace fs {
class AppSettings;
class DatasetDocument;
struct DatasetStatistics;
struct Histogram;
class StatisticsUpdater;
} // namespace fs

namespace fs::ui {

/**
 * @brief Numbers about the open dataset: examples, messages and tokens per example, histograms
 * of tokens and assistant tokens per example, examples over the model's limit, and the training
 * estimate (epochs, billed tokens, cost) for the chosen model from the editable price table.
 */
class StatisticsPanel : public QWidget
{
    Q_OBJECT
public:
    /// At most this many intervals between labels on the tokens axis.
    static constexpr int kTokenLabels = 4;

    /// `settings` (the price table) is not owned; null: the application's settings.
    explicit StatisticsPanel(AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~StatisticsPanel() override;

    void setDocument(DatasetDocument *document);
    void setTokenLimit(int tokens);
    QString currentModel() const;
    void setCurrentModel(const QString &model);

    /// The texts shown (tests read them): "examples", "messages", "tokens", "overLimit",
    /// "epochs", "billedTokens", "cost".
    QString value(const QString &key) const;
    QChart *tokensChart() const;
    QChart *assistantTokensChart() const;
    /// The statistics last shown (computed off the GUI thread for big files); null before the
    /// first result. Readers such as the guide take these instead of summing up again.
    const DatasetStatistics *latestStatistics() const;

public Q_SLOTS:
    /// Computes and shows the numbers now (normally after a short delay following a change).
    void refresh();
    void editPrices();

Q_SIGNALS:
    void modelChanged(const QString &model);
    /// New statistics are shown (latestStatistics() has them).
    void statisticsShown();

private:
    /// The figures, the model and passes they are for, and the prices.
    QFormLayout *buildForm();
    void showStatistics(const DatasetStatistics &stats);
    void fillModels();
    void showHistogram(QChartView *view, const Histogram &histogram, const QString &title);
    double priceFor(const QString &model) const;

    AppSettings *m_settings;
    StatisticsUpdater *m_updater; ///< keeps the numbers up to date (core)
    QComboBox *m_modelComboBox;
    QSpinBox *m_epochsSpinBox;
    QHash<QString, QLabel *> m_values;
    QLabel *m_priceDateLabel;
    QChartView *m_tokensChartView;
    QChartView *m_assistantChartView;
};

} // namespace fs::ui
