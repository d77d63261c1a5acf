// SPDX-License-Identifier: GPL-3.0-or-later
#include "statisticspanel.h"

#include "costestimate.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"
#include "pricetabledialog.h"
#include "statisticsupdater.h"
#include "wheelguard.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

namespace fs::ui {

namespace {

QChartView *makeChart(const QString &name, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    view->chart()->legend()->hide();
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    return view;
}

} // namespace

StatisticsPanel::StatisticsPanel(AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("statisticsPanel"));
    QFormLayout *form = buildForm();
    m_tokensChartView = makeChart(QStringLiteral("tokensChartView"), this);
    m_assistantChartView = makeChart(QStringLiteral("assistantTokensChartView"), this);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(form);
    contentLayout->addWidget(m_tokensChartView);
    contentLayout->addWidget(m_assistantChartView);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    guardWheelInside(content); // the wheel scrolls the panel, it does not change the model
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    // The numbers are kept up to date in core; the panel shows them.
    m_updater = new StatisticsUpdater(this);
    connect(m_updater, &StatisticsUpdater::updated, this, &StatisticsPanel::showStatistics);

    fillModels();
    connect(m_modelComboBox, &QComboBox::currentIndexChanged, this, [this] {
        // The model chosen here is the one "last used": the New job form starts with it too.
        PriceTableDialog::rememberModel(m_settings, currentModel());
        Q_EMIT modelChanged(currentModel());
        refresh();
    });
    connect(m_epochsSpinBox, &QSpinBox::valueChanged, this, &StatisticsPanel::refresh);
    refresh();
}

QFormLayout *StatisticsPanel::buildForm()
{
    m_modelComboBox = new QComboBox(this);
    m_modelComboBox->setObjectName(QStringLiteral("modelComboBox"));
    m_modelComboBox->setAccessibleName(tr("Model to fine-tune"));
    m_epochsSpinBox = new QSpinBox(this);
    m_epochsSpinBox->setObjectName(QStringLiteral("epochsSpinBox"));
    m_epochsSpinBox->setRange(0, 25);
    m_epochsSpinBox->setSpecialValueText(tr("Automatic"));
    m_epochsSpinBox->setToolTip(tr("How many times the model goes through the examples. "
                                   "Automatic chooses as the service does."));
    auto *pricesButton = new QPushButton(tr("Prices…"), this);
    pricesButton->setObjectName(QStringLiteral("pricesPushButton"));
    connect(pricesButton, &QPushButton::clicked, this, &StatisticsPanel::editPrices);
    m_priceDateLabel = new QLabel(this);
    m_priceDateLabel->setWordWrap(true);
    m_priceDateLabel->setEnabled(false);

    auto *form = new QFormLayout;
    auto addValue = [this, form](const QString &key, const QString &label) {
        auto *value = new QLabel(this);
        value->setObjectName(key + QStringLiteral("ValueLabel"));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        m_values.insert(key, value);
        form->addRow(label, value);
    };
    addValue(QStringLiteral("examples"), tr("Examples:"));
    addValue(QStringLiteral("messages"), tr("Messages per example:"));
    addValue(QStringLiteral("tokens"), tr("Tokens per example:"));
    addValue(QStringLiteral("overLimit"), tr("Too long for the model:"));
    form->addRow(tr("Model:"), m_modelComboBox);
    form->addRow(tr("Passes (epochs):"), m_epochsSpinBox);
    addValue(QStringLiteral("epochs"), tr("Passes used:"));
    addValue(QStringLiteral("billedTokens"), tr("Tokens billed:"));
    addValue(QStringLiteral("cost"), tr("Estimated cost:"));
    auto *priceRow = new QHBoxLayout;
    priceRow->addWidget(m_priceDateLabel, 1);
    priceRow->addWidget(pricesButton);
    form->addRow(QString(), priceRow);
    return form;
}

StatisticsPanel::~StatisticsPanel() = default;

void StatisticsPanel::setDocument(DatasetDocument *document)
{
    m_updater->setDocument(document);
}

void StatisticsPanel::setTokenLimit(int tokens)
{
    m_updater->setTokenLimit(tokens);
}

const DatasetStatistics *StatisticsPanel::latestStatistics() const
{
    return m_updater->latest();
}

QString StatisticsPanel::currentModel() const
{
    return m_modelComboBox->currentData().toString();
}

void StatisticsPanel::setCurrentModel(const QString &model)
{
    const int index = m_modelComboBox->findData(model);
    if (index >= 0)
        m_modelComboBox->setCurrentIndex(index);
}

QString StatisticsPanel::value(const QString &key) const
{
    const QLabel *label = m_values.value(key);
    return label ? label->text() : QString();
}

QChart *StatisticsPanel::tokensChart() const
{
    return m_tokensChartView->chart();
}

QChart *StatisticsPanel::assistantTokensChart() const
{
    return m_assistantChartView->chart();
}

void StatisticsPanel::refresh()
{
    m_updater->refresh();
}

void StatisticsPanel::showStatistics(const DatasetStatistics &stats)
{
    const QLocale locale;
    auto set = [this](const QString &key, const QString &text) {
        m_values.value(key)->setText(text);
    };
    set(QStringLiteral("examples"), locale.toString(stats.examples));
    const Distribution &messages = stats.messagesPerExample;
    set(QStringLiteral("messages"),
            stats.examples == 0 ? QStringLiteral("–")
                                : tr("%1 to %2, typically %3")
                                          .arg(locale.toString(messages.min, 'f', 0),
                                                  locale.toString(messages.max, 'f', 0),
                                                  locale.toString(messages.median, 'f', 0)));
    const Distribution &tokens = stats.tokensPerExample;
    const bool counted = stats.countedExamples > 0;
    QString tokenText = !counted
            ? tr("not counted yet")
            : tr("%1 to %2, typically %3; %4 in all")
                      .arg(locale.toString(tokens.min, 'f', 0), locale.toString(tokens.max, 'f', 0),
                              locale.toString(tokens.median, 'f', 0),
                              locale.toString(stats.totalTokens));
    if (counted && stats.countedExamples < stats.examples)
        tokenText += QLatin1Char(' ')
                + tr("(%1 of %2 examples counted so far)")
                          .arg(locale.toString(stats.countedExamples),
                                  locale.toString(stats.examples));
    set(QStringLiteral("tokens"), tokenText);
    set(QStringLiteral("overLimit"),
            stats.overLimit == 0 ? tr("none (the limit is %1 tokens)")
                                           .arg(locale.toString(m_updater->tokenLimit()))
                                 : tr("%1 examples over %2 tokens will be cut short")
                                           .arg(locale.toString(stats.overLimit),
                                                   locale.toString(m_updater->tokenLimit())));

    const QString model = currentModel();
    const double price = priceFor(model);
    const TrainingEstimate estimate = stats.estimate(model, price, m_epochsSpinBox->value());
    set(QStringLiteral("epochs"),
            stats.examples == 0 ? QStringLiteral("–") : locale.toString(estimate.epochs));
    set(QStringLiteral("billedTokens"),
            counted ? tr("%1 (%2 per pass)")
                              .arg(locale.toString(estimate.billedTokens),
                                      locale.toString(estimate.billedTokensPerEpoch))
                    : QStringLiteral("–"));
    QString cost;
    if (!counted)
        cost = QStringLiteral("–");
    else if (estimate.costUsd < 0)
        cost = tr("unknown: no price for this model (set one with Prices…)");
    else
        cost = formatCostUsd(estimate.costUsd, locale);
    set(QStringLiteral("cost"), cost);
    m_priceDateLabel->setText(price < 0
                    ? QString()
                    : tr("At $%1 per million training tokens (%2).")
                              .arg(locale.toString(price, 'f', 2),
                                      PriceTableDialog::priceSourceText(m_settings)));

    showHistogram(m_tokensChartView, stats.tokensHistogram, tr("Tokens per example"));
    showHistogram(m_assistantChartView, stats.assistantTokensHistogram,
            tr("Tokens the model learns from, per example"));
    Q_EMIT statisticsShown();
}

void StatisticsPanel::showHistogram(
        QChartView *view, const Histogram &histogram, const QString &title)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    // removeAxis() hands the axis back to us (it leaked on every refresh; LeakSanitizer found it).
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(title);
    if (histogram.counts.isEmpty())
        return;
    auto *set = new QBarSet(tr("Examples"));
    QStringList bins;
    for (int i = 0; i < histogram.counts.size(); ++i) {
        *set << histogram.counts.at(i);
        bins << QString::number(i);
    }
    set->setColor(QColor(0x3b, 0x7d, 0xd8));
    auto *series = new QBarSeries;
    series->setBarWidth(0.95);
    series->append(set);
    chart->addSeries(series);
    // The bars stand on a hidden axis of bins; the axis people read runs in tokens over the same
    // width, labelled at a few round numbers (one label per bin does not fit and elides to "…").
    auto *bars = new QBarCategoryAxis;
    bars->append(bins);
    bars->setVisible(false);
    const qint64 from = histogram.lowerBounds.first();
    const qint64 to = histogram.upperBounds.last() + 1;
    const IntegerTicks xTicks = IntegerTicks::cover(from, to, kTokenLabels);
    auto *x = new QValueAxis;
    x->setObjectName(QStringLiteral("tokensAxis"));
    x->setRange(double(from), double(to));
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(double(xTicks.step));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("tokens"));
    // Whole examples: integer ticks, the top of the axis on one of them.
    const IntegerTicks yTicks = IntegerTicks::cover(0, histogram.highestCount());
    auto *y = new QValueAxis;
    y->setObjectName(QStringLiteral("examplesAxis"));
    y->setRange(0, double(yTicks.max));
    y->setTickCount(yTicks.count());
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("examples"));
    chart->addAxis(bars, Qt::AlignBottom);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(bars);
    series->attachAxis(y);
}

void StatisticsPanel::fillModels()
{
    const QString current = currentModel();
    const QSignalBlocker blocker(m_modelComboBox);
    m_modelComboBox->clear();
    for (const QString &model : PriceTableDialog::models(m_settings))
        m_modelComboBox->addItem(model, model);
    const int index = m_modelComboBox->findData(
            current.isEmpty() ? PriceTableDialog::defaultModel(m_settings) : current);
    m_modelComboBox->setCurrentIndex(qMax(0, index));
}

double StatisticsPanel::priceFor(const QString &model) const
{
    return PriceTableDialog::price(m_settings, model);
}

void StatisticsPanel::editPrices()
{
    PriceTableDialog dialog(m_settings, this);
    if (dialog.exec() == QDialog::Accepted) {
        fillModels();
        refresh();
    }
}

} // namespace fs::ui
