// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;

namespace fs::ui {

/**
 * @brief Every field of one file on the service, in plain words, with the service's reason
 * when it could not use the file.
 */
class FileDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FileDetailsPanel(QWidget *parent = nullptr);

    /// Shows a file; an empty id shows "Select a file…". `use` is what the person said it is
    /// for ("Training data"), empty when unknown.
    void setFile(const fs::FileObject &file, const QString &use = {});
    fs::FileObject file() const { return m_file; }
    /// The text a label shows, by field name ("id", "status", "statusDetails", …) (tests).
    QString fieldText(const QString &field) const;

private:
    QLabel *addField(QFormLayout *form, const QString &name, const QString &label);

    fs::FileObject m_file;
    QStackedWidget *m_pages;
    QLabel *m_statusDetailsLabel;
};

} // namespace fs::ui
