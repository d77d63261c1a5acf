// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain.h"
#include "jobformrules.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;

namespace fs::ui {

/**
 * @brief One training setting as the New-job form shows it: "Automatic" or a number held to the
 * setting's range (core's HyperparameterRule). The New-job dialog and the move wizard's mapped
 * settings use the same range handling and sentences from here.
 */
class HyperparameterEdit : public QWidget
{
    Q_OBJECT
public:
    explicit HyperparameterEdit(const HyperparameterRule &rule, QWidget *parent = nullptr);

    /// The spin box's decimals, step and bounds for `rule` (an exclusive bound one step in),
    /// with "Allowed: …" as its tooltip.
    static void applyRule(QDoubleSpinBox *spinBox, const HyperparameterRule &rule);
    /// "Allowed: 1 to 50" — the range in the form's words.
    static QString allowedText(const HyperparameterRule &rule);
    /// "How many times … Allowed: 1 to 50." — the rule's explanation and its range.
    static QString note(const HyperparameterRule &rule);
    /// "Automatic", the checkbox's word.
    static QString automaticText();
    /// "Let the service choose a value that suits your data", the checkbox's tooltip.
    static QString automaticToolTip();

    const HyperparameterRule &rule() const { return m_rule; }
    void setRule(const HyperparameterRule &rule);
    /// Automatic, or the number (held to the range). `automaticNumber`: the greyed number shown
    /// while automatic (the service's default), when known.
    void setValue(const Hyperparameter &value, std::optional<double> automaticNumber = {});
    Hyperparameter value() const;

    QCheckBox *automaticCheckBox() const { return m_automatic; }
    QDoubleSpinBox *spinBox() const { return m_spinBox; }

Q_SIGNALS:
    /// The person changed the setting (not emitted by setValue()).
    void edited();

private:
    HyperparameterRule m_rule;
    QCheckBox *m_automatic;
    QDoubleSpinBox *m_spinBox;
};

} // namespace fs::ui
