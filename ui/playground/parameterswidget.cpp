// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameterswidget.h"

#include "apitypes.h"
#include "wheelguard.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QIntValidator>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

// A spin box's minimum shows the special text "default": the value is then not sent at all,
// so the service's own default applies.
constexpr double kUnsetDouble = -0.01;

} // namespace

ParametersWidget::ParametersWidget(QWidget *parent)
    : QWidget(parent)
{
    m_toggleButton = new QToolButton(this);
    m_toggleButton->setObjectName(QStringLiteral("parametersToolButton"));
    m_toggleButton->setCheckable(true);
    m_toggleButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggleButton->setArrowType(Qt::RightArrow);
    m_toggleButton->setAutoRaise(true);
    m_toggleButton->setToolTip(tr("Show or hide how this model picks its words"));

    m_body = new QWidget(this);
    m_temperatureSpinBox = new QDoubleSpinBox(m_body);
    m_temperatureSpinBox->setObjectName(QStringLiteral("temperatureSpinBox"));
    m_temperatureSpinBox->setRange(kUnsetDouble, 2.0);
    m_temperatureSpinBox->setSingleStep(0.1);
    m_temperatureSpinBox->setDecimals(2);
    m_temperatureSpinBox->setSpecialValueText(tr("default"));
    m_temperatureSpinBox->setValue(kUnsetDouble);
    m_temperatureSpinBox->setToolTip(
            tr("Higher values make answers more varied, lower values more predictable (0–2)."));

    m_topPSpinBox = new QDoubleSpinBox(m_body);
    m_topPSpinBox->setObjectName(QStringLiteral("topPSpinBox"));
    m_topPSpinBox->setRange(kUnsetDouble, 1.0);
    m_topPSpinBox->setSingleStep(0.05);
    m_topPSpinBox->setDecimals(2);
    m_topPSpinBox->setSpecialValueText(tr("default"));
    m_topPSpinBox->setValue(kUnsetDouble);
    m_topPSpinBox->setToolTip(tr("Only the most likely words that together make up this share "
                                 "are considered (0–1). Change this or temperature, not both."));

    m_maxTokensSpinBox = new QSpinBox(m_body);
    m_maxTokensSpinBox->setObjectName(QStringLiteral("maxTokensSpinBox"));
    m_maxTokensSpinBox->setRange(0, 128000);
    m_maxTokensSpinBox->setSingleStep(64);
    m_maxTokensSpinBox->setSpecialValueText(tr("no limit"));
    m_maxTokensSpinBox->setToolTip(tr("The answer is cut off after this many tokens."));

    m_seedLineEdit = new QLineEdit(m_body);
    m_seedLineEdit->setObjectName(QStringLiteral("seedLineEdit"));
    m_seedLineEdit->setPlaceholderText(tr("random"));
    m_seedLineEdit->setValidator(new QIntValidator(0, 2147483647, m_seedLineEdit));
    m_seedLineEdit->setToolTip(tr("The same seed and settings give the same answer more often."));

    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(16, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Temperature:"), m_temperatureSpinBox);
    form->addRow(tr("Top p:"), m_topPSpinBox);
    form->addRow(tr("Longest answer (tokens):"), m_maxTokensSpinBox);
    form->addRow(tr("Seed:"), m_seedLineEdit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggleButton);
    layout->addWidget(m_body);
    m_body->setVisible(false);
    guardWheelInside(m_body); // the Playground's side panel scrolls under the wheel

    connect(m_toggleButton, &QToolButton::toggled, this, &ParametersWidget::setExpanded);
    auto notify = [this] {
        updateSummary();
        Q_EMIT changed();
    };
    connect(m_temperatureSpinBox, &QDoubleSpinBox::valueChanged, this, notify);
    connect(m_topPSpinBox, &QDoubleSpinBox::valueChanged, this, notify);
    connect(m_maxTokensSpinBox, &QSpinBox::valueChanged, this, notify);
    connect(m_seedLineEdit, &QLineEdit::textChanged, this, notify);
    updateSummary();
}

std::optional<double> ParametersWidget::temperature() const
{
    if (m_temperatureSpinBox->value() < 0)
        return std::nullopt;
    return m_temperatureSpinBox->value();
}

std::optional<double> ParametersWidget::topP() const
{
    if (m_topPSpinBox->value() < 0)
        return std::nullopt;
    return m_topPSpinBox->value();
}

std::optional<int> ParametersWidget::maxCompletionTokens() const
{
    if (m_maxTokensSpinBox->value() <= 0)
        return std::nullopt;
    return m_maxTokensSpinBox->value();
}

std::optional<qint64> ParametersWidget::seed() const
{
    bool ok = false;
    const qint64 value = m_seedLineEdit->text().trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

void ParametersWidget::setTemperature(std::optional<double> value)
{
    m_temperatureSpinBox->setValue(value ? *value : kUnsetDouble);
}

void ParametersWidget::setTopP(std::optional<double> value)
{
    m_topPSpinBox->setValue(value ? *value : kUnsetDouble);
}

void ParametersWidget::setMaxCompletionTokens(std::optional<int> value)
{
    m_maxTokensSpinBox->setValue(value ? *value : 0);
}

void ParametersWidget::setSeed(std::optional<qint64> value)
{
    m_seedLineEdit->setText(value ? QString::number(*value) : QString());
}

void ParametersWidget::applyTo(ChatRequest &request) const
{
    request.temperature = temperature();
    request.topP = topP();
    request.maxCompletionTokens = maxCompletionTokens();
    request.seed = seed();
}

void ParametersWidget::setFrom(const ChatRequest &request)
{
    setTemperature(request.temperature);
    setTopP(request.topP);
    setMaxCompletionTokens(request.maxCompletionTokens);
    setSeed(request.seed);
}

bool ParametersWidget::isExpanded() const
{
    return m_body->isVisibleTo(this);
}

void ParametersWidget::setExpanded(bool expanded)
{
    m_body->setVisible(expanded);
    m_toggleButton->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    if (m_toggleButton->isChecked() != expanded)
        m_toggleButton->setChecked(expanded);
}

QString ParametersWidget::summary() const
{
    QStringList parts;
    if (const auto value = temperature())
        parts << tr("temperature %1").arg(*value, 0, 'g', 3);
    if (const auto value = topP())
        parts << tr("top p %1").arg(*value, 0, 'g', 3);
    if (const auto value = maxCompletionTokens())
        parts << tr("at most %1 tokens").arg(*value);
    if (const auto value = seed())
        parts << tr("seed %1").arg(*value);
    if (parts.isEmpty())
        return tr("Settings: defaults");
    return tr("Settings: %1").arg(parts.join(QStringLiteral(" · ")));
}

void ParametersWidget::updateSummary()
{
    m_toggleButton->setText(summary());
}

} // namespace fs::ui
