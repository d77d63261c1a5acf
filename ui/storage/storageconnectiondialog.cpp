// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageconnectiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fs::ui {

StorageConnectionDialog::StorageConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_endpoint(new QLineEdit(this))
    , m_region(new QLineEdit(QStringLiteral("auto"), this))
    , m_bucket(new QLineEdit(this))
    , m_accessKey(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Storage Connection"));
    auto *intro = new QLabel(tr("Connect a bucket in S3-compatible storage such as Cloudflare R2, "
                                "Amazon S3 or MinIO. You find these values where you created "
                                "the bucket's API token (in R2: \"Manage R2 API Tokens\")."),
            this);
    intro->setWordWrap(true);
    m_name->setPlaceholderText(tr("e.g. Training data (R2)"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://<account>.r2.cloudflarestorage.com"));
    m_region->setPlaceholderText(tr("auto (R2), or e.g. us-east-1"));
    m_bucket->setPlaceholderText(tr("the bucket's name only"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("&Bucket:"), m_bucket);
    form->addRow(tr("&Access key ID:"), m_accessKey);
    form->addRow(tr("&Secret access key:"), m_secret);
    auto *secretNote = new QLabel(tr("The secret is kept in this computer's keychain."), this);
    secretNote->setWordWrap(true);
    form->addRow(QString(), secretNote);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StorageConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StorageConnectionDialog::reject);
    for (QLineEdit *edit : {m_name, m_endpoint, m_region, m_bucket, m_accessKey, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &StorageConnectionDialog::updateState);
    updateState();
    resize(520, sizeHint().height());
}

void StorageConnectionDialog::setConnection(const StorageConnection &connection, bool hasSecret)
{
    m_id = connection.id;
    m_hasSecret = hasSecret;
    m_name->setText(connection.name);
    m_endpoint->setText(connection.endpoint.toString());
    m_region->setText(connection.region);
    m_bucket->setText(connection.bucket);
    m_accessKey->setText(connection.accessKeyId);
    m_secret->clear();
    m_secret->setPlaceholderText(hasSecret ? tr("saved; type to replace it") : QString());
    updateState();
}

StorageConnection StorageConnectionDialog::connection() const
{
    StorageConnection c;
    c.id = m_id;
    c.name = m_name->text().trimmed();
    QString endpoint = m_endpoint->text().trimmed();
    if (!endpoint.isEmpty() && !endpoint.contains(QLatin1String("://")))
        endpoint.prepend(QLatin1String("https://"));
    c.endpoint = QUrl(endpoint);
    c.region = m_region->text().trimmed().isEmpty() ? QStringLiteral("auto")
                                                    : m_region->text().trimmed();
    c.bucket = m_bucket->text().trimmed();
    c.accessKeyId = m_accessKey->text().trimmed();
    return c;
}

QString StorageConnectionDialog::secret() const
{
    return m_secret->text().trimmed();
}

QString StorageConnectionDialog::problem() const
{
    QString reason;
    if (!connection().isValid(&reason))
        return reason;
    if (!m_hasSecret && secret().isEmpty())
        return tr("Enter the secret access key.");
    return {};
}

void StorageConnectionDialog::updateState()
{
    const QString reason = problem();
    m_problem->setText(reason);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
}

void StorageConnectionDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

} // namespace fs::ui
