// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"

#include <QDialog>
#include <QPointer>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fs {
class DatasetDocument;
}

namespace fs::ui {

/// Writes a training file and a validation file: a seeded shuffle puts each example in exactly
/// one of them, in the chosen proportion.
class ExportSplitDialog : public QDialog
{
    Q_OBJECT
public:
    /// `folder`: where the files go when the dataset has no folder of its own (a new one or a
    /// sample); empty: the home folder.
    explicit ExportSplitDialog(
            DatasetDocument *document, const QString &folder = {}, QWidget *parent = nullptr);

    double validationRatio() const; ///< 0…1
    quint32 seed() const;
    QString trainingPath() const;
    QString validationPath() const;
    void setPaths(const QString &training, const QString &validation);
    /// Writes both files; the error (none on success).
    DatasetError exportNow();

private:
    void updateCounts();

    QPointer<DatasetDocument> m_document;
    QSpinBox *m_percentSpinBox;
    QSpinBox *m_seedSpinBox;
    QLineEdit *m_trainingLineEdit;
    QLineEdit *m_validationLineEdit;
    QLabel *m_countLabel;
    QLabel *m_warningLabel;
};

} // namespace fs::ui
