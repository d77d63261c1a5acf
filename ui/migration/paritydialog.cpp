// SPDX-License-Identifier: GPL-3.0-or-later
#include "paritydialog.h"

#include "deploymenthub.h"
#include "filedialog.h"
#include "paritypanel.h"
#include "playgroundconnections.h"
#include "targetselector.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fs::ui {

ParityDialog::ParityDialog(PlaygroundConnections *connections, QWidget *parent)
    : QDialog(parent)
    , m_connections(connections)
    , m_old(new TargetSelector(connections, this))
    , m_new(new TargetSelector(connections, this))
    , m_prompts(new QLineEdit(this))
    , m_prepare(new QPushButton(tr("Use These"), this))
    , m_problem(new QLabel(this))
    , m_panel(new ParityPanel(connections->networkAccessManager(), this))
{
    setObjectName(QStringLiteral("parityDialog"));
    setWindowTitle(tr("Parity Check"));
    auto *intro = new QLabel(tr("Is the new model as good as the old one? The prompts go to "
                                "both; each new answer is compared with the old model's "
                                "(ROUGE), you rate some of them without knowing which is which, "
                                "and a one-page report is saved beside the prompts file."),
            this);
    intro->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();
    m_prompts->setPlaceholderText(tr("A chat file (.jsonl): each example up to its last answer"));
    auto *browse = new QPushButton(tr("Choose File…"), this);
    auto *promptsRow = new QHBoxLayout;
    promptsRow->addWidget(m_prompts, 1);
    promptsRow->addWidget(browse);
    promptsRow->addWidget(m_prepare);
    auto *form = new QFormLayout;
    form->addRow(tr("Old model:"), m_old);
    form->addRow(tr("New model:"), m_new);
    form->addRow(tr("Prompts:"), promptsRow);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_panel, 1);
    layout->addWidget(close);
    m_panel->setEnabled(false);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = FileDialog::getOpenFileName(this, QStringLiteral("prompts"),
                tr("Prompts"), QFileInfo(m_prompts->text()).absolutePath(),
                tr("Chat examples (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            m_prompts->setText(path);
    });
    connect(m_prepare, &QPushButton::clicked, this, &ParityDialog::prepare);
    connect(m_prompts, &QLineEdit::textChanged, this, &ParityDialog::updateReady);
    connect(m_old, &TargetSelector::readyChanged, this, &ParityDialog::updateReady);
    connect(m_new, &TargetSelector::readyChanged, this, &ParityDialog::updateReady);
    updateReady();
}

void ParityDialog::updateReady()
{
    m_prepare->setEnabled(
            m_old->isReady() && m_new->isReady() && !m_prompts->text().trimmed().isEmpty());
}

void ParityDialog::prepare()
{
    ModelTarget oldTarget = m_old->target();
    ModelTarget newTarget = m_new->target();
    oldTarget.temperature = 0;
    newTarget.temperature = 0;
    QString problem;
    if (m_connections->isSameModel(oldTarget, newTarget))
        problem = tr("Choose two different models.");
    if (DeploymentHub *hub = m_connections->deployments(); hub && problem.isEmpty()) {
        problem = hub->route(&oldTarget);
        if (problem.isEmpty())
            problem = hub->route(&newTarget);
    }
    if (problem.isEmpty())
        problem = m_panel->configure(
                m_prompts->text().trimmed(), oldTarget.label(), oldTarget, newTarget);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_panel->setEnabled(problem.isEmpty());
}

} // namespace fs::ui
