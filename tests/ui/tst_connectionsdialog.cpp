// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "connectionsdialog.h"
#include "connectionstore.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "namedchild.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using fs::Connection;
using fs::ConnectionCheck;
using fs::ConnectionStore;
using fs::test::child;
using fs::ui::ConnectionsDialog;
using fs::ui::MessageBox;
using fs::ui::MessageRequest;

class tst_ConnectionsDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    fs::MemorySecretStore *m_memory = nullptr; ///< the keychain stand-in inside m_secrets
    std::unique_ptr<fs::FallbackSecretStore> m_secrets;
    std::unique_ptr<fs::sandbox::SandboxServer> m_sandbox; ///< the built-in one: no key
    std::unique_ptr<fs::sandbox::SandboxServer> m_keyed; ///< a server that wants a key
    QNetworkAccessManager m_nam;
    QList<MessageRequest> m_messages;
    QMessageBox::StandardButton m_answer = QMessageBox::Ok;

    std::unique_ptr<ConnectionsDialog> makeDialog()
    {
        auto dialog = std::make_unique<ConnectionsDialog>(m_store.get(), m_secrets.get(), &m_nam);
        dialog->show();
        return dialog;
    }
    static void typeInto(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    static void chooseKind(ConnectionsDialog *dialog, Connection::Kind kind)
    {
        auto *combo = child<QComboBox>(dialog, "kindComboBox");
        combo->setCurrentIndex(combo->findData(Connection::kindToString(kind)));
    }
    /// Presses Test and returns what the dialog says.
    static QString pressTest(ConnectionsDialog *dialog)
    {
        QSignalSpy finished(dialog, &ConnectionsDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(dialog, "testPushButton"), Qt::LeftButton);
        if (!finished.wait(20000))
            return QStringLiteral("(no result)");
        return child<QLabel>(dialog, "testResultLabel")->text();
    }
    QByteArray iniBytes() const
    {
        m_settings->sync();
        QFile file(m_dir->filePath(QStringLiteral("s.ini")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        MessageBox::setTestHook([this](const MessageRequest &request) {
            m_messages << request;
            return m_answer;
        });
    }

    void init()
    {
        m_messages.clear();
        m_answer = QMessageBox::Ok;
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_memory = new fs::MemorySecretStore;
        m_secrets = std::make_unique<fs::FallbackSecretStore>(m_memory);
        fs::sandbox::SandboxOptions options;
        options.requiredKey = QStringLiteral("sk-right-key");
        m_keyed = std::make_unique<fs::sandbox::SandboxServer>(options);
        QString problem;
        QVERIFY2(m_keyed->start(&problem), qPrintable(problem));
        m_sandbox = std::make_unique<fs::sandbox::SandboxServer>();
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
    }

    void wrongKeyIsReportedInPlainWords()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        QVERIFY(dialog->currentId() != ConnectionStore::sandboxId());
        QCOMPARE(m_store->count(), 2);
        chooseKind(dialog.get(), Connection::Kind::Compatible);
        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"), m_keyed->baseUrl().toString());
        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), QStringLiteral("sk-wrong"));

        const QString said = pressTest(dialog.get());
        QVERIFY2(said.contains(QLatin1String("did not accept the API key")), qPrintable(said));
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("dialog-wrongkey"));

        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), QStringLiteral("sk-right-key"));
        const QString ok = pressTest(dialog.get());
        QVERIFY2(ok.startsWith(QLatin1String("Connected.")), qPrintable(ok));
        QVERIFY(m_messages.isEmpty());
    }

    void unreachableOpenAiConnection()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        // A new connection is an OpenAI one with the usual address and the org/project fields.
        QCOMPARE(child<QComboBox>(dialog.get(), "kindComboBox")->currentData().toString(),
                QStringLiteral("openai"));
        QCOMPARE(child<QLineEdit>(dialog.get(), "baseUrlLineEdit")->text(),
                Connection::defaultOpenAiBaseUrl());
        QVERIFY(child<QLineEdit>(dialog.get(), "organizationLineEdit")->isVisible());
        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"),
                QStringLiteral("https://127.0.0.1:1/v1"));
        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), QStringLiteral("sk-anything"));
        const QString said = pressTest(dialog.get());
        QVERIFY2(said.contains(QLatin1String("could not be reached")), qPrintable(said));
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("dialog-unreachable"));

        chooseKind(dialog.get(), Connection::Kind::Azure);
        QVERIFY(child<QLineEdit>(dialog.get(), "organizationLineEdit")->isHidden());
    }

    void plainHttpToAnotherComputerIsWarnedAbout()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        chooseKind(dialog.get(), Connection::Kind::Compatible);
        auto *url = child<QLineEdit>(dialog.get(), "baseUrlLineEdit");
        auto *warning = child<QLabel>(dialog.get(), "warningLabel");
        QVERIFY(warning->isHidden());
        typeInto(url, QStringLiteral("http://192.168.1.20:8000/v1"));
        QVERIFY(!warning->isHidden());
        QVERIFY(warning->text().contains(QLatin1String("unencrypted")));
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("dialog-httpwarning"));
        typeInto(url, QStringLiteral("http://127.0.0.1:8000/v1"));
        QVERIFY(warning->isHidden());
        typeInto(url, QStringLiteral("http://localhost:8000/v1"));
        QVERIFY(warning->isHidden());
        typeInto(url, QStringLiteral("https://models.example.com/v1"));
        QVERIFY(warning->isHidden());
        typeInto(url, QStringLiteral("http://models.example.com/v1"));
        QVERIFY(!warning->isHidden());
    }

    void savingPutsTheKeyInTheSecretStoreOnly()
    {
        const QString secret = QStringLiteral("sk-proj-very-secret-0123456789");
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        auto *save = child<QPushButton>(dialog.get(), "savePushButton");
        QVERIFY(save->isEnabled()); // a new connection is not saved yet
        QVERIFY(dialog->hasUnsavedChanges());
        typeInto(child<QLineEdit>(dialog.get(), "nameLineEdit"), QStringLiteral("My company"));
        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), secret);
        typeInto(child<QLineEdit>(dialog.get(), "organizationLineEdit"), QStringLiteral("org-42"));
        QVERIFY(save->isEnabled());
        QVERIFY(dialog->hasUnsavedChanges());
        QSignalSpy saved(dialog.get(), &ConnectionsDialog::saved);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.at(0).at(0).toString(), id);

        QVERIFY(m_store->hasKey(id));
        QVERIFY(m_memory->contains(id));
        QVERIFY(!m_secrets->isSessionOnly(id));
        QCOMPARE(m_store->connection(id)->name, QStringLiteral("My company"));
        QCOMPARE(m_store->connection(id)->organization, QStringLiteral("org-42"));
        QVERIFY(m_store->connection(id)->apiKey.isEmpty());
        const QByteArray bytes = iniBytes();
        QVERIFY(bytes.contains("My company"));
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains("very-secret"));

        auto *key = child<QLineEdit>(dialog.get(), "apiKeyLineEdit");
        QVERIFY(key->text().isEmpty());
        QVERIFY(key->placeholderText().contains(QLatin1String("keychain")));
        QVERIFY(!dialog->hasUnsavedChanges());
        QVERIFY(!save->isEnabled());
        QVERIFY(m_messages.isEmpty());

        // Testing with the empty field uses the saved key (the sandbox wants another one).
        chooseKind(dialog.get(), Connection::Kind::Compatible);
        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"), m_keyed->baseUrl().toString());
        const QString said = pressTest(dialog.get());
        QVERIFY2(said.contains(QLatin1String("did not accept the API key")), qPrintable(said));
    }

    void theSandboxSaysWhereItSpeaksTogetherAi()
    {
        // A new user who wants to practise Together AI learns the sandbox's address from the
        // dialog, and a Together AI connection to it, without a key, tests as connected.
        auto dialog = makeDialog();
        const QString together = m_store->sandboxTogetherBaseUrl().toString();
        QCOMPARE(together,
                m_sandbox->baseUrl().toString().replace(
                        QLatin1String("/v1"), QLatin1String("/together/v1")));
        const QString info = child<QLabel>(dialog.get(), "sandboxInfoLabel")->text();
        QVERIFY2(info.contains(together), qPrintable(info));

        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        chooseKind(dialog.get(), Connection::Kind::Together);
        const QString hint = child<QLabel>(dialog.get(), "addressHintLabel")->text();
        QVERIFY2(hint.contains(together), qPrintable(hint));
        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"), together);
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("dialog-together-sandbox"));
        const QString said = pressTest(dialog.get());
        QVERIFY2(said.startsWith(QLatin1String("Connected")), qPrintable(said));
    }

    void togetherAiIsOfferedWithItsAddressAndWhereTheKeyIs()
    {
        auto dialog = makeDialog();
        auto *kinds = child<QComboBox>(dialog.get(), "kindComboBox");
        const int together = kinds->findData(Connection::kindToString(Connection::Kind::Together));
        QVERIFY(together >= 0);
        QCOMPARE(kinds->itemText(together), QStringLiteral("Together AI"));
        // The sandbox is still listed but cannot be chosen.
        auto *model = qobject_cast<QStandardItemModel *>(kinds->model());
        QVERIFY(model);
        QVERIFY(!model->item(kinds->findData(Connection::kindToString(Connection::Kind::Sandbox)))
                         ->isEnabled());
        QVERIFY(model->item(together)->isEnabled());

        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        chooseKind(dialog.get(), Connection::Kind::Together);
        // Together's usual address replaces OpenAI's; no OpenAI organization or project.
        auto *url = child<QLineEdit>(dialog.get(), "baseUrlLineEdit");
        QCOMPARE(url->text(), QStringLiteral("https://api.together.xyz/v1"));
        QVERIFY(child<QLineEdit>(dialog.get(), "organizationLineEdit")->isHidden());
        const QString hint = child<QLabel>(dialog.get(), "addressHintLabel")->text();
        QVERIFY2(hint.contains(QLatin1String("Together AI website"))
                        && hint.contains(QLatin1String("API Keys")),
                qPrintable(hint));
        typeInto(child<QLineEdit>(dialog.get(), "nameLineEdit"), QStringLiteral("My Together"));
        const QString secret = QStringLiteral("tgp_v1_very-secret-key");
        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), secret);
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("dialog-together"));
        QSignalSpy saved(dialog.get(), &ConnectionsDialog::saved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), "savePushButton"), Qt::LeftButton);
        QVERIFY(saved.wait(5000));

        // Saved as a Together connection, its key in the keychain only.
        const auto connection = m_store->connection(id);
        QVERIFY(connection);
        QCOMPARE(connection->kind, Connection::Kind::Together);
        QCOMPARE(connection->baseUrl.toString(), QStringLiteral("https://api.together.xyz/v1"));
        QCOMPARE(connection->providerKind(), fs::ProviderKind::Together);
        QVERIFY(m_memory->contains(id));
        QVERIFY(m_store->hasKey(id));
        QVERIFY(!iniBytes().contains("very-secret"));
        QVERIFY(m_messages.isEmpty());

        // Back to OpenAI: its own address again.
        chooseKind(dialog.get(), Connection::Kind::OpenAI);
        QCOMPARE(url->text(), Connection::defaultOpenAiBaseUrl());
    }

    void fireworksAiNeedsItsAccountIdAndTestsAgainstTheSandbox()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        auto *account = child<QLineEdit>(dialog.get(), "accountLineEdit");
        QVERIFY(account->isHidden()); // OpenAI has no account id
        chooseKind(dialog.get(), Connection::Kind::Fireworks);
        auto *url = child<QLineEdit>(dialog.get(), "baseUrlLineEdit");
        QCOMPARE(url->text(), QStringLiteral("https://api.fireworks.ai"));
        QVERIFY(account->isVisible());
        QVERIFY(child<QLineEdit>(dialog.get(), "organizationLineEdit")->isHidden());
        const QString hint = child<QLabel>(dialog.get(), "addressHintLabel")->text();
        QVERIFY2(hint.contains(QLatin1String("account ID"))
                        && hint.contains(QLatin1String("/fireworks")),
                qPrintable(hint));
        typeInto(child<QLineEdit>(dialog.get(), "nameLineEdit"),
                QStringLiteral("Fireworks practice"));
        // Without the account id nothing is saved, and the form says why.
        QTest::mouseClick(child<QPushButton>(dialog.get(), "savePushButton"), Qt::LeftButton);
        QVERIFY2(child<QLabel>(dialog.get(), "errorLabel")
                         ->text()
                         .contains(QLatin1String("account ID")),
                qPrintable(child<QLabel>(dialog.get(), "errorLabel")->text()));
        QVERIFY(!m_store->connection(id)
                || m_store->connection(id)->kind != Connection::Kind::Fireworks);

        // The sandbox's /fireworks, with any account id: the test lists its models.
        QUrl sandbox = m_keyed->baseUrl();
        sandbox.setPath(QStringLiteral("/fireworks"));
        typeInto(url, sandbox.toString());
        typeInto(account, QStringLiteral("my-account"));
        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), QStringLiteral("sk-right-key"));
        const QString result = pressTest(dialog.get());
        QVERIFY2(result.startsWith(QLatin1String("Connected.")), qPrintable(result));
        dialog->resize(1024, 600);
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("dialog-fireworks"));
        QSignalSpy saved(dialog.get(), &ConnectionsDialog::saved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), "savePushButton"), Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        const auto connection = m_store->connection(id);
        QVERIFY(connection);
        QCOMPARE(connection->kind, Connection::Kind::Fireworks);
        QCOMPARE(connection->account, QStringLiteral("my-account"));
        QCOMPARE(connection->providerKind(), fs::ProviderKind::Fireworks);
        QVERIFY(!iniBytes().contains("sk-right-key"));
        // Kept across a restart.
        ConnectionStore reread(m_settings.get());
        QCOMPARE(reread.connection(id)->account, QStringLiteral("my-account"));
    }

    void withoutAKeychainTheUserIsToldAndTheKeyLastsThisRun()
    {
        m_memory->simulateFailure(fs::SecretResult::Status::NoKeychain);
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        chooseKind(dialog.get(), Connection::Kind::Compatible);
        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"), m_keyed->baseUrl().toString());
        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), QStringLiteral("sk-right-key"));
        QSignalSpy saved(dialog.get(), &ConnectionsDialog::saved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), "savePushButton"), Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QCOMPARE(m_messages.size(), 1);
        QVERIFY(m_messages.at(0).text.contains(QLatin1String("No password keychain")));
        QVERIFY(m_messages.at(0).text.contains(QLatin1String("until you close the app")));
        QVERIFY(m_secrets->isSessionOnly(id));
        QVERIFY(!m_store->hasKey(id)); // nothing in a keychain to point to
        // The key still works for this run.
        const QString said = pressTest(dialog.get());
        QVERIFY2(said.startsWith(QLatin1String("Connected.")), qPrintable(said));
    }

    void invalidFormIsNotSaved()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"),
                QStringLiteral("api.openai.com/v1"));
        QTest::mouseClick(child<QPushButton>(dialog.get(), "savePushButton"), Qt::LeftButton);
        auto *error = child<QLabel>(dialog.get(), "errorLabel");
        QVERIFY(!error->isHidden());
        QVERIFY(error->text().contains(QLatin1String("https://")));
        QCOMPARE(m_store->connection(id)->baseUrl, QUrl(Connection::defaultOpenAiBaseUrl()));
        QVERIFY(dialog->hasUnsavedChanges());

        typeInto(child<QLineEdit>(dialog.get(), "nameLineEdit"), QString());
        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"),
                QStringLiteral("https://api.openai.com/v1"));
        QTest::mouseClick(child<QPushButton>(dialog.get(), "savePushButton"), Qt::LeftButton);
        QVERIFY(error->text().contains(QLatin1String("name")));
    }

    void removeAsksThenDeletesConnectionAndKey()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        typeInto(child<QLineEdit>(dialog.get(), "apiKeyLineEdit"), QStringLiteral("sk-to-delete"));
        QSignalSpy saved(dialog.get(), &ConnectionsDialog::saved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), "savePushButton"), Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QVERIFY(m_memory->contains(id));
        m_store->setActive(id);

        auto *remove = child<QPushButton>(dialog.get(), "removePushButton");
        m_answer = QMessageBox::No;
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.at(0).icon, QMessageBox::Question);
        QVERIFY(m_messages.at(0).text.contains(QLatin1String("New connection")));
        QVERIFY(m_store->contains(id));

        m_answer = QMessageBox::Yes;
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(!m_store->contains(id));
        QCOMPARE(m_store->activeId(), ConnectionStore::sandboxId());
        QTRY_VERIFY(!m_memory->contains(id));
        QCOMPARE(dialog->currentId(), ConnectionStore::sandboxId());
        QCOMPARE(child<QListWidget>(dialog.get(), "connectionsListWidget")->count(), 1);
        QVERIFY(!iniBytes().contains(id.toUtf8()));
    }

    void theSandboxCannotBeEditedOrRemoved()
    {
        auto dialog = makeDialog();
        QCOMPARE(dialog->currentId(), ConnectionStore::sandboxId());
        QVERIFY(!child<QPushButton>(dialog.get(), "removePushButton")->isEnabled());
        QVERIFY(!child<QLineEdit>(dialog.get(), "nameLineEdit")->isEnabled());
        QVERIFY(!child<QLineEdit>(dialog.get(), "baseUrlLineEdit")->isEnabled());
        QVERIFY(child<QLineEdit>(dialog.get(), "apiKeyLineEdit")->isHidden());
        QVERIFY(!child<QPushButton>(dialog.get(), "usePushButton")->isEnabled()); // already in use
        const QString said = pressTest(dialog.get());
        QVERIFY2(said.startsWith(QLatin1String("Connected.")), qPrintable(said));
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("dialog-sandbox"));
    }

    void unsavedChangesAreNotLostSilently()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        auto *list = child<QListWidget>(dialog.get(), "connectionsListWidget");
        typeInto(child<QLineEdit>(dialog.get(), "nameLineEdit"), QStringLiteral("Edited name"));

        m_answer = QMessageBox::Cancel;
        list->setCurrentRow(0);
        QCOMPARE(m_messages.size(), 1);
        QVERIFY(m_messages.at(0).text.contains(QLatin1String("Edited name")));
        QCOMPARE(dialog->currentId(), id); // stayed
        QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), id);
        QCOMPARE(child<QLineEdit>(dialog.get(), "nameLineEdit")->text(),
                QStringLiteral("Edited name"));

        m_answer = QMessageBox::Save;
        list->setCurrentRow(0);
        QCOMPARE(dialog->currentId(), ConnectionStore::sandboxId());
        QTRY_COMPARE(m_store->connection(id)->name, QStringLiteral("Edited name"));

        // Discard keeps the stored version.
        dialog->selectConnection(id);
        typeInto(child<QLineEdit>(dialog.get(), "nameLineEdit"), QStringLiteral("Thrown away"));
        m_answer = QMessageBox::Discard;
        dialog->close();
        QVERIFY(!dialog->isVisible());
        QCOMPARE(m_store->connection(id)->name, QStringLiteral("Edited name"));
    }

    void discardedNewConnectionLeavesNothingBehind_data()
    {
        QTest::addColumn<QString>("typedName");
        QTest::newRow("untouched") << QString();
        QTest::newRow("named") << QStringLiteral("Half-done connection");
    }

    void discardedNewConnectionLeavesNothingBehind()
    {
        // Manage Connections → Add → Close → Discard, in the main window.
        QFETCH(QString, typedName);
        fs::ui::MainWindow window(m_store.get(), m_secrets.get(), &m_nam);
        window.show();
        auto *menu = window.findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 1);
        window.manageConnections();
        ConnectionsDialog *dialog = window.connectionsDialog();
        QVERIFY(dialog);
        QTest::mouseClick(child<QPushButton>(dialog, "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        QVERIFY(id != ConnectionStore::sandboxId());
        if (!typedName.isEmpty())
            typeInto(child<QLineEdit>(dialog, "nameLineEdit"), typedName);

        m_answer = QMessageBox::Discard;
        QTest::mouseClick(child<QPushButton>(dialog, "closePushButton"), Qt::LeftButton);
        // The person is asked before a connection they never saved goes.
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.at(0).icon, QMessageBox::Question);
        QVERIFY(!dialog->isVisible());

        QVERIFY(!m_store->contains(id));
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(m_store->activeId(), ConnectionStore::sandboxId());
        QCOMPARE(menu->actions().size(), 1);
        for (const QAction *action : menu->actions())
            QVERIFY2(action->data().toString() != id, qPrintable(action->text()));
        const QByteArray bytes = iniBytes();
        QVERIFY2(!bytes.contains(id.toUtf8()), bytes.constData());
        QVERIFY(!bytes.contains("New connection"));
        QVERIFY(!bytes.contains("Half-done"));
        // Settings read afresh (the next start) know nothing of it either.
        ConnectionStore reread(m_settings.get());
        QCOMPARE(reread.count(), 1);

        // Opened again, the dialog shows the sandbox, and Cancel on a new one keeps it there.
        window.manageConnections();
        QCOMPARE(dialog->currentId(), ConnectionStore::sandboxId());
        QCOMPARE(child<QListWidget>(dialog, "connectionsListWidget")->count(), 1);
        QTest::mouseClick(child<QPushButton>(dialog, "addPushButton"), Qt::LeftButton);
        m_answer = QMessageBox::Cancel;
        QTest::mouseClick(child<QPushButton>(dialog, "closePushButton"), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(m_store->contains(dialog->currentId()));
        // Saving it instead keeps it, in the menu too.
        m_answer = QMessageBox::Save;
        const QString kept = dialog->currentId();
        QTest::mouseClick(child<QPushButton>(dialog, "closePushButton"), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());
        QVERIFY(m_store->contains(kept));
        QCOMPARE(menu->actions().size(), 2);
        window.manageConnections();
        dialog->selectConnection(kept);
        QVERIFY(!dialog->hasUnsavedChanges());
        dialog->close();
        QVERIFY(m_store->contains(kept));
    }

    void azureWithoutAValidEndpointSaysWhatWasEntered()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        chooseKind(dialog.get(), Connection::Kind::Azure);
        // Switching to Azure empties the OpenAI address: the test asks for the endpoint.
        QCOMPARE(child<QLineEdit>(dialog.get(), "baseUrlLineEdit")->text(), QString());
        QString said = pressTest(dialog.get());
        QVERIFY2(!said.contains(QLatin1String("example.com")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("Enter the resource endpoint")), qPrintable(said));

        typeInto(child<QLineEdit>(dialog.get(), "baseUrlLineEdit"),
                QStringLiteral("my-resource.openai.azure.com"));
        said = pressTest(dialog.get());
        QVERIFY2(!said.contains(QLatin1String("example.com")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("“my-resource.openai.azure.com”")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("Keys and Endpoint")), qPrintable(said));
    }

    void useThisConnectionMakesItActive()
    {
        auto dialog = makeDialog();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPushButton"), Qt::LeftButton);
        const QString id = dialog->currentId();
        auto *use = child<QPushButton>(dialog.get(), "usePushButton");
        QVERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(m_store->activeId(), id);
        QVERIFY(!use->isEnabled());
        auto *list = child<QListWidget>(dialog.get(), "connectionsListWidget");
        QVERIFY(list->item(1)->text().contains(QLatin1String("(in use)")));
        QVERIFY(!list->item(0)->text().contains(QLatin1String("(in use)")));
    }
};

QTEST_MAIN(tst_ConnectionsDialog)
#include "tst_connectionsdialog.moc"
