// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkdialogs.h"

#include "datasetdocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

namespace fs::ui {

namespace {
// Up to this many examples the matches are counted at every key press; above, once typing
// pauses, a few milliseconds at a time.
constexpr int kLiveCountLimit = 2000;
constexpr qint64 kCountSliceNs = 8'000'000;
} // namespace

SystemPromptDialog::SystemPromptDialog(
        DatasetDocument *document, const QList<int> &selectedRows, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_selected(selectedRows)
{
    setObjectName(QStringLiteral("systemPromptDialog"));
    setWindowTitle(tr("Set the System Message"));
    auto *intro = new QLabel(tr("The system message tells the model who it is and how to answer. "
                                "It replaces the first system message of each example, or is "
                                "added at the top where there is none."),
            this);
    intro->setWordWrap(true);
    m_promptEdit = new QPlainTextEdit(this);
    m_promptEdit->setObjectName(QStringLiteral("promptPlainTextEdit"));
    m_promptEdit->setAccessibleName(tr("System message"));
    if (m_document && !m_selected.isEmpty())
        m_promptEdit->setPlainText(
                m_document->example(m_selected.first()).firstText(QStringLiteral("system")));
    m_allRadioButton = new QRadioButton(
            tr("Every example (%1)").arg(m_document ? m_document->count() : 0), this);
    m_allRadioButton->setObjectName(QStringLiteral("allRadioButton"));
    m_selectedRadioButton =
            new QRadioButton(tr("Only the selected examples (%1)").arg(m_selected.size()), this);
    m_selectedRadioButton->setObjectName(QStringLiteral("selectedRadioButton"));
    m_selectedRadioButton->setEnabled(!m_selected.isEmpty());
    (m_selected.size() > 1 ? m_selectedRadioButton : m_allRadioButton)->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Set"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("setPushButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_promptEdit, 1);
    layout->addWidget(m_allRadioButton);
    layout->addWidget(m_selectedRadioButton);
    layout->addWidget(buttons);
    resize(520, 320);
}

QString SystemPromptDialog::prompt() const
{
    return m_promptEdit->toPlainText();
}

bool SystemPromptDialog::onlySelected() const
{
    return m_selectedRadioButton->isChecked();
}

bool SystemPromptDialog::apply()
{
    if (!m_document || m_document->isBulkRunning() || m_document->isLoading())
        return false;
    m_document->setSystemPromptAsync(prompt(), onlySelected() ? m_selected : QList<int>());
    return m_document->isBulkRunning();
}

FindReplaceDialog::FindReplaceDialog(
        DatasetDocument *document, const QList<int> &selectedRows, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_selected(selectedRows)
{
    setObjectName(QStringLiteral("findReplaceDialog"));
    setWindowTitle(tr("Find and Replace"));
    m_findLineEdit = new QLineEdit(this);
    m_findLineEdit->setObjectName(QStringLiteral("findLineEdit"));
    m_replaceLineEdit = new QLineEdit(this);
    m_replaceLineEdit->setObjectName(QStringLiteral("replaceLineEdit"));
    m_caseCheckBox = new QCheckBox(tr("Match upper and lower case"), this);
    m_caseCheckBox->setObjectName(QStringLiteral("caseCheckBox"));
    m_wordsCheckBox = new QCheckBox(tr("Whole words only"), this);
    m_wordsCheckBox->setObjectName(QStringLiteral("wholeWordsCheckBox"));
    m_roleComboBox = new QComboBox(this);
    m_roleComboBox->setObjectName(QStringLiteral("roleComboBox"));
    m_roleComboBox->addItem(tr("Every message"), QString());
    m_roleComboBox->addItem(tr("System messages"), QStringLiteral("system"));
    m_roleComboBox->addItem(tr("User messages"), QStringLiteral("user"));
    m_roleComboBox->addItem(tr("Assistant messages"), QStringLiteral("assistant"));
    m_selectedCheckBox =
            new QCheckBox(tr("Only in the selected examples (%1)").arg(m_selected.size()), this);
    m_selectedCheckBox->setObjectName(QStringLiteral("onlySelectedCheckBox"));
    m_selectedCheckBox->setEnabled(m_selected.size() > 1);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));

    auto *form = new QFormLayout;
    form->addRow(tr("Find:"), m_findLineEdit);
    form->addRow(tr("Replace with:"), m_replaceLineEdit);
    form->addRow(tr("Look in:"), m_roleComboBox);
    form->addRow(QString(), m_caseCheckBox);
    form->addRow(QString(), m_wordsCheckBox);
    form->addRow(QString(), m_selectedCheckBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_replaceButton = buttons->addButton(tr("Replace All"), QDialogButtonBox::ActionRole);
    m_replaceButton->setObjectName(QStringLiteral("replaceAllPushButton"));
    m_replaceButton->setDefault(true);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindReplaceDialog::replaceAll);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_countLabel);
    layout->addWidget(buttons);

    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(250);
    m_countStepTimer = new QTimer(this);
    m_countStepTimer->setSingleShot(true);
    m_countStepTimer->setInterval(0);
    connect(m_countStepTimer, &QTimer::timeout, this, &FindReplaceDialog::countStep);
    connect(m_countTimer, &QTimer::timeout, this, [this] {
        m_countOptions = options();
        m_countRows = rows();
        m_countNext = 0;
        m_countTotal = 0;
        countStep();
    });
    if (m_document)
        connect(m_document, &DatasetDocument::bulkFinished, this,
                &FindReplaceDialog::onBulkFinished);
    for (QLineEdit *edit : {m_findLineEdit, m_replaceLineEdit})
        connect(edit, &QLineEdit::textChanged, this, &FindReplaceDialog::updateCount);
    for (QCheckBox *box : {m_caseCheckBox, m_wordsCheckBox, m_selectedCheckBox})
        connect(box, &QCheckBox::toggled, this, &FindReplaceDialog::updateCount);
    connect(m_roleComboBox, &QComboBox::currentIndexChanged, this, &FindReplaceDialog::updateCount);
    updateCount();
    resize(460, height());
}

FindReplaceOptions FindReplaceDialog::options() const
{
    FindReplaceOptions options;
    options.find = m_findLineEdit->text();
    options.replace = m_replaceLineEdit->text();
    options.caseSensitivity = m_caseCheckBox->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    options.wholeWords = m_wordsCheckBox->isChecked();
    options.role = m_roleComboBox->currentData().toString();
    return options;
}

QList<int> FindReplaceDialog::rows() const
{
    return m_selectedCheckBox->isChecked() ? m_selected : QList<int>();
}

void FindReplaceDialog::updateCount()
{
    m_countTimer->stop();
    m_countStepTimer->stop();
    if (m_replacing)
        return;
    if (!m_document || m_findLineEdit->text().isEmpty()) {
        m_countLabel->setText(tr("Type the text to find."));
        m_replaceButton->setEnabled(false);
        return;
    }
    const QList<int> targets = rows();
    if ((targets.isEmpty() ? m_document->count() : int(targets.size())) > kLiveCountLimit) {
        m_countLabel->setText(tr("Counting the matches…"));
        m_replaceButton->setEnabled(false);
        m_countTimer->start();
        return;
    }
    const int count = m_document->countMatches(options(), targets);
    m_countLabel->setText(count == 0 ? tr("Not found.") : tr("Matches found: %1").arg(count));
    m_replaceButton->setEnabled(count > 0);
}

void FindReplaceDialog::countStep()
{
    if (!m_document)
        return;
    const qsizetype total = m_countRows.isEmpty() ? m_document->count() : m_countRows.size();
    QElapsedTimer clock;
    clock.start();
    while (m_countNext < total) {
        QList<int> chunk;
        const qsizetype end = qMin(total, m_countNext + m_countChunk);
        chunk.reserve(end - m_countNext);
        for (qsizetype i = m_countNext; i < end; ++i)
            chunk.append(m_countRows.isEmpty() ? int(i) : m_countRows.at(i));
        const qint64 before = clock.nsecsElapsed();
        m_countTotal += m_document->countMatches(m_countOptions, chunk);
        const qint64 took = qMax<qint64>(1, clock.nsecsElapsed() - before);
        m_countNext = end;
        // Aim each chunk at a quarter of the slice, whatever the examples' length.
        m_countChunk = qBound(qsizetype(16), qsizetype(m_countChunk * (kCountSliceNs / 4) / took),
                qsizetype(20000));
        if (clock.nsecsElapsed() >= kCountSliceNs && m_countNext < total) {
            m_countStepTimer->start();
            return;
        }
    }
    m_countLabel->setText(
            m_countTotal == 0 ? tr("Not found.") : tr("Matches found: %1").arg(m_countTotal));
    m_replaceButton->setEnabled(m_countTotal > 0);
}

void FindReplaceDialog::replaceAll()
{
    if (!m_document || m_findLineEdit->text().isEmpty() || m_replacing)
        return;
    if (m_document->isBulkRunning() || m_document->isLoading()) {
        m_countLabel->setText(tr("Another change is still running. Try again in a moment."));
        return;
    }
    m_countTimer->stop();
    m_countStepTimer->stop();
    m_replacing = true;
    m_countLabel->setText(tr("Replacing…"));
    m_replaceButton->setEnabled(false);
    m_document->findReplaceAsync(options(), rows());
    if (m_replacing)
        Q_EMIT replaceStarted();
}

void FindReplaceDialog::onBulkFinished(int count)
{
    if (!m_replacing)
        return;
    m_replacing = false;
    if (count < 0) {
        m_countLabel->setText(tr("Another change is still running. Try again in a moment."));
        return;
    }
    m_countLabel->setText(tr("Replacements made: %1. Edit ▸ Undo takes them back.").arg(count));
    m_replaceButton->setEnabled(false);
}

} // namespace fs::ui
