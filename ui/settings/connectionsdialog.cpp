// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionsdialog.h"

#include "connectionstatuswidget.h"
#include "connectionstore.h"
#include "messagebox.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;

QLabel *makeNote(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ConnectionsDialog::ConnectionsDialog(
        ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_tester(new ConnectionTester(nam, this))
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connections"));
    buildUi();

    connect(m_tester, &ConnectionTester::finished, this, &ConnectionsDialog::showTestResult);
    connect(m_store, &ConnectionStore::connectionsChanged, this, &ConnectionsDialog::rebuildList);
    connect(m_store, &ConnectionStore::activeChanged, this, &ConnectionsDialog::rebuildList);

    rebuildList();
    showConnection(m_store->activeId());
    rebuildList();
}

void ConnectionsDialog::buildUi()
{
    QVBoxLayout *left = createListColumn();

    m_detailsGroupBox = new QGroupBox(tr("Details"), this);
    m_detailsGroupBox->setObjectName(QStringLiteral("detailsGroupBox"));
    m_sandboxInfoLabel = makeNote(QStringLiteral("sandboxInfoLabel"), this);
    createAddressFields();
    QHBoxLayout *keyRow = createAccountFields();
    createAzureFields();
    createWarningAndErrorNotes();
    createForm(keyRow);
    QHBoxLayout *testRow = createTestRow();

    m_savePushButton = new QPushButton(tr("&Save"), this);
    m_savePushButton->setObjectName(QStringLiteral("savePushButton"));
    m_usePushButton = new QPushButton(tr("&Use This Connection"), this);
    m_usePushButton->setObjectName(QStringLiteral("usePushButton"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_savePushButton);
    saveRow->addWidget(m_usePushButton);

    auto *details = new QVBoxLayout(m_detailsGroupBox);
    details->addLayout(m_form);
    details->addLayout(testRow);
    details->addWidget(m_testResultLabel);
    details->addStretch();
    details->addLayout(saveRow);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addWidget(m_detailsGroupBox, 2);

    auto *buttonBox = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_closePushButton = buttonBox->button(QDialogButtonBox::Close);
    m_closePushButton->setObjectName(QStringLiteral("closePushButton"));
    // Enter in a field must not close the dialog.
    m_closePushButton->setAutoDefault(false);
    m_savePushButton->setAutoDefault(false);
    m_testPushButton->setAutoDefault(false);
    connect(buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttonBox);
    resize(760, 480);
    connectForm();
}

/// The list of connections with Add and Remove under it.
QVBoxLayout *ConnectionsDialog::createListColumn()
{
    m_connectionsListWidget = new QListWidget(this);
    m_connectionsListWidget->setObjectName(QStringLiteral("connectionsListWidget"));
    m_connectionsListWidget->setMinimumWidth(200);
    m_addPushButton = new QPushButton(tr("&Add"), this);
    m_addPushButton->setObjectName(QStringLiteral("addPushButton"));
    m_addPushButton->setToolTip(
            tr("Add a connection to OpenAI, Azure OpenAI, Together AI, Fireworks AI or another "
               "server."));
    m_removePushButton = new QPushButton(tr("&Remove"), this);
    m_removePushButton->setObjectName(QStringLiteral("removePushButton"));

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addPushButton);
    listButtons->addWidget(m_removePushButton);
    listButtons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(m_connectionsListWidget, 1);
    left->addLayout(listButtons);
    return left;
}

/// Name, kind and the server's address with its hint.
void ConnectionsDialog::createAddressFields()
{
    m_nameLineEdit = new QLineEdit(this);
    m_nameLineEdit->setObjectName(QStringLiteral("nameLineEdit"));
    m_nameLineEdit->setPlaceholderText(tr("For example: My OpenAI account"));

    m_kindComboBox = new QComboBox(this);
    m_kindComboBox->setObjectName(QStringLiteral("kindComboBox"));
    for (const auto kind : {Connection::Kind::OpenAI, Connection::Kind::Azure,
                 Connection::Kind::Together, Connection::Kind::Fireworks,
                 Connection::Kind::Compatible, Connection::Kind::Sandbox})
        m_kindComboBox->addItem(Connection::kindDisplayName(kind), Connection::kindToString(kind));
    // There is only one sandbox: it can be shown but not chosen.
    if (auto *model = qobject_cast<QStandardItemModel *>(m_kindComboBox->model()))
        model->item(m_kindComboBox->findData(Connection::kindToString(Connection::Kind::Sandbox)))
                ->setEnabled(false);

    m_baseUrlLabel = new QLabel(this);
    m_baseUrlLineEdit = new QLineEdit(this);
    m_baseUrlLineEdit->setObjectName(QStringLiteral("baseUrlLineEdit"));
    m_baseUrlLabel->setBuddy(m_baseUrlLineEdit);
    m_addressHintLabel = makeNote(QStringLiteral("addressHintLabel"), this);
    QFont hintFont = m_addressHintLabel->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.9);
    m_addressHintLabel->setFont(hintFont);
}

/// The API key (with Show), organization, project and account IDs; returns the key's row.
QHBoxLayout *ConnectionsDialog::createAccountFields()
{
    m_apiKeyLabel = new QLabel(tr("API &key:"), this);
    m_apiKeyLineEdit = new QLineEdit(this);
    m_apiKeyLineEdit->setObjectName(QStringLiteral("apiKeyLineEdit"));
    m_apiKeyLineEdit->setEchoMode(QLineEdit::Password);
    m_apiKeyLineEdit->setClearButtonEnabled(true);
    m_apiKeyLabel->setBuddy(m_apiKeyLineEdit);
    m_showKeyCheckBox = new QCheckBox(tr("Show"), this);
    m_showKeyCheckBox->setObjectName(QStringLiteral("showKeyCheckBox"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_apiKeyLineEdit, 1);
    keyRow->addWidget(m_showKeyCheckBox);

    m_organizationLabel = new QLabel(tr("&Organization ID:"), this);
    m_organizationLineEdit = new QLineEdit(this);
    m_organizationLineEdit->setObjectName(QStringLiteral("organizationLineEdit"));
    m_organizationLineEdit->setPlaceholderText(tr("Optional, e.g. org-…"));
    m_organizationLabel->setBuddy(m_organizationLineEdit);
    m_projectLabel = new QLabel(tr("&Project ID:"), this);
    m_projectLineEdit = new QLineEdit(this);
    m_projectLineEdit->setObjectName(QStringLiteral("projectLineEdit"));
    m_projectLineEdit->setPlaceholderText(tr("Optional, e.g. proj_…"));
    m_projectLabel->setBuddy(m_projectLineEdit);
    m_accountLabel = new QLabel(tr("A&ccount ID:"), this);
    m_accountLineEdit = new QLineEdit(this);
    m_accountLineEdit->setObjectName(QStringLiteral("accountLineEdit"));
    m_accountLineEdit->setPlaceholderText(tr("Shown on your Fireworks AI account page"));
    m_accountLabel->setBuddy(m_accountLineEdit);
    return keyRow;
}

/// Where an Azure resource lives (for deploying), with a note on where to find it.
void ConnectionsDialog::createAzureFields()
{
    m_azureNoteLabel = makeNote(QStringLiteral("azureNoteLabel"), this);
    m_azureNoteLabel->setText(
            tr("To deploy a fine-tuned model (so that you can chat with it), the app also needs "
               "where the resource lives. In the Azure portal, open the resource: its Overview "
               "page shows the subscription ID and the resource group; the resource name is "
               "the NAME in https://NAME.openai.azure.com. You sign in with Microsoft when you "
               "first deploy."));
    const auto azureField = [this](const QString &objectName, const QString &placeholder,
                                    const QString &help) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(objectName);
        edit->setPlaceholderText(placeholder);
        edit->setToolTip(help);
        edit->setWhatsThis(help);
        return edit;
    };
    m_azureSubscriptionLineEdit = azureField(QStringLiteral("azureSubscriptionLineEdit"),
            tr("e.g. 1234abcd-12ab-34cd-56ef-1234567890ab"), AzureManagement::subscriptionHelp());
    m_azureResourceGroupLineEdit = azureField(QStringLiteral("azureResourceGroupLineEdit"),
            tr("e.g. my-resource-group"), AzureManagement::resourceGroupHelp());
    m_azureAccountLineEdit = azureField(QStringLiteral("azureAccountLineEdit"),
            tr("e.g. my-openai-resource"), AzureManagement::accountHelp());
    m_azureTenantLineEdit = azureField(QStringLiteral("azureTenantLineEdit"),
            tr("Optional: any work or school account"), AzureManagement::tenantHelp());
}

/// The plain-http warning and the form's error.
void ConnectionsDialog::createWarningAndErrorNotes()
{
    m_warningLabel = makeNote(QStringLiteral("warningLabel"), this);
    m_warningLabel->setStyleSheet(QStringLiteral("QLabel { color: #b35c00; }"));
    m_warningLabel->setText(
            tr("Warning: this address starts with http:// instead of https://, so your API key "
               "and your data would travel over the network unencrypted. Use it only on a "
               "network you fully trust."));
    m_errorLabel = makeNote(QStringLiteral("errorLabel"), this);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
}

void ConnectionsDialog::createForm(QHBoxLayout *keyRow)
{
    m_form = new QFormLayout;
    m_form->addRow(m_sandboxInfoLabel);
    m_form->addRow(tr("&Name:"), m_nameLineEdit);
    m_form->addRow(tr("&Kind:"), m_kindComboBox);
    m_form->addRow(m_baseUrlLabel, m_baseUrlLineEdit);
    // Long notes span the row: as a field, a word-wrapped label is given odd heights.
    m_form->addRow(m_addressHintLabel);
    m_form->addRow(m_apiKeyLabel, keyRow);
    m_form->addRow(m_organizationLabel, m_organizationLineEdit);
    m_form->addRow(m_projectLabel, m_projectLineEdit);
    m_form->addRow(m_azureNoteLabel);
    m_form->addRow(tr("&Subscription ID:"), m_azureSubscriptionLineEdit);
    m_form->addRow(tr("Resource &group:"), m_azureResourceGroupLineEdit);
    m_form->addRow(tr("&Resource name:"), m_azureAccountLineEdit);
    m_form->addRow(tr("&Tenant (directory):"), m_azureTenantLineEdit);
    m_form->addRow(m_accountLabel, m_accountLineEdit);
    m_form->addRow(m_warningLabel);
    m_form->addRow(m_errorLabel);
}

/// Test, with a coloured dot and the state beside it.
QHBoxLayout *ConnectionsDialog::createTestRow()
{
    m_testPushButton = new QPushButton(tr("&Test"), this);
    m_testPushButton->setObjectName(QStringLiteral("testPushButton"));
    m_testPushButton->setToolTip(tr("Ask the server for its list of models, to check the address "
                                    "and the key."));
    m_testDotLabel = new QLabel(this);
    m_testStateLabel = new QLabel(this);
    m_testStateLabel->setObjectName(QStringLiteral("testStateLabel"));
    QFont bold = m_testStateLabel->font();
    bold.setBold(true);
    m_testStateLabel->setFont(bold);
    m_testResultLabel = makeNote(QStringLiteral("testResultLabel"), this);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testPushButton);
    testRow->addWidget(m_testDotLabel);
    testRow->addWidget(m_testStateLabel);
    testRow->addStretch();
    return testRow;
}

void ConnectionsDialog::connectForm()
{
    connect(m_connectionsListWidget, &QListWidget::currentRowChanged, this,
            &ConnectionsDialog::onSelectionChanged);
    connect(m_addPushButton, &QPushButton::clicked, this, &ConnectionsDialog::addConnection);
    connect(m_removePushButton, &QPushButton::clicked, this, &ConnectionsDialog::removeConnection);
    connect(m_savePushButton, &QPushButton::clicked, this, &ConnectionsDialog::save);
    connect(m_testPushButton, &QPushButton::clicked, this, &ConnectionsDialog::test);
    connect(m_usePushButton, &QPushButton::clicked, this, &ConnectionsDialog::useSelected);
    connect(m_kindComboBox, &QComboBox::currentIndexChanged, this,
            &ConnectionsDialog::onKindChanged);
    connect(m_showKeyCheckBox, &QCheckBox::toggled, this, [this](bool show) {
        m_apiKeyLineEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    for (QLineEdit *edit :
            {m_nameLineEdit, m_baseUrlLineEdit, m_apiKeyLineEdit, m_organizationLineEdit,
                    m_projectLineEdit, m_azureSubscriptionLineEdit, m_azureResourceGroupLineEdit,
                    m_azureAccountLineEdit, m_azureTenantLineEdit, m_accountLineEdit})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionsDialog::markDirty);
}

void ConnectionsDialog::rebuildList()
{
    // The selected connection may have gone (removed elsewhere): fall back to the sandbox.
    if (!m_currentId.isEmpty() && !m_store->contains(m_currentId)) {
        m_dirty = false;
        showConnection(ConnectionStore::sandboxId());
    }
    const QSignalBlocker blocker(m_connectionsListWidget);
    m_connectionsListWidget->clear();
    const QString activeId = m_store->activeId();
    for (const Connection &connection : m_store->connections()) {
        auto *item = new QListWidgetItem(m_connectionsListWidget);
        QString text = connection.name.isEmpty() ? tr("(no name)") : connection.name;
        if (connection.id == activeId) {
            //: Marks the connection that is currently active in the list
            text = tr("%1 (in use)").arg(text);
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        item->setText(text);
        item->setToolTip(Connection::kindDisplayName(connection.kind));
        item->setData(kIdRole, connection.id);
        if (connection.id == m_currentId)
            m_connectionsListWidget->setCurrentItem(item);
    }
    updateForm();
}

void ConnectionsDialog::selectConnection(const QString &id)
{
    if (!m_store->contains(id) || id == m_currentId)
        return;
    if (!confirmLeave())
        return;
    showConnection(id);
    rebuildList();
}

void ConnectionsDialog::onSelectionChanged()
{
    const QListWidgetItem *item = m_connectionsListWidget->currentItem();
    if (!item)
        return;
    const QString id = item->data(kIdRole).toString();
    if (id == m_currentId)
        return;
    if (!confirmLeave()) {
        rebuildList(); // puts the selection back
        return;
    }
    showConnection(id);
}

void ConnectionsDialog::showConnection(const QString &id)
{
    const auto connection = m_store->connection(id);
    if (!connection)
        return;
    m_loading = true;
    ++m_testGeneration;
    m_tester->cancel();
    setBusy(false);
    m_currentId = id;
    m_nameLineEdit->setText(connection->name);
    m_kindComboBox->setCurrentIndex(
            m_kindComboBox->findData(Connection::kindToString(connection->kind)));
    m_baseUrlLineEdit->setText(connection->kind == Connection::Kind::Sandbox
                    ? connection->baseUrl.toDisplayString()
                    : connection->baseUrl.toString());
    m_apiKeyLineEdit->clear();
    m_organizationLineEdit->setText(connection->organization);
    m_projectLineEdit->setText(connection->project);
    m_azureSubscriptionLineEdit->setText(connection->azure.subscription);
    m_azureResourceGroupLineEdit->setText(connection->azure.resourceGroup);
    m_azureAccountLineEdit->setText(connection->azure.account);
    m_azureTenantLineEdit->setText(connection->azure.tenant);
    m_accountLineEdit->setText(connection->account);
    m_testResultLabel->clear();
    m_testStateLabel->clear();
    m_testDotLabel->clear();
    m_errorLabel->clear();
    m_dirty = false;
    m_loading = false;
    updateForm();
}

void ConnectionsDialog::onKindChanged()
{
    if (m_loading)
        return;
    // Offer the usual address of the new kind unless the user typed their own.
    const QString url = m_baseUrlLineEdit->text().trimmed();
    if (url.isEmpty() || url == Connection::defaultOpenAiBaseUrl()
            || url == Connection::defaultTogetherBaseUrl()
            || url == Connection::defaultFireworksBaseUrl()) {
        const auto kind = Connection::kindFromString(m_kindComboBox->currentData().toString());
        m_baseUrlLineEdit->setText(Connection::defaultBaseUrl(kind));
    }
    markDirty();
}

void ConnectionsDialog::markDirty()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_errorLabel->clear();
    updateForm();
}

void ConnectionsDialog::updateForm()
{
    const bool isSandbox = m_currentId == ConnectionStore::sandboxId();
    const auto kind = Connection::kindFromString(m_kindComboBox->currentData().toString());
    showSandboxInfo(isSandbox);
    updateFieldRows(kind, isSandbox);
    showAddressHelp(kind);

    if (m_store->hasKey(m_currentId))
        m_apiKeyLineEdit->setPlaceholderText(
                tr("Saved in the keychain. Type a new key to replace it."));
    else if (kind == Connection::Kind::Compatible)
        m_apiKeyLineEdit->setPlaceholderText(tr("Only if the server needs one"));
    else
        m_apiKeyLineEdit->setPlaceholderText(tr("Paste your API key here"));

    m_form->setRowVisible(m_warningLabel, !isSandbox && formConnection().sendsSecretsInClear());
    m_form->setRowVisible(m_errorLabel, !m_errorLabel->text().isEmpty());

    m_removePushButton->setEnabled(!isSandbox && !m_busy);
    m_savePushButton->setEnabled(hasUnsavedChanges() && !isSandbox && !m_busy);
    m_usePushButton->setEnabled(m_currentId != m_store->activeId() && !m_busy);
    m_addPushButton->setEnabled(!m_busy);
    m_connectionsListWidget->setEnabled(!m_busy);
}

void ConnectionsDialog::showSandboxInfo(bool isSandbox)
{
    m_form->setRowVisible(m_sandboxInfoLabel, isSandbox);
    // The sandbox also speaks Together AI: say where, so it can be tried without an account.
    const QString sandboxTogether = m_store->sandboxTogetherBaseUrl().toDisplayString();
    QString sandboxInfo =
            tr("The sandbox is built into this app. It runs on this computer, needs no key, "
               "costs nothing and only pretends to train. It cannot be changed or removed.");
    if (!sandboxTogether.isEmpty())
        sandboxInfo += QLatin1Char(' ')
                + tr("It also speaks Together AI’s API at %1: to practise with Together AI, "
                     "add a connection of the kind Together AI with that address.")
                          .arg(sandboxTogether);
    m_sandboxInfoLabel->setText(sandboxInfo);
}

void ConnectionsDialog::updateFieldRows(Connection::Kind kind, bool isSandbox)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_nameLineEdit),
                 static_cast<QWidget *>(m_kindComboBox), static_cast<QWidget *>(m_baseUrlLineEdit)})
        widget->setEnabled(!isSandbox && !m_busy);
    m_form->setRowVisible(m_apiKeyLabel, !isSandbox);
    const bool isOpenAi = kind == Connection::Kind::OpenAI && !isSandbox;
    m_form->setRowVisible(m_organizationLineEdit, isOpenAi);
    m_form->setRowVisible(m_projectLineEdit, isOpenAi);
    const bool isAzure = kind == Connection::Kind::Azure && !isSandbox;
    m_form->setRowVisible(m_azureNoteLabel, isAzure);
    for (QLineEdit *edit : {m_azureSubscriptionLineEdit, m_azureResourceGroupLineEdit,
                 m_azureAccountLineEdit, m_azureTenantLineEdit}) {
        m_form->setRowVisible(edit, isAzure);
        edit->setEnabled(!m_busy);
    }
    m_form->setRowVisible(m_accountLineEdit, kind == Connection::Kind::Fireworks && !isSandbox);
    m_apiKeyLineEdit->setEnabled(!m_busy);
}

void ConnectionsDialog::showAddressHelp(Connection::Kind kind)
{
    // The sandbox also speaks Together AI (and Fireworks AI): offered for practice.
    const QString sandboxTogether = m_store->sandboxTogetherBaseUrl().toDisplayString();
    switch (kind) {
    case Connection::Kind::OpenAI:
        m_baseUrlLabel->setText(tr("API &address:"));
        m_baseUrlLineEdit->setPlaceholderText(Connection::defaultOpenAiBaseUrl());
        m_addressHintLabel->setText(
                tr("Usually %1. You can create an API key on the OpenAI website under "
                   "“API keys”.")
                        .arg(Connection::defaultOpenAiBaseUrl()));
        break;
    case Connection::Kind::Azure:
        m_baseUrlLabel->setText(tr("Resource &endpoint:"));
        m_baseUrlLineEdit->setPlaceholderText(
                tr("https://YOUR-RESOURCE.openai.azure.com", "placeholder address"));
        m_addressHintLabel->setText(
                tr("Shown with the keys on your Azure OpenAI resource’s “Keys and Endpoint” "
                   "page. The app adds /openai/v1 itself."));
        break;
    case Connection::Kind::Compatible:
        m_baseUrlLabel->setText(tr("Server &address:"));
        m_baseUrlLineEdit->setPlaceholderText(
                tr("http://localhost:8000/v1", "placeholder address"));
        m_addressHintLabel->setText(
                tr("The address of the server’s OpenAI-compatible API, usually ending in /v1. "
                   "A key is only needed if the server asks for one."));
        break;
    case Connection::Kind::Together:
        m_baseUrlLabel->setText(tr("API &address:"));
        m_baseUrlLineEdit->setPlaceholderText(Connection::defaultTogetherBaseUrl());
        m_addressHintLabel->setText(
                tr("Usually %1. Your API key is on the Together AI website: sign in, open "
                   "Settings and then “API Keys”, and copy the key.")
                        .arg(Connection::defaultTogetherBaseUrl())
                + (sandboxTogether.isEmpty() ? QString()
                                             : QLatin1Char(' ')
                                        + tr("To practise without an account, use the "
                                             "built-in sandbox: %1 (no key needed).")
                                                  .arg(sandboxTogether)));
        break;
    case Connection::Kind::Fireworks: {
        m_baseUrlLabel->setText(tr("API &address:"));
        m_baseUrlLineEdit->setPlaceholderText(Connection::defaultFireworksBaseUrl());
        QUrl sandboxFireworks = m_store->sandboxTogetherBaseUrl();
        sandboxFireworks.setPath(QStringLiteral("/fireworks"));
        m_addressHintLabel->setText(
                tr("Usually %1. On the Fireworks AI website, your API key is under “API Keys” "
                   "and your account ID on your account page.")
                        .arg(Connection::defaultFireworksBaseUrl())
                + (sandboxTogether.isEmpty() ? QString()
                                             : QLatin1Char(' ')
                                        + tr("To practise without an account, use the "
                                             "built-in sandbox: %1 with any account ID "
                                             "(no key needed).")
                                                  .arg(sandboxFireworks.toDisplayString())));
        break;
    }
    case Connection::Kind::Sandbox:
        m_baseUrlLabel->setText(tr("&Address:"));
        m_baseUrlLineEdit->setPlaceholderText(tr("(not running)"));
        m_addressHintLabel->setText(
                tr("Kept from one start of the app to the next while that port is free."));
        break;
    }
}

void ConnectionsDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateForm();
}

Connection ConnectionsDialog::formConnection() const
{
    Connection connection = m_store->connection(m_currentId).value_or(Connection());
    if (connection.kind == Connection::Kind::Sandbox)
        return connection;
    connection.name = m_nameLineEdit->text().trimmed();
    connection.kind = Connection::kindFromString(m_kindComboBox->currentData().toString());
    connection.baseUrl = QUrl(m_baseUrlLineEdit->text().trimmed());
    const bool isOpenAi = connection.kind == Connection::Kind::OpenAI;
    connection.organization = isOpenAi ? m_organizationLineEdit->text().trimmed() : QString();
    connection.project = isOpenAi ? m_projectLineEdit->text().trimmed() : QString();
    if (connection.kind == Connection::Kind::Azure) {
        connection.azure.subscription = m_azureSubscriptionLineEdit->text().trimmed();
        connection.azure.resourceGroup = m_azureResourceGroupLineEdit->text().trimmed();
        connection.azure.account = m_azureAccountLineEdit->text().trimmed();
        connection.azure.tenant = m_azureTenantLineEdit->text().trimmed();
    }
    connection.account = connection.kind == Connection::Kind::Fireworks
            ? m_accountLineEdit->text().trimmed()
            : QString();
    connection.apiKey = m_apiKeyLineEdit->text().trimmed();
    return connection;
}

QString ConnectionsDialog::validate(const Connection &connection) const
{
    if (connection.name.isEmpty())
        return tr("Please give the connection a name.");
    const QUrl url = connection.baseUrl;
    if (url.isEmpty())
        return tr("Please enter the address of the server.");
    if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return tr("The address should start with https:// (or http://), for example %1.")
                .arg(Connection::defaultBaseUrl(connection.kind).isEmpty()
                                ? Connection::defaultOpenAiBaseUrl()
                                : Connection::defaultBaseUrl(connection.kind));
    if (connection.kind == Connection::Kind::Fireworks && connection.account.isEmpty())
        return tr("Please enter your Fireworks AI account ID. It is shown on your account page "
                  "on the Fireworks AI website.");
    return {};
}

bool ConnectionsDialog::confirmLeave()
{
    if (!m_dirty && !isUnsavedNew())
        return true;
    const QString name = m_nameLineEdit->text().trimmed();
    const auto answer = MessageBox::question(this, tr("Unsaved Changes"),
            tr("Save the changes to “%1”?").arg(name.isEmpty() ? tr("(no name)") : name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard) {
        m_dirty = false;
        if (isUnsavedNew()) {
            // Never saved: nothing of it stays behind, neither in the list nor in the settings.
            const QString id = m_newId;
            m_newId.clear();
            m_store->remove(id); // rebuildList() moves the form to the sandbox
        }
        return true;
    }
    save();
    return !m_dirty; // still dirty: the form had a mistake, stay so it can be fixed
}

void ConnectionsDialog::addConnection()
{
    if (!confirmLeave())
        return;
    Connection connection;
    connection.name = tr("New connection");
    connection.kind = Connection::Kind::OpenAI;
    connection.baseUrl = QUrl(Connection::defaultOpenAiBaseUrl());
    const QString id = m_store->add(connection);
    m_newId = id;
    showConnection(id);
    rebuildList();
    m_nameLineEdit->setFocus();
    m_nameLineEdit->selectAll();
}

void ConnectionsDialog::removeConnection()
{
    const auto connection = m_store->connection(m_currentId);
    if (!connection || connection->kind == Connection::Kind::Sandbox)
        return;
    const auto answer = MessageBox::question(this, tr("Remove Connection"),
            tr("Remove the connection “%1”?").arg(connection->name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
            tr("Its saved API key is deleted from the keychain as well."));
    if (answer != QMessageBox::Yes)
        return;
    const QString id = connection->id;
    const QString name = connection->name;
    m_dirty = false;
    if (id == m_newId)
        m_newId.clear();
    m_store->remove(id); // rebuildList() moves the form to the sandbox
    // Delete whatever may be stored, flag or not: nothing of a removed connection stays behind.
    m_secrets->deleteKey(id, this, [this, name](const SecretResult &result) {
        if (result.ok() || result.status == SecretResult::Status::NotFound)
            return;
        MessageBox::warning(this, tr("Key Not Deleted"),
                tr("The connection “%1” was removed, but its API key could not be deleted from "
                   "the keychain.")
                        .arg(name),
                result.message);
    });
}

void ConnectionsDialog::save()
{
    if (m_currentId == ConnectionStore::sandboxId() || m_busy)
        return;
    const Connection connection = formConnection();
    const QString problem = validate(connection);
    if (!problem.isEmpty()) {
        m_errorLabel->setText(problem);
        updateForm();
        return;
    }
    m_dirty = false;
    if (connection.id == m_newId)
        m_newId.clear(); // saved: an ordinary connection from now on
    if (connection.apiKey.isEmpty()) {
        finishSave(connection);
        return;
    }
    setBusy(true);
    m_secrets->writeKey(
            connection.id, connection.apiKey, this, [this, connection](const SecretResult &result) {
                setBusy(false);
                if (!result.ok()) {
                    m_dirty = connection.id == m_currentId;
                    m_errorLabel->setText(tr("The API key could not be saved.") + QLatin1Char(' ')
                            + result.message);
                    updateForm();
                    return;
                }
                if (connection.id == m_currentId)
                    m_apiKeyLineEdit->clear();
                // The flag means "in the keychain": a key kept for this run only is not.
                m_store->setHasKey(connection.id, !result.sessionOnly);
                if (result.sessionOnly)
                    MessageBox::information(
                            this, tr("Key Kept for This Session Only"), result.message);
                finishSave(connection);
            });
}

void ConnectionsDialog::finishSave(const Connection &connection)
{
    m_store->update(connection);
    if (connection.id == m_currentId)
        m_errorLabel->clear();
    updateForm();
    Q_EMIT saved(connection.id);
}

void ConnectionsDialog::test()
{
    Connection connection = formConnection();
    const int generation = ++m_testGeneration;
    m_testPushButton->setEnabled(false);
    m_testDotLabel->setPixmap(dotIcon(stateColor(false, {})).pixmap(12, 12));
    m_testStateLabel->setText(tr("Testing…"));
    m_testResultLabel->clear();
    if (connection.apiKey.isEmpty() && connection.kind != Connection::Kind::Sandbox) {
        m_secrets->readKey(connection.id, this,
                [this, connection, generation](const SecretResult &result) mutable {
                    if (generation != m_testGeneration)
                        return;
                    if (result.ok())
                        connection.apiKey = result.secret;
                    m_tester->test(connection);
                });
        return;
    }
    m_tester->test(connection);
}

void ConnectionsDialog::showTestResult(const ConnectionCheck &result)
{
    m_testPushButton->setEnabled(true);
    m_testDotLabel->setPixmap(dotIcon(stateColor(true, result)).pixmap(12, 12));
    m_testStateLabel->setText(result.shortText());
    m_testResultLabel->setText(result.plainMessage());
    Q_EMIT testFinished(result);
}

void ConnectionsDialog::useSelected()
{
    if (isUnsavedNew() && !m_dirty)
        m_newId.clear(); // using the new connection as it is keeps it
    if (!confirmLeave())
        return;
    if (!m_store->contains(m_currentId))
        return; // discarded
    m_store->setActive(m_currentId);
    rebuildList();
}

void ConnectionsDialog::done(int result)
{
    if (!confirmLeave())
        return;
    QDialog::done(result);
}

} // namespace fs::ui
