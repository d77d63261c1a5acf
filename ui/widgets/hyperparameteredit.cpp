// SPDX-License-Identifier: GPL-3.0-or-later
#include "hyperparameteredit.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>

#include <cmath>

namespace fs::ui {

namespace {

// The New-job form's own words (its translation context), so both places read the same.
QString formText(const char *text)
{
    return QCoreApplication::translate("fs::ui::NewJobDialog", text);
}

} // namespace

HyperparameterEdit::HyperparameterEdit(const HyperparameterRule &rule, QWidget *parent)
    : QWidget(parent)
    , m_automatic(new QCheckBox(automaticText(), this))
    , m_spinBox(new QDoubleSpinBox(this))
{
    m_automatic->setObjectName(rule.key + QStringLiteral("AutoCheckBox"));
    m_automatic->setToolTip(automaticToolTip());
    m_spinBox->setObjectName(rule.key + QStringLiteral("SpinBox"));
    m_spinBox->setAccessibleName(rule.label);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_automatic);
    layout->addWidget(m_spinBox, 1);
    setRule(rule);
    setValue(Hyperparameter(), rule.defaultValue);
    connect(m_automatic, &QCheckBox::toggled, this, [this](bool automatic) {
        m_spinBox->setEnabled(!automatic);
        Q_EMIT edited();
    });
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, &HyperparameterEdit::edited);
}

void HyperparameterEdit::applyRule(QDoubleSpinBox *spinBox, const HyperparameterRule &rule)
{
    spinBox->setDecimals(rule.integer ? 0 : std::max(1, rule.decimals));
    const double step = rule.integer ? 1.0 : std::pow(10.0, -spinBox->decimals());
    const double minimum = rule.exclusiveMinimum ? rule.minimum + step : rule.minimum;
    const double maximum = !std::isfinite(rule.maximum) ? 1e6
            : rule.exclusiveMaximum                     ? rule.maximum - step
                                                        : rule.maximum;
    spinBox->setRange(minimum, maximum);
    spinBox->setSingleStep(rule.suggestedStep > 0 ? rule.suggestedStep : step);
    spinBox->setToolTip(allowedText(rule));
}

QString HyperparameterEdit::allowedText(const HyperparameterRule &rule)
{
    return formText("Allowed: %1").arg(rule.rangeText());
}

QString HyperparameterEdit::note(const HyperparameterRule &rule)
{
    return formText("%1 Allowed: %2.").arg(rule.explanation, rule.rangeText());
}

QString HyperparameterEdit::automaticText()
{
    return formText("Automatic");
}

QString HyperparameterEdit::automaticToolTip()
{
    return formText("Let the service choose a value that suits your data");
}

void HyperparameterEdit::setRule(const HyperparameterRule &rule)
{
    m_rule = rule;
    const QSignalBlocker blocker(m_spinBox);
    applyRule(m_spinBox, rule);
    m_automatic->setText(rule.automaticText.isEmpty() ? automaticText() : rule.automaticText);
    m_automatic->setVisible(rule.autoAllowed);
    if (!rule.autoAllowed) {
        const QSignalBlocker autoBlocker(m_automatic);
        m_automatic->setChecked(false);
    }
    m_spinBox->setEnabled(!m_automatic->isChecked());
}

void HyperparameterEdit::setValue(
        const Hyperparameter &value, std::optional<double> automaticNumber)
{
    const QSignalBlocker autoBlocker(m_automatic);
    const QSignalBlocker spinBlocker(m_spinBox);
    const bool automatic = value.isAuto && m_rule.autoAllowed;
    m_automatic->setChecked(automatic);
    m_spinBox->setEnabled(!automatic);
    if (!value.isAuto)
        m_spinBox->setValue(value.value);
    else if (automaticNumber)
        m_spinBox->setValue(*automaticNumber);
    else if (m_rule.defaultValue)
        m_spinBox->setValue(*m_rule.defaultValue);
}

Hyperparameter HyperparameterEdit::value() const
{
    Hyperparameter value;
    value.isAuto = m_rule.autoAllowed && m_automatic->isChecked();
    value.value = m_spinBox->value();
    return value;
}

} // namespace fs::ui
